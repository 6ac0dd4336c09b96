package io.wecomsync.mdm.loginip;

import io.wecomsync.common.mdm.LoginIpRefreshFailure;
import io.wecomsync.common.mdm.LoginIpReplaceRequest;
import io.wecomsync.common.mdm.LoginIpSetResponse;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.WriteOutcome;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.web.RequestSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replaces a whole login-IP set in one transaction: readers see the old set until the commit and the
 * new set after it, never an empty or mixed one (InnoDB's consistent reads). Every address is checked
 * before anything is written; one bad entry refuses the whole request. A replace that would shrink a
 * set by more than half keeps the addresses it leaves out for {@code mdm.login-ips.shrink-grace} after
 * they were last listed, with a warning in the operation log.
 */
@Service
class LoginIpWhitelist {

    private static final Logger log = LoggerFactory.getLogger(LoginIpWhitelist.class);
    private static final int MAX_LOGGED = 480;

    private final LoginIpMapper loginIps;
    private final OperationLog operationLog;
    private final LoginIpProperties properties;
    private final Clock clock;

    LoginIpWhitelist(LoginIpMapper loginIps, OperationLog operationLog, LoginIpProperties properties, Clock clock) {
        this.loginIps = loginIps;
        this.operationLog = operationLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LoginIpSetResponse get(String type) {
        return new LoginIpSetResponse(type, loginIps.findIps(type), loginIps.lastReplacedAt(type));
    }

    @Transactional
    public LoginIpSetResponse replace(String type, LoginIpReplaceRequest request, RequestSource source) {
        List<String> listed = canonicalSet(request.ips());
        Instant now = clock.instant();
        Map<String, Instant> current = new TreeMap<>();
        loginIps.findListed(type).forEach(entry -> current.put(entry.ip(), entry.listedAt()));
        List<LoginIpMapper.Listed> held = heldBack(current, listed, now);
        TreeSet<String> next = new TreeSet<>(listed);
        held.forEach(entry -> next.add(entry.ip()));

        WriteOutcome outcome;
        if (next.equals(current.keySet())) {
            outcome = WriteOutcome.UNCHANGED;
            loginIps.markListed(type, listed, now);
        } else {
            loginIps.deleteType(type);
            List<LoginIpMapper.Listed> rows = new ArrayList<>(held);
            listed.forEach(ip -> rows.add(new LoginIpMapper.Listed(ip, now)));
            loginIps.insertAll(type, rows, now);
            outcome = current.isEmpty() ? WriteOutcome.CREATED : WriteOutcome.UPDATED;
        }
        List<FieldChange> changes = outcome == WriteOutcome.UNCHANGED ? List.of()
                : List.of(new FieldChange("ips", summary(List.copyOf(current.keySet())), summary(List.copyOf(next))));
        String message = request.source() == null ? null : "source: " + request.source();
        if (!held.isEmpty()) {
            Instant until = held.stream().map(LoginIpMapper.Listed::listedAt).min(Comparator.naturalOrder()).orElseThrow()
                    .plus(properties.shrinkGrace());
            String warning = "WARNING: the list would shrink from " + current.size() + " to " + listed.size()
                    + " addresses; the " + held.size() + " no longer listed are kept until " + until
                    + " unless listed again (a refresh that shrinks a list by more than half is held back)";
            log.warn("login IPs {}: {}", type, warning);
            message = message == null ? warning : message + "; " + warning;
        }
        operationLog.record(new OperLogEntry(null, OperAction.LOGIN_IP_REPLACE, type, outcome.name(), changes,
                null, source, message));
        return new LoginIpSetResponse(type, List.copyOf(next),
                outcome == WriteOutcome.UNCHANGED ? loginIps.lastReplacedAt(type) : now);
    }

    /**
     * When {@code listed} is less than half of {@code current}, the current addresses it leaves out that were
     * listed within the grace period (with when that was); otherwise none.
     */
    private List<LoginIpMapper.Listed> heldBack(Map<String, Instant> current, List<String> listed, Instant now) {
        if (properties.shrinkGrace().isZero() || listed.size() * 2 >= current.size()) {
            return List.of();
        }
        Instant since = now.minus(properties.shrinkGrace());
        List<LoginIpMapper.Listed> held = new ArrayList<>();
        current.forEach((ip, listedAt) -> {
            if (!listed.contains(ip) && listedAt.isAfter(since)) {
                held.add(new LoginIpMapper.Listed(ip, listedAt));
            }
        });
        return held;
    }

    /** A failed refresh reported by the job that feeds the list: logged, nothing else changes. */
    @Transactional
    public void recordRefreshFailure(String type, LoginIpRefreshFailure failure, RequestSource source) {
        operationLog.record(new OperLogEntry(null, OperAction.LOGIN_IP_REFRESH, type, "FAILED", List.of(), null, source,
                failure.source() + ": " + failure.problem() + "; the list was kept"));
    }

    private static List<String> canonicalSet(List<String> ips) {
        TreeSet<String> canonical = new TreeSet<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < ips.size(); i++) {
            Optional<String> ip = IpAddresses.canonical(ips.get(i));
            if (ip.isPresent()) {
                canonical.add(ip.get());
            } else {
                bad.add("ips[" + i + "] '" + ips.get(i) + "'");
            }
        }
        if (!bad.isEmpty()) {
            throw ApiException.invalid(String.join(", ", bad) + (bad.size() == 1 ? " is" : " are")
                    + " not an IPv4/IPv6 address or CIDR block; nothing was changed");
        }
        return List.copyOf(canonical);
    }

    private static String summary(List<String> ips) {
        if (ips.isEmpty()) {
            return null;
        }
        String all = String.join(",", ips);
        return all.length() <= MAX_LOGGED ? all
                : all.substring(0, MAX_LOGGED) + "… (" + ips.size() + " entries)";
    }
}
