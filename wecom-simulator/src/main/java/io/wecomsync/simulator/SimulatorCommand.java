package io.wecomsync.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator as a command. Defaults match the {@code local} profile's demo app, so against
 * {@code ./run-local.sh} no option is needed.
 *
 * <pre>
 *   serve [--port 18090] [--seed directory.json]     WeCom's API over an in-memory directory, until Ctrl-C
 *   send CHANGE_TYPE Field=value …                   one signed, encrypted change_contact callback
 *        e.g. send create_user UserID=zhangsan Name=张三 Department=1 Mobile=13800000000
 *   seed directory.json                              check a seed file and say what is in it
 * options: --url (callback URL), --corp-id, --token, --aes-key, --agent
 * </pre>
 */
public final class SimulatorCommand {

    static final String DEMO_CORP = "wwlocaldemo0000001";
    static final String DEMO_TOKEN = "localDemoToken";
    static final String DEMO_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final int DEMO_AGENT = 1000002;

    private SimulatorCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        String corpId = options.getOrDefault("corp-id", DEMO_CORP);
        switch (words.get(0)) {
            case "serve" -> serve(corpId, Integer.parseInt(options.getOrDefault("port", "18090")), options.get("seed"));
            case "send" -> send(corpId, words, options);
            case "seed" -> {
                Directory directory = load(words.size() > 1 ? words.get(1) : null);
                System.out.println(directory.users().size() + " users, " + directory.departments().size() + " departments");
            }
            default -> usage();
        }
    }

    private static void serve(String corpId, int port, String seed) throws Exception {
        try (WeComApiServer server = new WeComApiServer(load(seed), corpId, port)) {
            System.out.println("WeCom simulator for corp " + corpId + " at " + server.baseUrl()
                    + " (set wx.cp.api-base-url to it); Ctrl-C stops it");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
    }

    private static void send(String corpId, List<String> words, Map<String, String> options) throws InterruptedException {
        if (words.size() < 2) {
            throw new IllegalArgumentException("send needs a ChangeType, e.g. send create_user UserID=zhangsan Name=张三");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : words.subList(2, words.size())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fields are Name=value, got '" + pair + "'");
            }
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        int agent = Integer.parseInt(options.getOrDefault("agent", String.valueOf(DEMO_AGENT)));
        CallbackSender sender = new CallbackSender(
                options.getOrDefault("url", "http://127.0.0.1:8080/wx/callback/" + agent), corpId,
                options.getOrDefault("token", DEMO_TOKEN), options.getOrDefault("aes-key", DEMO_AES_KEY), agent,
                Duration.ofSeconds(1));
        CallbackSender.Delivery delivery = sender.send(new ContactEvents(corpId, Clock.systemUTC()).message(words.get(1), fields));
        System.out.println(words.get(1) + (delivery.delivered() ? " delivered" : " NOT delivered") + " after "
                + delivery.tries() + " tr" + (delivery.tries() == 1 ? "y" : "ies") + " (HTTP " + delivery.lastStatus() + ")");
    }

    private static Directory load(String seed) throws IOException {
        if (seed == null) {
            return new Directory();
        }
        try (InputStream in = Files.newInputStream(Path.of(seed))) {
            return Directory.seed(in);
        }
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar wecom-simulator/target/wecom-simulator-exec.jar COMMAND
                  serve [--port 18090] [--seed directory.json]
                  send CHANGE_TYPE Field=value …   (e.g. send create_user UserID=zhangsan Name=张三 Department=1)
                  seed directory.json
                options: --url CALLBACK_URL --corp-id --token --aes-key --agent""");
    }
}
