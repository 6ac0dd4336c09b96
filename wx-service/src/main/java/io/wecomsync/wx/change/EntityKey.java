package io.wecomsync.wx.change;

import java.util.Locale;

/**
 * Which entity of which corp an event is about, e.g. {@code user:ww123:zhangsan}: the inbox applies the
 * events of one key in order, and those of different keys side by side. {@link #toString} is the form
 * stored with each event (at most {@value #MAX_LENGTH} characters).
 */
public record EntityKey(Kind kind, String corpId, String id) {

    /** The longest key the inbox stores. */
    public static final int MAX_LENGTH = 200;

    /** The kinds of entity; {@code OTHER} keys events by their event type (they are not ordered per entity). */
    public enum Kind {
        USER("user"),
        DEPARTMENT("dept"),
        TAG("tag"),
        OTHER("other");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public EntityKey {
        id = id == null ? "" : id.strip();
    }

    public static EntityKey user(String corpId, String wxUserId) {
        return new EntityKey(Kind.USER, corpId, wxUserId);
    }

    public static EntityKey department(String corpId, long id) {
        return new EntityKey(Kind.DEPARTMENT, corpId, String.valueOf(id));
    }

    public static EntityKey tag(String corpId, long id) {
        return new EntityKey(Kind.TAG, corpId, String.valueOf(id));
    }

    /** The key of a change of {@code type} naming entity {@code id} (as the message gives it). */
    public static EntityKey of(ChangeType type, String corpId, String id) {
        return new EntityKey(type.about(), corpId, id);
    }

    /** Events that are about no entity of the directory, keyed by their event type. */
    public static EntityKey other(String corpId, String eventType) {
        return new EntityKey(Kind.OTHER, corpId, eventType == null ? "" : eventType.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        String key = kind.prefix + ":" + corpId + ":" + id;
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }
}
