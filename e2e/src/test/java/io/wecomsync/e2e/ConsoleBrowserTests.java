package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.simulator.ContactEvents;
import io.wecomsync.simulator.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.wecomsync.e2e.RunningSystem.CORP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ops console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * skipped where they are not installed — {@code .ci/run} installs them), against the whole system: sign
 * in, find a DEAD event from the dashboard, replay it, search the operation log, switch the language;
 * start a reconciliation, watch it run, confirm the deletions it holds back.
 * Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

    private static final String PASSWORD = "console-e2e-password";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private RunningSystem system;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(), "Chromium and chromedriver are not installed");
        system = new RunningSystem("_console", null);
        system.startConsole(PASSWORD, "zhangsan");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOperatorSignsInFindsTheDeadEventReplaysItAndFollowsItIntoTheOperationLog() throws Exception {
        // a change that can never be applied: it goes DEAD at once
        ContactEvents events = new ContactEvents(CORP, Clock.systemUTC());
        assertThat(system.callbacks().send(events.message("delete_user", Map.of())).lastStatus()).isEqualTo(200);
        RunningSystem.await(Duration.ofSeconds(60), "the DEAD event", () -> deadEvents() == 1);

        signIn();

        assertThat(browser.findElement(By.id("operator")).getText()).contains("admin", "管理员");
        assertThat(browser.findElement(By.id("dead-tile")).getText()).startsWith("1").contains("DEAD 事件");
        RunningSystem.await(Duration.ofSeconds(10), "the chart drawn by the page's script",
                () -> !browser.findElements(By.cssSelector("#throughput-chart canvas")).isEmpty());
        assertThat(browser.manage().logs().get("browser").getAll())
                .as("nothing the Content-Security-Policy refused, no script error")
                .noneMatch(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue());
        assertThat(browser.findElements(By.cssSelector("#tiles .problem"))).extracting(WebElement::getText)
                .as("every service answered the dashboard").isEmpty();
        screenshot("dashboard");

        open(By.id("dead-tile"));
        assertThat(browser.findElement(By.id("events")).getText()).contains("delete_user", "DEAD");
        screenshot("inbox-dead");
        open(By.cssSelector("#events tr:nth-child(2) td a"));
        assertThat(browser.findElement(By.id("event-status")).getText()).isEqualTo("DEAD");
        screenshot("event");
        open(By.id("replay"));
        assertThat(browser.findElement(By.className("done")).getText()).contains("已重放");

        String trace = browser.findElement(By.cssSelector("#event a[href*='traceId']")).getText();
        open(By.cssSelector("#event a[href*='traceId']"));
        assertThat(browser.findElement(By.id("trace-filter")).getDomProperty("value")).isEqualTo(trace);

        browser.get(system.gatewayUrl() + "/console/oper-logs");
        browser.findElement(By.id("target-filter")).sendKeys("run-1");
        open(By.id("search"));
        assertThat(browser.findElement(By.id("entries")).getText()).contains("RECONCILE_RUN");
        screenshot("operation-log");

        browser.get(system.gatewayUrl() + "/console/callback-ips");
        open(By.id("refresh-ips"));
        assertThat(browser.findElement(By.className("done")).getText()).contains("已从企业微信刷新");
        RunningSystem.await(Duration.ofSeconds(30), "the refresh in the list's history, under the admin's name", () -> {
            browser.navigate().refresh();
            return browser.findElements(By.id("ip-history")).stream()
                    .anyMatch(history -> history.getText().contains("CALLBACK_IP_REFRESH") && history.getText().contains("admin"));
        });
        assertThat(browser.findElement(By.cssSelector(".ip-list .ids")).getText()).contains("127.0.0.1");

        browser.get(system.gatewayUrl() + "/console/oper-logs");
        open(By.id("language"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Operation log");
        browser.get(system.gatewayUrl() + "/console/");
        assertThat(browser.findElement(By.id("dead-tile")).getText()).contains("DEAD events");
        screenshot("dashboard-en");
    }

    @Test
    void anAdminReconcilesWatchesTheRunAndConfirmsTheDeletionsItHoldsBack() throws Exception {
        system.directory.put(new Directory.Department(1, "总部", 0, 1));
        for (int i = 1; i <= 6; i++) {
            system.directory.put(new Directory.User("staff0" + i, "员工" + i, List.of(1L), 1L, null, null, null, null, 1));
        }
        signIn();
        startRun();
        awaitRunStatus("SUCCEEDED");
        RunningSystem.await(Duration.ofSeconds(60), "the six users in mdm-service", () -> user("staff06") != null);

        for (int i = 1; i <= 5; i++) {
            system.directory.removeUser("staff0" + i);
        }
        startRun();
        awaitRunStatus("AWAITING_CONFIRMATION");
        assertThat(browser.findElement(By.id("held-users")).getText()).contains("staff01", "staff05").doesNotContain("staff06");
        screenshot("reconcile-confirm");
        open(By.id("confirm"));

        assertThat(browser.findElement(By.className("done")).getText()).contains("已确认");
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("CONFIRMED");
        RunningSystem.await(Duration.ofSeconds(60), "the five users deleted in mdm-service",
                () -> user("staff05") != null && user("staff05").path("deleted").asBoolean());
        assertThat(user("staff06").path("deleted").asBoolean()).isFalse();

        browser.get(system.gatewayUrl() + "/console/oper-logs?lang=zh&operator=admin&action=RECONCILE_CONFIRM");
        RunningSystem.await(Duration.ofSeconds(30), "the confirmation in the operation log", () -> {
            browser.navigate().refresh();
            return !browser.findElements(By.id("entries")).isEmpty();
        });
        assertThat(browser.findElement(By.id("entries")).getText()).contains("RECONCILE_CONFIRM", "admin", "5 deletions confirmed");

        browser.get(system.gatewayUrl() + "/console/directory?lang=zh&corpId=" + CORP);
        open(By.linkText("总部"));
        assertThat(browser.findElement(By.id("members")).getText()).contains("staff06").doesNotContain("staff05");
        open(By.linkText("staff06"));
        assertThat(browser.findElement(By.id("user")).getText()).contains("员*");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("USER_UPSERT");
        screenshot("directory-user");

        browser.get(system.gatewayUrl() + "/console/?lang=zh");
        RunningSystem.await(Duration.ofSeconds(40), "the runs' events counted in the dashboard's chart", () -> {
            browser.navigate().refresh();
            return !browser.findElement(By.id("hour-totals")).getText().contains("应用事件 0 条");
        });
        screenshot("dashboard-chart");
    }

    @Test
    void aWeComMemberSignsInByScanningAndTheirActionsCarryTheirWeComId() throws Exception {
        system.weCom.signIn("zhangsan");
        browser.manage().deleteAllCookies();
        browser.get(system.gatewayUrl() + "/console/?lang=zh");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        open(By.id("wecom-login"));

        assertThat(browser.findElement(By.id("operator")).getText()).contains("wecom:zhangsan", "管理员");
        assertThat(browser.getCurrentUrl()).startsWith(system.gatewayUrl() + "/console/");

        system.weCom.signIn("lisi");
        browser.manage().deleteAllCookies();
        browser.get(system.gatewayUrl() + "/console/login");
        open(By.id("wecom-login"));
        assertThat(browser.findElement(By.id("sign-in-problem")).getText()).contains("没有控制台权限");
        browser.manage().deleteAllCookies();
    }

    /** Starts a run (not a dry run) of the test corp from the reconciliation page; lands on the run's page. */
    private void startRun() {
        browser.get(system.gatewayUrl() + "/console/reconcile?lang=zh");
        browser.findElement(By.id("start-corp")).sendKeys(CORP);
        browser.findElement(By.id("start-dry-run")).click();
        open(By.id("start"));
        assertThat(browser.findElement(By.className("done")).getText()).contains("已开始同步");
    }

    /** The run's page follows the run by itself (htmx): no reload here. */
    private void awaitRunStatus(String status) throws InterruptedException {
        RunningSystem.await(Duration.ofSeconds(60), "the run to be " + status, () -> {
            try {
                return status.equals(browser.findElement(By.id("run-status")).getText());
            } catch (StaleElementReferenceException swappedMeanwhile) {
                return false;
            }
        });
    }

    private JsonNode user(String wxUserId) {
        try {
            return system.user(wxUserId);
        } catch (Exception e) {
            return null;
        }
    }

    private void signIn() {
        browser.get(system.gatewayUrl() + "/console/?lang=zh");
        if (browser.getCurrentUrl().endsWith("/console/login")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            open(By.id("sign-in"));
        }
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one: looking up an
     * element right after the click could otherwise find it on the page being left.
     */
    private void open(By target) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(leaving));
    }

    private int deadEvents() {
        try {
            return system.get("/api/wx/inbox/counts").json().path("data").path("DEAD").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }
}
