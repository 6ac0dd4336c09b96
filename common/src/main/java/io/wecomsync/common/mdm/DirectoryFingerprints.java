package io.wecomsync.common.mdm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Content fingerprints that mdm-service and wx-service compute alike — mdm-service from what it holds,
 * wx-service from what WeCom answers — so a reconciliation can tell changed entries apart without
 * moving whole records. A user's fingerprint covers the directory fields every app can read since
 * 2022 (name, position, alias, status, departments with order and leader flag, main department,
 * direct leaders, custom attributes and what the field mapping took from them); personal data (mobile, email, gender, avatar) is left out.
 */
public final class DirectoryFingerprints {

    private DirectoryFingerprints() {
    }

    public static String user(String name, String position, String alias, String status,
                              List<DepartmentMembership> departments, Long mainDepartment, List<String> directLeader,
                              Collection<CustomAttribute> extAttrs, String employeeNumber, Map<String, String> mappedFields) {
        String memberships = departments == null ? "" : departments.stream()
                .sorted(Comparator.comparing(DepartmentMembership::deptId))
                .map(m -> m.deptId() + ":" + Objects.toString(m.order(), "") + ":" + (Boolean.TRUE.equals(m.leader()) ? 1 : 0))
                .collect(Collectors.joining(","));
        String leaders = directLeader == null ? "" : directLeader.stream().sorted().collect(Collectors.joining(","));
        String attributes = extAttrs == null ? "" : extAttrs.stream()
                .filter(a -> !a.isEmpty())
                .sorted(Comparator.comparing(CustomAttribute::name))
                .map(a -> a.name() + "=" + a.type() + ":" + text(a.text()) + "|" + text(a.webTitle()) + "|" + text(a.webUrl()))
                .collect(Collectors.joining("\u001e"));
        String mapped = mappedFields == null ? "" : new TreeMap<>(mappedFields).entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\u001e"));
        return hash("user", text(name), text(position), text(alias), text(status), memberships,
                Objects.toString(mainDepartment, ""), leaders, attributes, text(employeeNumber), mapped);
    }

    public static String department(String name, Long parentId, Long order) {
        return hash("department", text(name), Objects.toString(parentId, ""), Objects.toString(order, ""));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
