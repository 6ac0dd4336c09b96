package io.wecomsync.wx.directory;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.common.mdm.UserUpsertRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code wx.directory.*}: per corp, how its custom attributes map onto mdm-service's fields and which
 * departments are synced.
 * <pre>
 * wx:
 *   directory:
 *     corps:
 *       ww0123456789abcdef:
 *         employee-number: 工号          # the custom attribute that is the employee number
 *         fields:                        # MDM field ← custom attribute
 *           costCentre: 成本中心
 *           grade: 职级
 *         scope:                         # department subtrees to sync (default: the whole corp)
 *           include: [2, 7]
 *           exclude: [9]
 * </pre>
 * A corp not listed maps nothing and syncs all of its directory: its custom attributes are still stored
 * as they are.
 *
 * @param corps corpId → its mapping; every corpId must be one of {@code wx.cp.application}
 */
@Validated
@ConfigurationProperties("wx.directory")
public record DirectoryProperties(Map<String, @Valid Corp> corps) {

    public DirectoryProperties {
        corps = corps == null ? Map.of() : Map.copyOf(corps);
    }

    /** The corp's mapping; an empty one for a corp not listed. */
    public Corp corp(String corpId) {
        return corps.getOrDefault(corpId, Corp.NONE);
    }

    /**
     * @param employeeNumber the custom attribute (by its WeCom name) that is the employee number, or none
     * @param fields         MDM field name (camelCase) → custom attribute name
     */
    public record Corp(
            @Size(min = 1, max = 64, message = "must name a custom attribute (1 to 64 characters) or be left out")
            String employeeNumber,
            @Size(max = 20) Map<@NotBlank @Pattern(regexp = UserUpsertRequest.MAPPED_FIELD,
                    message = UserUpsertRequest.MAPPED_FIELD_MESSAGE) String, @NotBlank @Size(max = 64) String> fields,
            @Valid Scope scope) {

        static final Corp NONE = new Corp(null, Map.of(), null);

        public Corp {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
            employeeNumber = employeeNumber == null ? null : employeeNumber.strip();
            scope = scope == null ? Scope.WHOLE_CORP : scope;
        }


        /**
         * The employee number among {@code attributes}: its value ({@code ""} when WeCom holds it empty), or
         * {@code null} ("unchanged") when the attributes do not name it or nothing is mapped.
         */
        public String employeeNumberIn(List<CustomAttribute> attributes) {
            return employeeNumber == null ? null : valueOf(employeeNumber, attributes);
        }

        /** The mapped fields whose attribute is among {@code attributes}; {@code null} when none is. */
        public Map<String, String> fieldsIn(List<CustomAttribute> attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((field, attribute) -> {
                String value = valueOf(attribute, attributes);
                if (value != null) {
                    values.put(field, value);
                }
            });
            return values.isEmpty() ? null : values;
        }

        private static String valueOf(String attribute, List<CustomAttribute> attributes) {
            if (attributes == null) {
                return null;
            }
            return attributes.stream().filter(a -> a.name().equals(attribute)).reduce((first, last) -> last)
                    .map(a -> a.isEmpty() ? "" : a.display()).orElse(null);
        }
    }

    /**
     * Which departments' members are synced. A department is in scope when the nearest of itself and its
     * ancestors that either list names is in {@code include}; when none is, it is in scope only if
     * {@code include} is empty (the whole corp). So {@code include: [2], exclude: [9]} syncs department 2's
     * subtree without 9's, and an include inside an excluded subtree brings that part back. A user is in
     * scope when one of the user's departments is.
     */
    public record Scope(@Size(max = 1000) Set<@NotNull @Positive Long> include,
                        @Size(max = 1000) Set<@NotNull @Positive Long> exclude) {

        static final Scope WHOLE_CORP = new Scope(Set.of(), Set.of());

        /** WeCom's departments form a tree of at most 15 levels; a longer chain is a loop in what was read. */
        private static final int MAX_DEPTH = 32;

        public Scope {
            include = include == null ? Set.of() : Set.copyOf(include);
            exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        }

        public boolean isWholeCorp() {
            return include.isEmpty() && exclude.isEmpty();
        }

        /**
         * Whether {@code department} is in scope, walking up through {@code parentOf} (answering {@code null}
         * for the root or a parent not known).
         */
        public boolean contains(long department, Function<Long, Long> parentOf) {
            Long current = department;
            for (int depth = 0; current != null && current > 0 && depth < MAX_DEPTH; depth++) {
                if (exclude.contains(current)) {
                    return false;
                }
                if (include.contains(current)) {
                    return true;
                }
                current = parentOf.apply(current);
            }
            return include.isEmpty();
        }

        /** Whether any of {@code departments} is in scope. */
        public boolean containsAny(Collection<Long> departments, Function<Long, Long> parentOf) {
            return departments.stream().anyMatch(department -> contains(department, parentOf));
        }
    }
}
