package io.wecomsync.wx.reconcile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * At start-up, loads each corp whose data in mdm-service is empty and that no run has loaded before
 * ({@code wx.reconcile.initial-load-when-empty}). While mdm-service cannot be asked, it asks again
 * every {@link #RETRY_EVERY}, up to {@link #ATTEMPTS} times. Two instances starting together start one
 * run: the run lock turns the second away.
 */
@Component
class InitialLoad implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(InitialLoad.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(15);
    static final int ATTEMPTS = 20;

    private final Reconciler reconciler;
    private final ReconcileRuns runs;
    private final MdmDirectory mdm;
    private final ReconcileSettings settings;
    private final TaskScheduler scheduler;
    private final Clock clock;

    InitialLoad(Reconciler reconciler, ReconcileRuns runs, MdmDirectory mdm, ReconcileSettings settings,
                TaskScheduler scheduler, Clock clock) {
        this.reconciler = reconciler;
        this.runs = runs;
        this.mdm = mdm;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (settings.current().initialLoadWhenEmpty()) {
            reconciler.corps().forEach(corpId -> scheduler.schedule(() -> load(corpId, 1), clock.instant()));
        }
    }

    /** Loads the corp when it is empty and was never loaded; on failure schedules attempt {@code attempt + 1}. */
    void load(String corpId, int attempt) {
        try {
            if (runs.everLoaded(corpId) || !mdm.isEmpty(corpId)) {
                return;
            }
            ReconcileRunView run = reconciler.start(corpId, RunTrigger.INITIAL_LOAD, false, "start-up");
            log.info("mdm-service holds nothing of corp {}: initial load started as run {}", corpId, run.id());
        } catch (RunAlreadyRunningException e) {
            log.info("initial load of corp {} not started: {}", corpId, e.getMessage());
        } catch (RuntimeException e) {
            if (attempt >= ATTEMPTS) {
                log.error("initial load of corp {} given up after {} attempts: {}", corpId, attempt, e.toString());
                return;
            }
            log.warn("initial load of corp {} not checked yet ({}); trying again in {}", corpId, e.toString(), RETRY_EVERY);
            scheduler.schedule(() -> load(corpId, attempt + 1), clock.instant().plus(RETRY_EVERY));
        }
    }
}
