package io.wecomsync.mdm.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wecomsync.common.mdm.CustomAttribute;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a user's custom attributes ({@code ext_attrs}) and mapped fields ({@code mapped_fields}) are held in
 * their JSON columns: attributes as a list sorted by name, fields as an object sorted by key; nothing
 * stored as {@code NULL}, never as an empty list.
 */
final class CustomAttributeColumns {

    private static final ObjectMapper JSON = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final TypeReference<List<CustomAttribute>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private CustomAttributeColumns() {
    }

    /** The stored attributes by name (a new, changeable map). */
    static SortedMap<String, CustomAttribute> attributes(String stored) {
        SortedMap<String, CustomAttribute> byName = new TreeMap<>();
        if (stored != null && !stored.isEmpty()) {
            read(stored, ATTRIBUTES).forEach(attribute -> byName.put(attribute.name(), attribute));
        }
        return byName;
    }

    static String attributes(SortedMap<String, CustomAttribute> byName) {
        return byName.isEmpty() ? null : write(List.copyOf(byName.values()));
    }

    /** The stored mapped fields (a new, changeable map). */
    static SortedMap<String, String> fields(String stored) {
        return stored == null || stored.isEmpty() ? new TreeMap<>() : read(stored, FIELDS);
    }

    static String fields(Map<String, String> fields) {
        return fields.isEmpty() ? null : write(new TreeMap<>(fields));
    }

    private static <T> T read(String stored, TypeReference<T> type) {
        try {
            return JSON.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored custom attribute column is not the JSON this release writes", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
