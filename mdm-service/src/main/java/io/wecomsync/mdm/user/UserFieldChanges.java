package io.wecomsync.mdm.user;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.common.pii.PiiMasking;
import io.wecomsync.mdm.fieldtime.FieldTimes;
import io.wecomsync.mdm.pii.PiiCipher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Applies the fields present in an upsert to a user row and lists what really changed, masked for
 * the operation log. A {@code null} field is absent and leaves the row alone; an empty string clears.
 * A field that a newer event already set is left as it is (see {@link FieldTimes}).
 */
final class UserFieldChanges {

    private final PiiCipher pii;
    private final Set<String> personal;
    private final FieldTimes times;
    private final Instant eventTime;
    private final List<FieldChange> changes = new ArrayList<>();
    private int stale;
    private int present;

    private UserFieldChanges(PiiCipher pii, Set<String> personal, FieldTimes times, Instant eventTime) {
        this.pii = pii;
        this.personal = personal;
        this.times = times;
        this.eventTime = eventTime;
    }

    /**
     * @param personal custom attributes and mapped fields whose values the operation log masks
     */
    static Result apply(UserEntity row, UserUpsertRequest request, PiiCipher pii, Set<String> personal,
                        FieldTimes times, Instant eventTime) {
        UserFieldChanges diff = new UserFieldChanges(pii, personal, times, eventTime);
        diff.text("name", request.name(), row.getName(), row::setName);
        diff.text("alias", request.alias(), row.getAlias(), row::setAlias);
        diff.text("position", request.position(), row.getPosition(), row::setPosition);
        diff.value("gender", request.gender(), row.getGender(), row::setGender);
        diff.text("status", request.status(), row.getStatus(), row::setStatus);
        diff.text("avatar", request.avatar(), row.getAvatar(), row::setAvatar);
        diff.value("mainDepartment", request.mainDepartment(), row.getMainDepartment(), row::setMainDepartment);
        if (request.directLeader() != null) {
            diff.text("directLeader", String.join(",", request.directLeader()), row.getDirectLeader(), row::setDirectLeader);
        }
        diff.secret("mobile", request.mobile(), row.getMobileCipher(), PiiMasking::maskMobile, pii::mobileHash,
                row::setMobileCipher, row::setMobileHash);
        diff.secret("email", request.email(), row.getEmailCipher(), PiiMasking::maskEmail, pii::emailHash,
                row::setEmailCipher, row::setEmailHash);
        diff.secret("bizMail", request.bizMail(), row.getBizMailCipher(), PiiMasking::maskEmail, value -> null,
                row::setBizMailCipher, hash -> { });
        diff.secret("telephone", request.telephone(), row.getTelephoneCipher(), PiiMasking::maskTelephone, value -> null,
                row::setTelephoneCipher, hash -> { });
        diff.secret("address", request.address(), row.getAddressCipher(), PiiMasking::maskAddress, value -> null,
                row::setAddressCipher, hash -> { });
        diff.text("employeeNumber", request.employeeNumber(), row.getEmployeeNo(), row::setEmployeeNo);
        boolean complete = Boolean.TRUE.equals(request.customAttributesComplete());
        diff.attributes(request.extAttrs(), complete, row);
        diff.mappedFields(request.mappedFields(), complete, row);
        return new Result(diff.changes, diff.present, diff.stale);
    }

    /** What changed, how many fields the write carried, and how many of those a newer event had already set. */
    record Result(List<FieldChange> changes, int present, int stale) {
    }

    private boolean fresh(String field) {
        present++;
        if (times.claim(field, eventTime)) {
            return true;
        }
        stale++;
        return false;
    }

    private void text(String field, String requested, String current, Consumer<String> set) {
        if (requested != null && fresh(field)) {
            change(field, requested.isEmpty() ? null : requested, current, set);
        }
    }

    private <T> void value(String field, T requested, T current, Consumer<T> set) {
        if (requested != null && fresh(field)) {
            change(field, requested, current, set);
        }
    }

