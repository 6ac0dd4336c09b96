package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.wx.xml.SafeXml.Element;
import me.chanjar.weixin.cp.bean.WxCpUser;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's custom attributes in the shapes WeCom has for them. In a callback's {@code ExtAttr} block each
 * {@code Item} is one of
 * <ul>
 *   <li>text: {@code <Name/><Type>0</Type><Text><Value/></Text>}</li>
 *   <li>web: {@code <Name/><Type>1</Type><Web><Title/><Url/></Web>}</li>
 *   <li>the older shape without a type: {@code <Name/><Value/>} (text)</li>
 * </ul>
 * and in {@code user/get} / {@code user/list} they are {@code extattr.attrs[]}. Items without a name and
 * types this release does not know (a mini program) are left out.
 */
final class CustomAttributes {

    static final String BLOCK = "ExtAttr";

    private CustomAttributes() {
    }

    /** The attributes of an {@code ExtAttr} element. */
    static List<CustomAttribute> fromXml(Element block) {
        List<CustomAttribute> attributes = new ArrayList<>();
        for (Element item : block.children()) {
            String name = item.childText("Name");
            if (!"Item".equals(item.name()) || name == null || name.isEmpty()) {
                continue;
            }
            CustomAttribute.Type type = CustomAttribute.Type.ofWeCom(number(item.childText("Type")));
            if (type == CustomAttribute.Type.WEB) {
                Element web = item.child("Web").orElse(Element.of("Web"));
                attributes.add(CustomAttribute.web(name, web.childText("Title"), web.childText("Url")));
            } else if (type == CustomAttribute.Type.TEXT) {
                String value = item.child("Text").map(text -> text.childText("Value")).orElse(item.childText("Value"));
                attributes.add(CustomAttribute.text(name, value));
            }
        }
        return attributes;
    }

    /** The attributes {@code user/get} answered; {@code null} when it answered none at all. */
    static List<CustomAttribute> fromWeCom(List<WxCpUser.Attr> attrs) {
        if (attrs == null) {
            return null;
        }
        List<CustomAttribute> attributes = new ArrayList<>();
        for (WxCpUser.Attr attr : attrs) {
            CustomAttribute.Type type = CustomAttribute.Type.ofWeCom(attr.getType());
            if (attr.getName() == null || attr.getName().isEmpty() || type == null) {
                continue;
            }
            attributes.add(type == CustomAttribute.Type.WEB ? CustomAttribute.web(attr.getName(), attr.getWebTitle(), attr.getWebUrl())
                    : CustomAttribute.text(attr.getName(), attr.getTextValue()));
        }
        return attributes;
    }

    /** The {@code ExtAttr} element WeCom would post for these attributes (its documented typed shape). */
    static Element toXml(List<CustomAttribute> attributes) {
        List<Element> items = new ArrayList<>();
        for (CustomAttribute attribute : attributes) {
            Element value = attribute.type() == CustomAttribute.Type.WEB
                    ? Element.of("Web", Element.leaf("Title", text(attribute.webTitle())), Element.leaf("Url", text(attribute.webUrl())))
                    : Element.of("Text", Element.leaf("Value", text(attribute.text())));
            items.add(Element.of("Item", Element.leaf("Name", attribute.name()),
                    Element.leaf("Type", attribute.type() == CustomAttribute.Type.WEB ? "1" : "0"), value));
        }
        return new Element(BLOCK, "", List.copyOf(items));
    }

    private static Integer number(String text) {
        return text == null || !text.matches("\\d{1,3}") ? null : Integer.valueOf(text);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
