package io.wecomsync.wx.change;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code ChangeType}s of WeCom's {@code change_contact} events that wecom-sync applies. */
public enum ChangeType {

    CREATE_USER(EntityKey.Kind.USER),
    UPDATE_USER(EntityKey.Kind.USER),
    DELETE_USER(EntityKey.Kind.USER),
    CREATE_PARTY(EntityKey.Kind.DEPARTMENT),
    UPDATE_PARTY(EntityKey.Kind.DEPARTMENT),
    DELETE_PARTY(EntityKey.Kind.DEPARTMENT),
    UPDATE_TAG(EntityKey.Kind.TAG),
    /** Not one WeCom sends (it has no tag callbacks but {@code update_tag}): a reconciliation's removal of a tag WeCom no longer has. */
    DELETE_TAG(EntityKey.Kind.TAG);

    /** The {@code Event} every one of them comes in. */
    public static final String CHANGE_CONTACT = "change_contact";

    private final EntityKey.Kind about;

    ChangeType(EntityKey.Kind about) {
        this.about = about;
    }

    /** As WeCom writes it, e.g. {@code update_user}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What kind of entity the change is about. */
    public EntityKey.Kind about() {
        return about;
    }

    /** An upsert (create or update) of a user or department. */
    public boolean isUpsert() {
        return this != DELETE_USER && this != DELETE_PARTY && this != DELETE_TAG;
    }

    /** The change WeCom's {@code ChangeType} names (any case, surrounding blanks ignored); empty for others. */
    public static Optional<ChangeType> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String name = wire.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
