package io.wecomsync.simulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds {@code change_contact} messages (the decrypted XML) the way WeCom writes them: full, or
 * ID-only as contact-sync callbacks configured since 2022 are. Values are CDATA-wrapped.
 */
public final class ContactEvents {

    private final String corpId;
    private final Clock clock;

    public ContactEvents(String corpId, Clock clock) {
        this.corpId = corpId;
        this.clock = clock;
    }

    public String createUser(Directory.User user, boolean idOnly) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserID", user.userId());
        fields.put("Department", join(user.departments()));
        if (!idOnly) {
            putUserDetails(fields, user);
            return message("create_user", fields, user.extAttrs());
        }
        return message("create_user", fields);
    }

    /** An {@code update_user} whose change is in custom attributes: an {@code ExtAttr} block, typed text items. */
    public String updateUserAttributes(String userId, Map<String, String> extAttrs) {
        return message("update_user", Map.of("UserID", userId), extAttrs);
    }

    /** Only the changed fields, as WeCom sends them (names as in the XML, e.g. {@code Position}). */
    public String updateUser(String userId, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserID", userId);
        fields.putAll(changed);
        return message("update_user", fields);
    }

    public String renameUser(String userId, String newUserId) {
        return message("update_user", Map.of("UserID", userId, "NewUserID", newUserId));
    }

    public String deleteUser(String userId) {
        return message("delete_user", Map.of("UserID", userId));
    }

    public String createParty(Directory.Department department, boolean idOnly) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Id", String.valueOf(department.id()));
        if (!idOnly) {
            fields.put("Name", department.name());
        }
        fields.put("ParentId", String.valueOf(department.parentId()));
        if (!idOnly) {
            fields.put("Order", String.valueOf(department.order()));
        }
        return message("create_party", fields);
    }

    public String updateParty(long id, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Id", String.valueOf(id));
        fields.putAll(changed);
        return message("update_party", fields);
    }

    public String deleteParty(long id) {
        return message("delete_party", Map.of("Id", String.valueOf(id)));
    }

    public String updateTag(long tagId, List<String> addUsers, List<String> removeUsers) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("TagId", String.valueOf(tagId));
        if (!addUsers.isEmpty()) {
            fields.put("AddUserItems", String.join(",", addUsers));
        }
        if (!removeUsers.isEmpty()) {
            fields.put("DelUserItems", String.join(",", removeUsers));
        }
        return message("update_tag", fields);
    }

    private static void putUserDetails(Map<String, String> fields, Directory.User user) {
        putIfKnown(fields, "Name", user.name());
        putIfKnown(fields, "Position", user.position());
        putIfKnown(fields, "Mobile", user.mobile());
        putIfKnown(fields, "Email", user.email());
        if (user.gender() != null) {
            fields.put("Gender", String.valueOf(user.gender()));
        }
        if (user.status() != null) {
            fields.put("Status", String.valueOf(user.status()));
        }
        if (user.mainDepartment() != null) {
            fields.put("MainDepartment", String.valueOf(user.mainDepartment()));
        }
    }

    /** Any change_contact message: its ChangeType and fields in order. */
    public String message(String changeType, Map<String, String> fields) {
        return message(changeType, fields, Map.of());
    }

    /** A change_contact message with text custom attributes in WeCom's typed {@code ExtAttr} shape. */
    public String message(String changeType, Map<String, String> fields, Map<String, String> extAttrs) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[").append(corpId)
                .append("]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>")
                .append(clock.instant().getEpochSecond())
                .append("</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>")
                .append("<ChangeType><![CDATA[").append(changeType).append("]]></ChangeType>");
        fields.forEach((name, value) -> xml.append('<').append(name).append("><![CDATA[").append(value)
                .append("]]></").append(name).append('>'));
        if (!extAttrs.isEmpty()) {
            xml.append("<ExtAttr>");
            extAttrs.forEach((name, value) -> xml.append("<Item><Name><![CDATA[").append(name)
                    .append("]]></Name><Type>0</Type><Text><Value><![CDATA[").append(value)
                    .append("]]></Value></Text></Item>"));
            xml.append("</ExtAttr>");
        }
        return xml.append("</xml>").toString();
    }

    private static void putIfKnown(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
