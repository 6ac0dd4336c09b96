package io.wecomsync.wx.directory;

import io.wecomsync.wx.app.WxCpProperties;
import io.wecomsync.common.config.LiveProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The directory mapping in force. A mapping that names a corp wx-service does not serve, or an MDM field
 * twice, stops the start with the property named; the same mistake in a change at run time is refused
 * and the mapping in force stays. A change applies to the next event; users already stored take it with
 * the next reconciliation (their fingerprint includes what was mapped).
 */
@Component
public class DirectorySettings extends LiveProperties<DirectoryProperties> {

    private final Set<String> corpIds;

    DirectorySettings(DirectoryProperties initial, WxCpProperties apps, Environment environment) {
        super("wx.directory", DirectoryProperties.class, initial, environment);
        this.corpIds = apps.application().stream().map(WxCpProperties.Corp::corpId).collect(Collectors.toUnmodifiableSet());
        List<String> problems = problems(initial);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wx.directory is not valid: " + String.join("; ", problems));
        }
    }

    /** The mapping of one corp. */
    public DirectoryProperties.Corp corp(String corpId) {
        return current().corp(corpId);
    }

    @Override
    protected List<String> problems(DirectoryProperties candidate) {
        List<String> problems = new ArrayList<>();
        candidate.corps().forEach((corpId, corp) -> {
            String at = "wx.directory.corps." + corpId;
            if (!corpIds.contains(corpId)) {
                problems.add(at + " names no corp of wx.cp.application (known: " + corpIds.stream().sorted().toList() + ")");
            }
            Set<Long> both = new TreeSet<>(corp.scope().include());
            both.retainAll(corp.scope().exclude());
            if (!both.isEmpty()) {
                problems.add(at + ".scope: departments " + both + " are both included and excluded");
            }
            if (corp.fields().containsKey("employeeNumber")) {
                problems.add(at + ".fields.employeeNumber: the employee number is mapped with " + at + ".employee-number");
            }
        });
        return problems;
    }
}
