package io.wecomsync.wx.xml;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeXmlTests {

    @Test
    void whatIsWrittenIsReadBackAsItWasEvenWithMarkupInTheText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Name", "A&B <研发> ]]> \"quoted\"");
        fields.put("Empty", "");
        fields.put("Absent", null);

        Map<String, String> read = SafeXml.parseFlat(SafeXml.writeFlat(fields));

        assertThat(read).containsEntry("Name", "A&B <研发> ]]> \"quoted\"").containsEntry("Empty", "");
        assertThat(read).as("a null value is left out, not written empty").doesNotContainKey("Absent");
    }

    @Test
    void controlCharactersThatXmlCannotHoldAreDroppedInsteadOfBreakingTheMessage() {
        String written = SafeXml.writeFlat(Map.of("Name", "张\u0001三\u0000"));

        assertThat(SafeXml.parseFlat(written)).containsEntry("Name", "张三");
    }

    @Test
    void aDoctypeIsRefused() {
        assertThatThrownBy(() -> SafeXml.parseFlat("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><A>&e;</A></xml>"))
                .isInstanceOf(SafeXml.MalformedXmlException.class);
    }

    @Test
    void nestedElementsAreATreeAndTheFlatViewKeepsOnlyTextFields() {
        String xml = "<xml><UserID>a</UserID><ExtAttr><Item><Name>工号</Name></Item></ExtAttr></xml>";

        SafeXml.Element root = SafeXml.parse(xml);

        assertThat(SafeXml.parseFlat(xml)).containsOnlyKeys("UserID");
        assertThat(root.child("ExtAttr").orElseThrow().children().get(0).childText("Name")).isEqualTo("工号");
    }

    @Test
    void nestingDeeperThanAnyWeComMessageIsRefused() {
        String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "x" + "</a>".repeat(SafeXml.MAX_DEPTH + 1);

        assertThatThrownBy(() -> SafeXml.parse(deep)).isInstanceOf(SafeXml.MalformedXmlException.class)
                .hasMessageContaining("nested deeper");
    }
}
