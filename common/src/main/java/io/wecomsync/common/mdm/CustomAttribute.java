package io.wecomsync.common.mdm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One of a user's custom attributes (WeCom's {@code ExtAttr} / {@code extattr.attrs}): the fields a company
 * keeps for itself, such as 工号, cost centre or grade. WeCom types them as text ({@code type 0}: a value) or
 * web ({@code type 1}: a title and a URL).
 *
 * <p>In an upsert an attribute that is present is set; one whose value (text) or title and URL (web) are
 * empty is cleared. Attributes not named stay as they are.
 *
 * @param name    the attribute's name as configured in WeCom's admin console
 * @param type    text or web
 * @param text    the value of a text attribute
 * @param webTitle the title of a web attribute
 * @param webUrl  the URL of a web attribute
 */
public record CustomAttribute(
        @NotBlank @Size(max = 64) String name,
        @NotNull Type type,
        @Size(max = 512) String text,
        @Size(max = 128) String webTitle,
        @Size(max = 1024) String webUrl) {

    public enum Type {
        /** WeCom's type 0: a value. */
        TEXT,
        /** WeCom's type 1: a title and a URL. */
        WEB;

        /** WeCom's number for the type; {@code null} for one this release does not know (a mini program). */
        public static Type ofWeCom(Integer code) {
            if (code == null || code == 0) {
                return TEXT;
            }
            return code == 1 ? WEB : null;
        }
    }

    public static CustomAttribute text(String name, String value) {
        return new CustomAttribute(name, Type.TEXT, value == null ? "" : value, null, null);
    }

    public static CustomAttribute web(String name, String title, String url) {
        return new CustomAttribute(name, Type.WEB, null, title == null ? "" : title, url == null ? "" : url);
    }

    /** Whether the attribute carries nothing: setting it clears it. */
    @JsonIgnore
    public boolean isEmpty() {
        return type == Type.WEB ? blank(webTitle) && blank(webUrl) : blank(text);
    }

    /** The value as one line: the text, or {@code title <url>} for a web attribute. */
    public String display() {
        if (type == Type.WEB) {
            return (blank(webTitle) ? "" : webTitle) + (blank(webUrl) ? "" : " <" + webUrl + ">");
        }
        return text == null ? "" : text;
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
