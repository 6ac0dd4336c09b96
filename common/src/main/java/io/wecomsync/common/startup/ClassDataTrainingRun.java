package io.wecomsync.common.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.util.function.IntConsumer;

/**
 * The training run for a class data archive (Spring Boot's CDS support). Started with
 * {@code wecom.class-data.training=true} (and {@code -XX:ArchiveClassesAtExit=…}), a service refreshes its
 * application context — every bean created, the database migrated — and exits before anything starts:
 * no port is opened, no worker claims an event, no scheduler joins the cluster. The archive then holds
 * the classes of the whole start.
 * <p>
 * Spring's own {@code -Dspring.context.exit=onRefresh} stops at the first context refreshed in the JVM.
 * OpenFeign refreshes a child context per client while the application's beans are still being created,
 * so wx-service's training stopped there, and its archive held half of the classes its start loads.
 * This runs on the application's own context only (an initializer; child contexts never see it), as the
 * first thing it starts.
 * <p>
 * It halts the JVM, as Spring does: the refresh still holds the context's start-up lock, which a normal
 * exit's shutdown hook would wait for. Connection pools are closed first, so the database sees the
 * training's connections end instead of aborted.
 */
public class ClassDataTrainingRun implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Set to {@code true} for a training run. */
    public static final String PROPERTY = "wecom.class-data.training";

    private static final Logger log = LoggerFactory.getLogger(ClassDataTrainingRun.class);

    private final IntConsumer halt;

    public ClassDataTrainingRun() {
        this(status -> Runtime.getRuntime().halt(status));
    }

    ClassDataTrainingRun(IntConsumer halt) {
        this.halt = halt;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            context.getBeanFactory().registerSingleton("classDataTrainingRunExit", new ExitBeforeAnythingStarts(context));
        }
    }

    /** Started first (the lowest phase), once every singleton of the context exists. */
    private final class ExitBeforeAnythingStarts implements SmartLifecycle {

        private final ConfigurableApplicationContext context;

        ExitBeforeAnythingStarts(ConfigurableApplicationContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            int beans = context.getBeanDefinitionCount();
            context.getBeansOfType(DataSource.class, false, false).forEach((name, dataSource) -> {
                if (dataSource instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        log.warn("class data training run: closing {} failed: {}", name, e.toString());
                    }
                }
            });
            log.info("class data training run: the application context is refreshed ({} beans); exiting before anything"
                    + " starts", beans);
            halt.accept(0);
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }
}
