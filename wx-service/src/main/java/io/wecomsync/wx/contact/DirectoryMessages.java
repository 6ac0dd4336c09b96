package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.common.mdm.DirectoryFingerprints;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.wx.directory.DirectoryProperties;
import io.wecomsync.wx.xml.SafeXml;
import me.chanjar.weixin.cp.bean.WxCpUser;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code change_contact} messages built from what WeCom's directory APIs answered — the events a
 * reconciliation stores — and the fingerprint of what applying one writes to mdm-service, computed
 * through the same parsing the handlers use, so it matches mdm-service's own fingerprint of the result.
 *
 * <p>A field WeCom did not give is left out (unknown, never invented). Personal fields that apps
 * created after 2022 no longer read (mobile, email …) are left out when empty too, so an empty answer
 * never clears what mdm-service holds.
 */
public final class DirectoryMessages {

    /** The field a reconciliation adds to its messages: the run that made it. */
    public static final String RECONCILE_RUN = "ReconcileRun";

    private DirectoryMessages() {
    }

    /**
     * A user as a message carries it: its flat fields, and its custom attributes ({@code null} when none are
     * known, which leaves mdm-service's unchanged).
     */
    public record UserEntry(Map<String, String> fields, List<CustomAttribute> extAttrs) {

        /** The same user under {@code from}, renamed to {@code to}. */
        public UserEntry renamed(String from, String to) {
            Map<String, String> renamed = new LinkedHashMap<>(fields);
            renamed.put("UserID", from);
            renamed.put("NewUserID", to);
            return new UserEntry(renamed, extAttrs);
        }
    }

    /** A user as {@code user/get} answered. */
    public static UserEntry user(WxCpUser user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserID", user.getUserId());
        fields.put("Name", user.getName());
        fields.put("Position", user.getPosition());
        fields.put("Alias", user.getAlias());
        fields.put("Status", user.getStatus() == null ? null : String.valueOf(user.getStatus()));
        if (user.getDepartIds() != null) {
            fields.put("Department", joined(Arrays.asList(user.getDepartIds())));
            fields.put("Order", user.getOrders() == null ? null : joined(Arrays.asList(user.getOrders())));
            fields.put("IsLeaderInDept", user.getIsLeaderInDept() == null ? null : joined(Arrays.asList(user.getIsLeaderInDept())));
        }
        fields.put("MainDepartment", user.getMainDepartment());
        fields.put("DirectLeader", user.getDirectLeader() == null ? null : String.join(",", user.getDirectLeader()));
        fields.put("Mobile", known(user.getMobile()));
        fields.put("Email", known(user.getEmail()));
        fields.put("BizMail", known(user.getBizMail()));
        fields.put("Telephone", known(user.getTelephone()));
        fields.put("Address", known(user.getAddress()));
        fields.put("Avatar", known(user.getAvatar()));
        String gender = user.getGender() == null ? null : user.getGender().getCode();
        fields.put("Gender", gender == null || gender.equals("0") ? null : gender);
        return new UserEntry(fields, CustomAttributes.fromWeCom(user.getExtAttrs()));
    }

    /** A user whose details could not be read: only what {@code user/list_id} told (id and departments). */
    public static UserEntry listedUser(String userId, List<Long> departments) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserID", userId);
        fields.put("Department", departments.isEmpty() ? null : joined(departments));
        return new UserEntry(fields, null);
    }

    /** The fields of a department; {@code name} is null when {@code department/get} could not be read. */
    public static Map<String, String> department(long id, String name, Long parentId, Long order) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Id", String.valueOf(id));
        fields.put("Name", name);
        fields.put("ParentId", parentId == null ? null : String.valueOf(parentId));
        fields.put("Order", order == null ? null : String.valueOf(order));
        return fields;
    }

    /**
     * The fingerprint mdm-service will compute for a user after applying a message with these fields, under
     * the corp's field {@code mapping}.
     */
    public static String userFingerprint(UserEntry user, DirectoryProperties.Corp mapping) {
        UserUpsertRequest request = UserRequests.of(parsed(user.fields(), user.extAttrs()), null, mapping,
                Instant.EPOCH, null);
        return DirectoryFingerprints.user(request.name(), request.position(), request.alias(), request.status(),
                request.departments(), request.mainDepartment(), request.directLeader(), request.extAttrs(),
                request.employeeNumber(), request.mappedFields());
    }

    /** The fingerprint mdm-service will compute for a department after applying a message with these fields. */
    public static String departmentFingerprint(Map<String, String> fields) {
        ContactMessage message = parsed(fields, null);
        return DirectoryFingerprints.department(message.text("Name"), message.number("ParentId"), message.number("Order"));
    }

    /**
     * The whole {@code change_contact} message, as WeCom would post it (custom attributes, when there are
     * any, in an {@code ExtAttr} block); {@code extra} fields (e.g. the run that made it) come last and keep
     * otherwise equal messages of different runs apart.
     */
    public static String message(String corpId, Instant createTime, String changeType, Map<String, String> fields,
                                 List<CustomAttribute> extAttrs, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ToUserName", corpId);
        all.put("FromUserName", "sys");
        all.put("CreateTime", String.valueOf(createTime.getEpochSecond()));
        all.put("MsgType", "event");
        all.put("Event", "change_contact");
        all.put("ChangeType", changeType);
        all.putAll(fields);
        all.putAll(extra);
        return SafeXml.write(all, blocks(extAttrs));
    }

    /** The message as a handler will see it after it is stored and read back. */
    private static ContactMessage parsed(Map<String, String> fields, List<CustomAttribute> extAttrs) {
        return ContactMessage.parse(SafeXml.write(fields, blocks(extAttrs)));
    }

    private static List<SafeXml.Element> blocks(List<CustomAttribute> extAttrs) {
        return extAttrs == null ? List.of() : List.of(CustomAttributes.toXml(extAttrs));
    }

    private static String known(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String joined(List<?> values) {
        return values.stream().map(v -> Objects.toString(v, "")).collect(Collectors.joining(","));
    }
}
