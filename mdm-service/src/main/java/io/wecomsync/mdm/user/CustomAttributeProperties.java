package io.wecomsync.mdm.user;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Set;

/**
 * {@code mdm.custom-attributes.*}.
 *
 * @param personal custom attributes (by their WeCom name, e.g. {@code 身份证号}) and mapped fields (by their
 *                 MDM name, e.g. {@code idNumber}) that are personal data: the operation log shows their
 *                 values masked. The API answers them to its authorized callers like mobile and email.
 */
@Validated
@ConfigurationProperties("mdm.custom-attributes")
public record CustomAttributeProperties(List<@NotBlank String> personal) {

    public CustomAttributeProperties {
        personal = personal == null ? List.of() : List.copyOf(personal);
    }

    Set<String> personalNames() {
        return Set.copyOf(personal);
    }
}
