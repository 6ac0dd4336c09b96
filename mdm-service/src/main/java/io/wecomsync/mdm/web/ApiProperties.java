package io.wecomsync.mdm.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mdm.api.*}.
 *
 * @param maxBodySize larger request bodies are refused with 413 before they are read whole (also one sent in
 *                    chunks); the largest the API takes is a batch of 200 users, well under the default
 */
@Validated
@ConfigurationProperties("mdm.api")
public record ApiProperties(@NotNull @DefaultValue("4MB") DataSize maxBodySize) {

    public ApiProperties {
        if (maxBodySize != null && maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("mdm.api.max-body-size must be at least 1 byte, got " + maxBodySize);
        }
    }
}
