package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.dorsal.internal.TestAccess;
import org.dorsal.testkit.Fixtures;
import org.dorsal.testkit.RandomIntakes;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1: the same report gets the same assessment whatever order its facts were inserted in.
 * Checked twice over: the session's facts inserted in shuffled orders (through the package-private
 * {@code TestAccess.assessFacts}), and an interview answering in shuffled order, compared with the
 * one-shot assessment.
 */
class OrderIndependenceProperties {
    static final int INTAKES = 5_000;
    static final int SHUFFLES = 3;

    @Test
    void shuffled_facts_give_the_same_assessment() {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        RandomIntakes random = RandomIntakes.seeded(Fixtures.SEED + 2, dorsal.thresholds());
        Random shuffle = new Random(Fixtures.SEED);
        for (long i = 0; i < INTAKES; i++) {
            Intake intake = random.get(i);
            Assessment expected = dorsal.assess(intake);
            List<Object> facts = new ArrayList<>(TestAccess.facts(dorsal, intake));
            for (int s = 0; s < SHUFFLES; s++) {
                Collections.shuffle(facts, shuffle);
                assertThat(TestAccess.assessFacts(dorsal, facts)).as("intake #%d (seed %d), facts in order %s", i, random.seed(), facts)
                        .isEqualTo(expected);
            }
            // Reversed: the parameters last, after every rule already has its answers.
            Collections.reverse(facts);
            assertThat(TestAccess.assessFacts(dorsal, facts)).isEqualTo(expected);
        }
        System.out.printf("Order independence: %,d intakes x %d fact orders, in %s%n", INTAKES, SHUFFLES + 1, Fixtures.since(start));
    }

    @Test
    void answers_given_in_any_order_give_the_one_shot_assessment() {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        RandomIntakes random = RandomIntakes.seeded(Fixtures.SEED + 3, dorsal.thresholds());
        Random shuffle = new Random(Fixtures.SEED);
        for (long i = 0; i < INTAKES / 5; i++) {
            Intake intake = random.get(i);
            List<Runnable> steps = new ArrayList<>();
            try (Interview interview = dorsal.newInterview()) {
                intake.findings().forEach((f, s) -> steps.add(() -> interview.answer(f, s)));
                for (Quantity q : Quantity.values()) {
                    intake.quantity(q).ifPresent(v -> steps.add(() -> interview.quantity(q, OptionalInt.of(v))));
                }
                Collections.shuffle(steps, shuffle);
                steps.forEach(Runnable::run);
                assertThat(interview.assessment()).as("intake #%d (seed %d)", i, random.seed()).isEqualTo(dorsal.assess(intake));
            }
        }
        System.out.printf("Order independence: %,d interviews answered in shuffled order, in %s%n", INTAKES / 5, Fixtures.since(start));
    }
}
