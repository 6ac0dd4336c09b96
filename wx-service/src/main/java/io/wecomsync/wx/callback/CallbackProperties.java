package io.wecomsync.wx.callback;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code wx.callback.*}.
 *
 * @param timestampWindow how far a callback's {@code timestamp} may be from now, either way
 * @param maxBodySize     larger POST bodies are refused with 413 before they are read whole
 */
@Validated
@ConfigurationProperties("wx.callback")
public record CallbackProperties(@NotNull @DefaultValue("300s") Duration timestampWindow,
                                 @NotNull @DefaultValue("64KB") DataSize maxBodySize) {
}
