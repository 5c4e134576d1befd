package org.dorsal.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dorsal.Dorsal;
import org.dorsal.governance.Engine;
import org.dorsal.governance.EngineConfig;

/**
 * The facades and engines of one JVM, one per configuration, built on first use and kept for the
 * JVM's life. Tasks carry only an {@link EngineConfig} (plain values) and look their engine up here,
 * so a knowledge base is never serialised and an executor builds each one once, however many tasks
 * and threads it runs.
 */
public final class PerJvm {
    private static final Map<EngineConfig, Once<Dorsal>> FACADES = new ConcurrentHashMap<>();
    private static final Map<EngineConfig, Once<Engine>> ENGINES = new ConcurrentHashMap<>();
    private static final Map<EngineConfig, AtomicInteger> BUILDS = new ConcurrentHashMap<>();

    private PerJvm() {
    }

    /**
     * The facade of the host's own knowledge base with the thresholds of {@code config}. Batch
     * output needs whole assessments, which only the host's own facade gives, so {@code config}
     * must name no jars.
     */
    public static Dorsal dorsal(EngineConfig config) {
        if (!config.jars().isEmpty()) {
            throw new IllegalArgumentException("a facade is the host's own knowledge base; this configuration names jars");
        }
        return once(FACADES, config, c -> {
            countBuild(c);
            return Dorsal.builder().thresholds(c.thresholds()).build();
        });
    }

    /** The engine of {@code config}. On the host's knowledge base it wraps the very facade of {@link #dorsal}. */
    public static Engine engine(EngineConfig config) {
        return once(ENGINES, config, c -> {
            if (c.jars().isEmpty()) {
                return EngineConfig.of(dorsal(c));
            }
            countBuild(c);
            return c.open();
        });
    }

    /** How many knowledge bases this JVM built for {@code config}: 1 once used, unless a build failed. */
    static int builds(EngineConfig config) {
        AtomicInteger n = BUILDS.get(config);
        return n == null ? 0 : n.get();
    }

    private static void countBuild(EngineConfig config) {
        QuietAssessmentLog.apply();
        BUILDS.computeIfAbsent(config, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Builds outside the map's own lock: a build takes a few hundred milliseconds and must block
     * only the threads that wait for the same configuration. A failed build is forgotten, so that
     * Spark's retry of the task tries again instead of replaying the error.
     */
    private static <T> T once(Map<EngineConfig, Once<T>> map, EngineConfig config, Function<EngineConfig, T> build) {
        Once<T> once = map.computeIfAbsent(config, c -> new Once<>());
        synchronized (once) {
            if (once.value == null) {
                try {
                    once.value = build.apply(config);
                } catch (RuntimeException | Error e) {
                    map.remove(config, once);
                    throw e;
                }
            }
            return once.value;
        }
    }

    private static final class Once<T> {
        private T value;
    }
}
