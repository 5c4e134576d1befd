package org.dorsal.bench;

import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;

/**
 * Run in a fresh JVM by {@code benchmarks/run}: how long building the facade (loading the KIE base
 * from the KJAR, checking it against the specification, the self-check assessment) takes on a cold
 * JVM, and the first assessment after it. Prints {@code buildMillis=… firstAssessMicros=…}.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        Intake intake = DorsalJson.readIntake("{\"hoursSinceOnset\": 20, \"findings\": {\"MUSCLE_SPASM\": \"present\"}}");
        long t0 = System.nanoTime();
        Dorsal dorsal = Dorsal.builder().build();
        long t1 = System.nanoTime();
        dorsal.assess(intake);
        long t2 = System.nanoTime();
        System.out.printf("buildMillis=%.1f firstAssessMicros=%d%n", (t1 - t0) / 1e6, (t2 - t1) / 1_000);
    }
}
