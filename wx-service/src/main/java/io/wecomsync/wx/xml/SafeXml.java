package io.wecomsync.wx.xml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses WeCom's XML messages ({@code <xml><Name>value</Name>…</xml>}, values with or without CDATA): as a
 * flat map of the root's children ({@link #parseFlat}) or as a tree ({@link #parse}) for the few fields that
 * nest, such as {@code ExtAttr}. A document with a DOCTYPE is refused outright, external entities are never
 * resolved, and nesting deeper than {@value #MAX_DEPTH} levels is refused.
 */
public final class SafeXml {

    /** WeCom's deepest shape is {@code xml/ExtAttr/Item/Text/Value}: five levels. */
    static final int MAX_DEPTH = 8;

    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    /**
     * An element: its text (stripped; empty when it has only children) and its child elements in order.
     */
    public record Element(String name, String text, List<Element> children) {

        /** The first child called {@code name}, if any. */
        public Optional<Element> child(String name) {
            return children.stream().filter(child -> child.name.equals(name)).findFirst();
        }

        /** The text of the first child called {@code name}; {@code null} when there is none. */
        public String childText(String name) {
            return child(name).map(Element::text).orElse(null);
        }

        /** The children that hold text (no elements), by name; the first of a repeated name wins. */
        public Map<String, String> leaves() {
            Map<String, String> leaves = new LinkedHashMap<>();
            for (Element child : children) {
                if (child.children.isEmpty()) {
                    leaves.putIfAbsent(child.name, child.text);
                }
            }
            return leaves;
        }

        public static Element leaf(String name, String text) {
            return new Element(name, text, List.of());
        }

        public static Element of(String name, Element... children) {
            return new Element(name, "", List.of(children));
        }
    }

    /** The root's child elements that hold text, and their text; throws {@link MalformedXmlException} on anything else. */
    public static Map<String, String> parseFlat(String xml) {
        Map<String, String> fields = parse(xml).leaves();
        if (fields.isEmpty()) {
            throw new MalformedXmlException("no fields in the XML");
        }
        return fields;
    }

    /** The whole document as a tree of elements; throws {@link MalformedXmlException} for anything else. */
    public static Element parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new MalformedXmlException("empty XML");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            Deque<Building> open = new ArrayDeque<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new MalformedXmlException("DOCTYPE is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedXmlException("entity references are not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new MalformedXmlException("elements nested deeper than " + MAX_DEPTH + " levels");
                        }
                        open.push(new Building(reader.getLocalName()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().children.add(done);
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing we read
                    }
                }
            }
            if (root == null) {
                throw new MalformedXmlException("no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new MalformedXmlException("malformed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static final class Building {
        private final String name;
        private final StringBuilder text = new StringBuilder();
        private final List<Element> children = new ArrayList<>();

        private Building(String name) {
            this.name = name;
        }

        private Element build() {
            return new Element(name, children.isEmpty() ? text.toString().strip() : "", List.copyOf(children));
        }
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Writes {@code fields} as a flat {@code <xml>} message, the shape {@link #parseFlat} reads: text is
     * escaped (never CDATA, so no content can end a section early); a {@code null} value is left out.
     */
    public static String writeFlat(Map<String, String> fields) {
        return write(fields, List.of());
    }

    /** Writes {@code fields} as {@link #writeFlat} does, then {@code blocks} (elements with children) after them. */
    public static String write(Map<String, String> fields, List<Element> blocks) {
        StringBuilder xml = new StringBuilder(64 + fields.size() * 32).append("<xml>");
        fields.forEach((name, value) -> {
            if (value != null) {
                write(Element.leaf(name, value), xml);
            }
        });
        blocks.forEach(block -> write(block, xml));
        return xml.append("</xml>").toString();
    }

    private static void write(Element element, StringBuilder xml) {
        xml.append('<').append(element.name()).append('>');
        if (element.children().isEmpty()) {
            escape(element.text(), xml);
        } else {
            element.children().forEach(child -> write(child, xml));
        }
        xml.append("</").append(element.name()).append('>');
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c); // other control characters cannot appear in XML 1.0 at all
                    }
                }
            }
        }
    }

    /** The XML could not be read as a WeCom message. */
    public static final class MalformedXmlException extends RuntimeException {

        public MalformedXmlException(String message) {
            super(message, null, false, false);
        }
    }
}
