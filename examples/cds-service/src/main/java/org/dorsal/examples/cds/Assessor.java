package org.dorsal.examples.cds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.dorsal.Thresholds;

/**
 * The live path of every endpoint that assesses: the facade's assessment, timed per route, and in
 * shadow mode handed to the {@link Shadow} before it is answered.
 */
final class Assessor {
    static final String ASSESSMENTS = "dorsal.assessments";
    static final String DISPOSITIONS = "dorsal.dispositions";
    static final String ENGINE_INFO = "dorsal.engine.info";
    static final String ASSESS = "assess";
    static final String PATIENT_VIEW = "patient-view";
    static final String FHIR_ASSESS = "fhir-assess";

    private final Dorsal dorsal;
    private final Shadow shadow;
    private final Map<String, Timer> timers;
    private final Map<String, Map<Disposition, Counter>> dispositions;

    /**
     * @param shadow the shadow mode, or null when the service runs without one
     */
    Assessor(Dorsal dorsal, MeterRegistry registry, Shadow shadow) {
        this.dorsal = dorsal;
        this.shadow = shadow;
        this.timers = Stream.of(ASSESS, PATIENT_VIEW, FHIR_ASSESS).collect(Collectors.toUnmodifiableMap(Function.identity(),
                route -> Timer.builder(ASSESSMENTS).tag("route", route)
                        .description("Live assessments: the facade's call, plus the hand-off to the shadow in shadow mode")
                        // An assessment takes tens of microseconds: the default buckets start at a millisecond.
                        .serviceLevelObjectives(Duration.ofNanos(25_000), Duration.ofNanos(50_000), Duration.ofNanos(100_000),
                                Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(5),
                                Duration.ofMillis(25))
                        .register(registry)));
        this.dispositions = Stream.of(ASSESS, PATIENT_VIEW, FHIR_ASSESS).collect(Collectors.toUnmodifiableMap(Function.identity(),
                route -> Stream.of(Disposition.values()).collect(Collectors.toUnmodifiableMap(Function.identity(),
                        d -> Counter.builder(DISPOSITIONS).tag("route", route).tag("disposition", d.name())
                                .description("Live assessments answered, by route and disposition")
                                .register(registry)))));
        engineInfo(registry, "live", dorsal.contentVersion(), dorsal.thresholds());
    }

    /** Which content and thresholds decide, as a gauge of 1 whose tags say it: to read the other metrics by. */
    static void engineInfo(MeterRegistry registry, String role, String contentVersion, Thresholds thresholds) {
        Gauge.builder(ENGINE_INFO, () -> 1)
                .tag("role", role)
                .tag("content_version", contentVersion)
                .tag("spasm_referral_days", Integer.toString(thresholds.spasmReferralDays()))
                .tag("stiffness_referral_days", Integer.toString(thresholds.stiffnessReferralDays()))
                .description("The engine configuration: live answers, shadow is only compared")
                .register(registry);
    }

    Assessment assess(String route, Intake intake) {
        long start = System.nanoTime();
        Assessment a = dorsal.assess(intake);
        if (shadow != null) {
            shadow.offer(intake, a);
        }
        timers.get(route).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        dispositions.get(route).get(a.disposition()).increment();
        return a;
    }
}
