package org.dorsal.testkit;

import org.dorsal.Dorsal;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5 as pairs over the whole intake space: each of 5,000 seeded random intakes against
 * every single-answer change of it (each unknown finding answered present and absent, each absent
 * finding turned present except IMPROVING, each unknown quantity given each boundary value). The
 * exhaustive property does the same inside the red-flag space without extra assessments.
 */
class MonotonicityProperties {

    @Test
    void answering_a_question_never_lowers_the_disposition() {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        PropertyCheck.Result result = PropertyCheck.of(dorsal)
                .invariants(Fixtures.checks(dorsal))
                .withMonotonicity()
                .run(RandomIntakes.seeded(Fixtures.SEED ^ 0x5EED, dorsal.thresholds()), 5_000);
        System.out.printf("Monotonicity: %,d intakes, %,d single-answer changes compared, in %s%n",
                result.checked(), result.pairs(), Fixtures.since(start));
        result.assertPassed();
    }
}
