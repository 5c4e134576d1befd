package org.dorsal.testkit;

import java.util.List;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * Every invariant of §8, determinism included, and agreement with the oracle on 100,000
 * seeded random intakes over the whole intake space with the default thresholds, then 10,000 more
 * for each of three other allowed threshold settings. On failure the report names the seed and
 * the index and prints the shrunk intake as JSON.
 */
class RandomIntakeProperties {
    static final int INTAKES = 100_000;

    @Test
    void every_invariant_holds_on_random_intakes() {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        RandomIntakes random = RandomIntakes.seeded(Fixtures.SEED, dorsal.thresholds());
        PropertyCheck.Result result = PropertyCheck.of(dorsal)
                .invariants(Fixtures.checks(dorsal))
                .and(SpecInvariants.sameEveryTime(dorsal))
                .run(random, INTAKES);
        System.out.printf("Random intakes: %s in %s%n", result.report(dorsal), Fixtures.since(start));
        result.assertPassed().assertEveryRuleReached(dorsal);
    }

    @Test
    void every_invariant_holds_under_other_allowed_thresholds() {
        for (Thresholds t : List.of(new Thresholds(10, 42), new Thresholds(8, 21), new Thresholds(9, 30))) {
            long start = System.nanoTime();
            Dorsal dorsal = Dorsal.builder().thresholds(t).build();
            PropertyCheck.Result result = PropertyCheck.of(dorsal)
                    .invariants(Fixtures.checks(dorsal))
                    .run(RandomIntakes.seeded(Fixtures.SEED + t.hashCode(), t), 10_000);
            System.out.printf("Random intakes under %s: %,d checked in %s%n", t, result.checked(), Fixtures.since(start));
            result.assertPassed();
        }
    }
}
