package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.wx.directory.DirectoryProperties;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom attributes as WeCom posts them in {@code ExtAttr}, in each shape it has used. */
class CustomAttributesTests {

    private static final String TYPED_CDATA = """
            <xml><ToUserName><![CDATA[ww1]]></ToUserName><CreateTime>1700000000</CreateTime>
            <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>
            <ChangeType><![CDATA[update_user]]></ChangeType><UserID><![CDATA[zhang]]></UserID>
            <ExtAttr>
              <Item><Name><![CDATA[工号]]></Name><Type>0</Type><Text><Value><![CDATA[E-1001]]></Value></Text></Item>
              <Item><Name><![CDATA[主页]]></Name><Type>1</Type><Web><Title><![CDATA[张三的主页]]></Title><Url><![CDATA[https://home.example/z?a=1&b=2]]></Url></Web></Item>
              <Item><Name><![CDATA[小程序]]></Name><Type>2</Type><Miniprogram><Title>x</Title></Miniprogram></Item>
            </ExtAttr></xml>""";

    private static final String TYPED_BARE = "<xml><ChangeType>update_user</ChangeType><UserID>li</UserID><ExtAttr>"
            + "<Item><Name>工号</Name><Type>0</Type><Text><Value>E-2002</Value></Text></Item>"
            + "<Item><Name>职级</Name><Type>0</Type><Text><Value></Value></Text></Item>"
            + "<Item><Name>主页</Name><Type>1</Type><Web><Title>李四</Title><Url>https://home.example/li</Url></Web></Item>"
            + "</ExtAttr></xml>";

    private static final String LEGACY = "<xml><ChangeType>update_user</ChangeType><UserID>wang</UserID><ExtAttr>"
            + "<Item><Name><![CDATA[工号]]></Name><Value><![CDATA[E-3003]]></Value></Item>"
            + "<Item><Name>爱好</Name><Value>旅游</Value></Item>"
            + "</ExtAttr></xml>";

    @Test
    void theTypedShapeWithCdataGivesTextAndWebAttributesAndSkipsTypesItDoesNotKnow() {
        List<CustomAttribute> attributes = ContactMessage.parse(TYPED_CDATA).extAttrs();

        assertThat(attributes).containsExactly(CustomAttribute.text("工号", "E-1001"),
                CustomAttribute.web("主页", "张三的主页", "https://home.example/z?a=1&b=2"));
    }

    @Test
    void theTypedShapeWithoutCdataAndAnEmptyValueThatClears() {
        List<CustomAttribute> attributes = ContactMessage.parse(TYPED_BARE).extAttrs();

        assertThat(attributes).containsExactly(CustomAttribute.text("工号", "E-2002"), CustomAttribute.text("职级", ""),
                CustomAttribute.web("主页", "李四", "https://home.example/li"));
        assertThat(attributes.get(1).isEmpty()).isTrue();
    }

    @Test
    void theLegacyShapeWithoutTypeIsText() {
        assertThat(ContactMessage.parse(LEGACY).extAttrs())
                .containsExactly(CustomAttribute.text("工号", "E-3003"), CustomAttribute.text("爱好", "旅游"));
    }

    @Test
    void aMessageWithoutExtAttrLeavesTheAttributesUnknown() {
        ContactMessage message = ContactMessage.parse("<xml><ChangeType>update_user</ChangeType><UserID>a</UserID></xml>");

        assertThat(message.extAttrs()).isNull();
        assertThat(message.fields()).doesNotContainKey("ExtAttr");
    }

    @Test
    void theCorpsMappingTakesTheEmployeeNumberAndFieldsFromTheAttributes() {
        DirectoryProperties.Corp mapping = new DirectoryProperties.Corp("工号", Map.of("grade", "职级", "homePage", "主页",
                "costCentre", "成本中心"), null);

        UserUpsertRequest request = UserRequests.of(ContactMessage.parse(TYPED_BARE), null, mapping,
                Instant.EPOCH, "e1");
        UserUpsertRequest unmapped = UserRequests.of(ContactMessage.parse(TYPED_BARE), null,
                new DirectoryProperties.Corp(null, Map.of(), null), Instant.EPOCH, "e1");
        UserUpsertRequest noAttributes = UserRequests.of(ContactMessage.parse(
                "<xml><UserID>a</UserID><Name>甲</Name></xml>"), null, mapping, Instant.EPOCH, "e1");

        assertThat(request.employeeNumber()).isEqualTo("E-2002");
        assertThat(request.mappedFields()).containsOnly(Map.entry("grade", ""),
                Map.entry("homePage", "李四 <https://home.example/li>"));
        assertThat(request.extAttrs()).hasSize(3);
        assertThat(unmapped.employeeNumber()).isNull();
        assertThat(unmapped.mappedFields()).isNull();
        assertThat(noAttributes.employeeNumber()).as("nothing said about it: unchanged").isNull();
        assertThat(noAttributes.extAttrs()).isNull();
    }

    @Test
    void whatAReconciliationWritesReadsBackTheSame() {
        List<CustomAttribute> attributes = List.of(CustomAttribute.text("工号", "E-<1&2>"), CustomAttribute.web("主页", "t", "https://u"));
        String xml = DirectoryMessages.message("ww1", Instant.ofEpochSecond(1_700_000_000L), "update_user",
                Map.of("UserID", "zhao"), attributes, Map.of("ReconcileRun", "3"));

        ContactMessage read = ContactMessage.parse(xml);

        assertThat(read.extAttrs()).isEqualTo(attributes);
        assertThat(read.fields()).containsEntry("UserID", "zhao").containsEntry("ReconcileRun", "3");
    }
}