    private <T> void change(String field, T next, T current, Consumer<T> set) {
        if (!Objects.equals(next, current)) {
            set.accept(next);
            changes.add(new FieldChange(field, Objects.toString(current, null), Objects.toString(next, null)));
        }
    }

    /**
     * Each attribute named is set (an empty one removed) under its own field time; the others stay, unless
     * the write is {@code complete}: then they are removed as if named empty.
     */
    private void attributes(List<CustomAttribute> requested, boolean complete, UserEntity row) {
        if (requested == null || (requested.isEmpty() && !complete)) {
            return;
        }
        SortedMap<String, CustomAttribute> held = CustomAttributeColumns.attributes(row.getExtAttrs());
        Map<String, CustomAttribute> named = new LinkedHashMap<>();
        requested.forEach(attribute -> named.put(attribute.name(), attribute.isEmpty() ? null : normalized(attribute)));
        if (keyed("ext.", "extAttr.", held, named, complete, CustomAttribute::display)) {
            row.setExtAttrs(CustomAttributeColumns.attributes(held));
        }
    }

    /** The same rules for the mapped fields. */
    private void mappedFields(Map<String, String> requested, boolean complete, UserEntity row) {
        if ((requested == null || requested.isEmpty()) && !complete) {
            return;
        }
        SortedMap<String, String> held = CustomAttributeColumns.fields(row.getMappedFields());
        Map<String, String> named = new TreeMap<>();
        if (requested != null) {
            requested.forEach((field, value) -> named.put(field, value.isEmpty() ? null : value));
        }
        if (keyed("field.", "mapped.", held, named, complete, Function.identity())) {
            row.setMappedFields(CustomAttributeColumns.fields(held));
        }
    }

    /**
     * Sets in {@code held} each entry {@code named} gives ({@code null}: remove it) whose field time allows,
     * and with {@code complete} removes the entries not named; answers whether {@code held} changed.
     */
    private <V> boolean keyed(String timePrefix, String logPrefix, SortedMap<String, V> held, Map<String, V> named,
                              boolean complete, Function<V, String> display) {
        if (complete) {
            held.keySet().forEach(name -> {
                if (!named.containsKey(name)) {
                    named.put(name, null);
                }
            });
        }
        boolean changed = false;
        for (Map.Entry<String, V> entry : named.entrySet()) {
            String name = entry.getKey();
            V next = entry.getValue();
            V current = held.get(name);
            if (!fresh(timeKey(timePrefix, name)) || Objects.equals(next, current)) {
                continue;
            }
            if (next == null) {
                held.remove(name);
            } else {
                held.put(name, next);
            }
            changes.add(new FieldChange(logPrefix + name, shown(name, current == null ? null : display.apply(current)),
                    shown(name, next == null ? null : display.apply(next))));
            changed = true;
        }
        return changed;
    }

    private String shown(String name, String value) {
        return value == null || !personal.contains(name) ? value : PiiMasking.maskOther(value);
    }

    /** Only what the attribute's type uses: a text attribute's stray web fields are not kept, and the reverse. */
    private static CustomAttribute normalized(CustomAttribute attribute) {
        return attribute.type() == CustomAttribute.Type.WEB
                ? CustomAttribute.web(attribute.name(), attribute.webTitle(), attribute.webUrl())
                : CustomAttribute.text(attribute.name(), attribute.text());
    }

    /** A field-time key for a name an admin chose: the characters field times are stored with are replaced. */
    private static String timeKey(String prefix, String name) {
        return prefix + name.replaceAll("[\"\\\\,:{}\\s]", "_");
    }

    private void secret(String field, String requested, String currentCipher, UnaryOperator<String> mask,
                        Function<String, String> hash, Consumer<String> setCipher, Consumer<String> setHash) {
        if (requested == null || !fresh(field)) {
            return;
        }
        String next = requested.isEmpty() ? null : requested;
        String current = pii.decrypt(field, currentCipher);
        if (!Objects.equals(next, current)) {
            setCipher.accept(pii.encrypt(field, next));
            setHash.accept(hash.apply(next));
            changes.add(new FieldChange(field, mask.apply(current), mask.apply(next)));
        }
    }
}
