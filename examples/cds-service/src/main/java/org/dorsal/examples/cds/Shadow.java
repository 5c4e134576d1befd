package org.dorsal.examples.cds;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dorsal.Assessment;
import org.dorsal.Intake;
import org.dorsal.governance.Comparison;
import org.dorsal.governance.Engine;
import org.dorsal.governance.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow mode: a candidate configuration assesses every intake the live engine assessed, and the
 * two are compared and counted, while only the live assessment is ever answered.
 *
 * <p>The candidate runs on one thread of its own behind a bounded queue. The live request only
 * hands the intake and its assessment over: when the queue is full the comparison is dropped and
 * counted, so a slow or stuck candidate costs the live path nothing but that hand-off, and nothing
 * the candidate does can throw into it.
 */
final class Shadow implements AutoCloseable {
    /** The disagreement log, apart from the request log so that it can be routed or silenced on its own. */
    static final String LOGGER = "org.dorsal.shadow";
    static final int DEFAULT_QUEUE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final Engine candidate;
    private final ThreadPoolExecutor executor;
    private final ShadowMetrics metrics;

    Shadow(Engine candidate, int queueCapacity, MeterRegistry registry) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the shadow queue needs room for at least one assessment, got " + queueCapacity);
        }
        this.candidate = candidate;
        ArrayBlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(queueCapacity);
        this.metrics = new ShadowMetrics(registry, candidate, queue);
        // Dropping must not build an exception per rejected task, as the default AbortPolicy does:
        // it happens exactly when the machine is busiest.
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "dorsal-shadow");
            t.setDaemon(true);
            return t;
        }, (task, pool) -> metrics.dropped());
        executor.prestartAllCoreThreads();
    }

    /** E.g. "content 1.1.0, spasm 10 d, stiffness 14 d". */
    String describe() {
        return candidate.describe();
    }

    /** Hands a live assessment over for comparison; never blocks and never throws. */
    void offer(Intake intake, Assessment live) {
        try {
            executor.execute(() -> compare(intake, live));
        } catch (RuntimeException e) {
            metrics.dropped();
        }
    }

    private void compare(Intake intake, Assessment live) {
        Comparison c;
        try {
            c = new Comparison(Outcome.of(live), candidate.assess(intake));
        } catch (Exception | Error e) {
            metrics.failed();
            // The class only: a message could quote the intake it failed on.
            LOG.warn("candidate failed: {}", e.getClass().getName());
            return;
        }
        metrics.count(c);
        if (!c.agrees() && LOG.isInfoEnabled()) {
            LOG.info(disagreement(c));
        }
    }

    /**
     * The log line of one disagreement: dispositions, provisional flags and the rule IDs that
     * differ, which say what changed without saying anything about whom.
     */
    static String disagreement(Comparison c) {
        return "disagreement: live " + c.before().disposition() + " provisional=" + c.before().provisional()
                + ", candidate " + c.after().disposition() + " provisional=" + c.after().provisional()
                + ", added " + c.added() + ", removed " + c.removed();
    }

    /** Stops taking work and gives the comparisons already queued a second to finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
