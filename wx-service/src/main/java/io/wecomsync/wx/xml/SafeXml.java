package io.wecomsync.wx.xml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses WeCom's flat XML messages ({@code <xml><Name>value</Name>…</xml>}, values with or without
 * CDATA) into a map of the root's children. A document with a DOCTYPE is refused outright, external
 * entities are never resolved, and elements nested deeper (e.g. {@code ExtAttr} items) are skipped.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    /** The root's child elements and their text; throws {@link MalformedXmlException} on anything else. */
    public static Map<String, String> parseFlat(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new MalformedXmlException("empty XML");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String current = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new MalformedXmlException("DOCTYPE is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedXmlException("entity references are not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 2) {
                            current = reader.getLocalName();
                            text.setLength(0);
                        } else if (depth > 2) {
                            current = null;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 2 && current != null) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && current != null) {
                            fields.putIfAbsent(current, text.toString().strip());
                        }
                        depth--;
                    }
                    default -> {
                        // comments and processing instructions carry nothing we read
                    }
                }
            }
            if (fields.isEmpty()) {
                throw new MalformedXmlException("no fields in the XML");
            }
            return fields;
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

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The XML could not be read as a flat WeCom message. */
    /**
     * Writes {@code fields} as a flat {@code <xml>} message, the shape {@link #parseFlat} reads: text is
     * escaped (never CDATA, so no content can end a section early); a {@code null} value is left out.
     */
    public static String writeFlat(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder(64 + fields.size() * 32).append("<xml>");
        fields.forEach((name, value) -> {
            if (value != null) {
                xml.append('<').append(name).append('>');
                escape(value, xml);
                xml.append("</").append(name).append('>');
            }
        });
        return xml.append("</xml>").toString();
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

    public static final class MalformedXmlException extends RuntimeException {

        public MalformedXmlException(String message) {
            super(message, null, false, false);
        }
    }
}
