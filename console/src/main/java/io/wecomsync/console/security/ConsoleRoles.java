package io.wecomsync.console.security;

import io.wecomsync.common.config.LiveProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The roles of WeCom members as configured now ({@code console.roles}, changed at run time). */
@Component
public class ConsoleRoles extends LiveProperties<RolesProperties> {

    ConsoleRoles(RolesProperties initial, Environment environment) {
        super("console.roles", RolesProperties.class, initial, environment);
    }

    /**
     * The role of member {@code userId}: {@link Operator#ADMIN}, {@link Operator#VIEWER}, or empty when they
     * have none. {@code inTag} tells whether they are a member of a tag (asked only for the tags configured).
     */
    public Optional<String> roleOf(String userId, Predicate<String> inTag) {
        RolesProperties roles = current();
        if (roles.adminUsers().contains(userId) || any(roles.adminTags(), inTag)) {
            return Optional.of(Operator.ADMIN);
        }
        if (roles.viewerUsers().contains(userId) || any(roles.viewerTags(), inTag)) {
            return Optional.of(Operator.VIEWER);
        }
        return Optional.empty();
    }

    private static boolean any(List<String> tags, Predicate<String> inTag) {
        return tags.stream().anyMatch(inTag);
    }
}
