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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Replaces a whole login-IP set in one transaction: readers see the old set until the commit and the
 * new set after it, never an empty or mixed one (InnoDB's consistent reads). Every address is checked
 * before anything is written; one bad entry refuses the whole request.
 */
@Service
class LoginIpWhitelist {

    private static final int MAX_LOGGED = 480;

    private final LoginIpMapper loginIps;
    private final OperationLog operationLog;
    private final Clock clock;

    LoginIpWhitelist(LoginIpMapper loginIps, OperationLog operationLog, Clock clock) {
        this.loginIps = loginIps;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LoginIpSetResponse get(String type) {
        return new LoginIpSetResponse(type, loginIps.findIps(type), loginIps.lastReplacedAt(type));
    }

    @Transactional
    public LoginIpSetResponse replace(String type, LoginIpReplaceRequest request, RequestSource source) {
        List<String> next = canonicalSet(request.ips());
        List<String> current = loginIps.findIps(type);
        Instant now = clock.instant();
        WriteOutcome outcome;
        if (next.equals(current)) {
            outcome = WriteOutcome.UNCHANGED;
        } else {
            loginIps.deleteType(type);
            loginIps.insertAll(type, next, now);
            outcome = current.isEmpty() ? WriteOutcome.CREATED : WriteOutcome.UPDATED;
        }
        List<FieldChange> changes = outcome == WriteOutcome.UNCHANGED ? List.of()
                : List.of(new FieldChange("ips", summary(current), summary(next)));
        String message = request.source() == null ? null : "source: " + request.source();
        operationLog.record(new OperLogEntry(null, OperAction.LOGIN_IP_REPLACE, type, outcome.name(), changes,
                null, source, message));
        return new LoginIpSetResponse(type, next, outcome == WriteOutcome.UNCHANGED ? loginIps.lastReplacedAt(type) : now);
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
