package io.wecomsync.common.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings that ops may change at run time. When the environment changes under {@code prefix} (a Nacos
 * push triggers an {@link EnvironmentChangeEvent}), the properties record is bound and validated again;
 * values that do not bind or break a constraint are refused with a log line and the old ones stay.
 * Readers call {@link #current()} each time they need a value.
 */
public abstract class LiveProperties<T> implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Validator VALIDATOR;

    static {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            VALIDATOR = factory.getValidator();
        }
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String prefix;
    private final Class<T> type;
    private final Environment environment;
    private volatile T current;

    protected LiveProperties(String prefix, Class<T> type, T initial, Environment environment) {
        this.prefix = prefix;
        this.type = type;
        this.current = initial;
        this.environment = environment;
    }

    public T current() {
        return current;
    }

    /** Where these settings live, e.g. {@code wx.inbox}. */
    public String prefix() {
        return prefix;
    }

    /** What is wrong with {@code candidate} beyond its constraints (e.g. names that refer to nothing); empty when nothing. */
    protected List<String> problems(T candidate) {
        return List.of();
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(prefix + "."))) {
            return;
        }
        try {
            T bound = Binder.get(environment).bindOrCreate(prefix, type);
            Set<ConstraintViolation<T>> violations = VALIDATOR.validate(bound);
            if (!violations.isEmpty()) {
                log.error("{} not changed: {}", prefix, violations.stream()
                        .map(v -> prefix + "." + v.getPropertyPath() + " " + v.getMessage()).sorted()
                        .collect(Collectors.joining("; ")));
                return;
            }
            List<String> problems = problems(bound);
            if (!problems.isEmpty()) {
                log.error("{} not changed: {}", prefix, String.join("; ", problems));
                return;
            }
            current = bound;
            log.info("{} changed: {}", prefix, bound);
        } catch (RuntimeException e) {
            log.error("{} not changed: the new values do not bind ({})", prefix, e.getMessage());
        }
    }
}
