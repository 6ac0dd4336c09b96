package io.wecomsync.common.startup;

import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataTrainingRunTests {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void aTrainingRunExitsOnceEveryBeanOfTheApplicationExistsAndBeforeAnythingStarts() {
        try (GenericApplicationContext context = application(Map.of(ClassDataTrainingRun.PROPERTY, "true"))) {
            context.refresh();

            assertThat(events).containsExactly(
                    "child context refreshed", // as OpenFeign does per client while the beans are created
                    "client created",
                    "database pool closed",
                    "halted with 0",
                    "worker started"); // only in this test: a real halt ends the JVM before this
        }
    }

    @Test
    void anOrdinaryStartStartsEverythingAndNeverExits() {
        try (GenericApplicationContext context = application(Map.of())) {
            context.refresh();

            assertThat(context.isRunning()).isTrue();
            assertThat(events).containsExactly("child context refreshed", "client created", "worker started");
        }
    }

    private GenericApplicationContext application(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ClassDataTrainingRun(status -> events.add("halted with " + status)).initialize(context);
        context.registerBean("client", Object.class, () -> {
            try (GenericApplicationContext child = new GenericApplicationContext()) {
                child.setParent(context);
                child.refresh();
                events.add("child context refreshed");
            }
            events.add("client created");
            return new Object();
        });
        context.registerBean("dataSource", DataSource.class, this::pool);
        context.registerBean("worker", SmartLifecycle.class, this::worker);
        return context;
    }

    private DataSource pool() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DataSource.class, AutoCloseable.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> events.add("database pool closed") ? null : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "pool";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private SmartLifecycle worker() {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
                events.add("worker started");
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE + 1; // as early as anything else could start
            }
        };
    }
}
