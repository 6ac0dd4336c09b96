package io.wecomsync.console.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code console.roles}: who of the corp's members may use the console after signing in with WeCom, by
 * userid or by WeCom tag (its members listed directly; members of a tagged department are not counted).
 * Admin wins over viewer; a member in neither is refused. Changes at run time (Nacos) and applies from
 * the next sign-in.
 *
 * @param adminUsers  userids of admins
 * @param adminTags   tag ids whose members are admins
 * @param viewerUsers userids of viewers (read only)
 * @param viewerTags  tag ids whose members are viewers
 */
@Validated
@ConfigurationProperties("console.roles")
public record RolesProperties(
        @NotNull @DefaultValue List<@Pattern(regexp = "[A-Za-z0-9_.@-]{1,64}", message = "must be a WeCom userid") String> adminUsers,
        @NotNull @DefaultValue List<@Pattern(regexp = "\\d{1,10}", message = "must be a WeCom tag id") String> adminTags,
        @NotNull @DefaultValue List<@Pattern(regexp = "[A-Za-z0-9_.@-]{1,64}", message = "must be a WeCom userid") String> viewerUsers,
        @NotNull @DefaultValue List<@Pattern(regexp = "\\d{1,10}", message = "must be a WeCom tag id") String> viewerTags) {
}
