package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * Invariants 9 (interview completeness) and 10 (no silent unknowns), spec §8, over the spaces
 * issue 8 names: exhaustively over the red-flag findings crossed with the complaints, at the
 * threshold edges, and on 100,000 seeded random fully known intakes.
 */
class CompletenessProperties {
    private static final Dorsal DORSAL = Fixtures.dorsal();
    private static final Thresholds T = Thresholds.defaults();
    private static final List<Finding> COMPLAINTS =
            List.of(Finding.NECK_STIFFNESS, Finding.UPPER_BACK_STIFFNESS, Finding.MUSCLE_SPASM);
    private static final List<Finding> TIMING =
            List.of(Finding.MUSCLE_SPASM, Finding.NECK_STIFFNESS, Finding.UPPER_BACK_STIFFNESS,
                    Finding.SELF_CARE_TRIED, Finding.IMPROVING, Finding.ACUTE_SYMPTOMS_SUBSIDED);
    private static final List<Finding> ADVICE_TRIGGERS = List.of(Finding.SELF_MANIPULATION, Finding.HABITUAL_CRACKING,
            Finding.PROLONGED_SITTING_OR_SCREEN, Finding.DEHYDRATION, Finding.STRESS_OR_TENSION, Finding.AWKWARD_LIFT_OR_TWIST);

    /** Every finding known: each profile fixes the answers the space does not vary. */
    private static Intake profile(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Intake.Builder b = Intake.builder();
        for (Finding f : Finding.values()) {
            b.answer(f, r.nextBoolean() ? State.PRESENT : State.ABSENT);
        }
        List<OptionalInt> hours = Boundaries.hoursSinceOnset(T);
        List<OptionalInt> days = Boundaries.selfCareDays(T);
        return b.quantity(Quantity.HOURS_SINCE_ONSET, hours.get(1 + r.nextInt(hours.size() - 1)))
                .quantity(Quantity.SELF_CARE_DAYS, days.get(1 + r.nextInt(days.size() - 1))).build();
    }

    @Test
    void invariant_10_exhaustively_over_the_red_flags_crossed_with_the_complaints() {
        List<Finding> digits = new ArrayList<>(DORSAL.redFlagFindings().keySet());
        digits.addAll(COMPLAINTS);
        long checked = 0;
        // A spasm past the referral threshold with self-care kept up and not improving, and stiffness
        // after long self-care: the profile where the complaints can lead to a referral.
        Intake referral = Intake.builder().present(Finding.SELF_CARE_TRIED).absent(Finding.IMPROVING)
                .absent(Finding.ACUTE_SYMPTOMS_SUBSIDED, Finding.SELF_MANIPULATION, Finding.HABITUAL_CRACKING,
                        Finding.PROLONGED_SITTING_OR_SCREEN, Finding.DEHYDRATION, Finding.STRESS_OR_TENSION,
                        Finding.AWKWARD_LIFT_OR_TWIST)
                .hoursSinceOnset(24 * T.spasmReferralDays()).selfCareDays(T.stiffnessReferralDays()).build();
        for (Intake base : List.of(referral, profile(1), profile(2))) {
            Relevance.Result r = Relevance.check(DORSAL, IntakeSpace.over(digits).base(base).build()).assertPassed();
            checked += r.checked();
        }
        System.out.printf("invariant 10: %,d intakes (red flags x complaints, 3 profiles), 0 counterexamples%n", checked);
        assertThat(checked).isEqualTo(3L * 1_594_323);
    }

    @Test
    void invariant_10_at_the_threshold_edges() {
        long checked = 0;
        for (Thresholds t : List.of(T, new Thresholds(10, 42))) {
            for (Intake base : List.of(Intake.builder().absent(DORSAL.redFlagFindings().keySet().toArray(Finding[]::new))
                            .absent(ADVICE_TRIGGERS.toArray(Finding[]::new)).build(),
                    Intake.builder().absent(DORSAL.redFlagFindings().keySet().toArray(Finding[]::new))
                            .present(ADVICE_TRIGGERS.toArray(Finding[]::new)).build())) {
                IntakeSpace space = IntakeSpace.over(TIMING).base(base).boundaries(t).build();
                checked += Relevance.check(Dorsal.builder().thresholds(t).build(), space).assertPassed().checked();
            }
            // An open red flag: questions that could only change suppressed advice are still asked.
            Intake open = Intake.builder().absent(Finding.SEVERE_SUDDEN_HEADACHE, Finding.DIZZINESS_OR_VERTIGO,
                            Finding.VISUAL_DISTURBANCE, Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA,
                            Finding.BOWEL_OR_BLADDER_CONTROL_LOSS, Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.RADIATING_ARM_PAIN,
                            Finding.NUMBNESS_OR_TINGLING, Finding.ARM_OR_HAND_WEAKNESS)
                    .absent(ADVICE_TRIGGERS.toArray(Finding[]::new)).build();
            List<Finding> digits = new ArrayList<>(TIMING);
            digits.add(Finding.FEVER_OR_CHILLS);
            checked += Relevance.check(Dorsal.builder().thresholds(t).build(), IntakeSpace.over(digits).base(open).boundaries(t).build())
                    .assertPassed().checked();
        }
        // The advice triggers with everything else unknown-free.
        checked += Relevance.check(DORSAL, IntakeSpace.over(ADVICE_TRIGGERS).base(profile(3)).build()).assertPassed().checked();
        System.out.printf("invariant 10: %,d intakes at the threshold edges, 0 counterexamples%n", checked);
    }

    @Test
    void invariant_9_on_100000_random_fully_known_intakes() {
        long seed = 20261205L;
        RandomIntakes random = RandomIntakes.seeded(seed, T);
        int count = 100_000;
        LongAdder asked = new LongAdder();
        AtomicLong most = new AtomicLong();
        LongAdder selfCare = new LongAdder();
        LongAdder selfCareAsked = new LongAdder();
        AtomicLong selfCareMost = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        LongStream.range(0, count).parallel().forEach(i -> {
            Intake known = fullyKnown(random.get(i), new SplittableRandom(RandomIntakes.mix(seed, i)));
            InterviewWalk.Result walk = InterviewWalk.of(DORSAL, known);
            walk.violation().ifPresent(v -> failures.add("intake #" + i + " (seed " + seed + "): " + v));
            int n = walk.asked().size();
            asked.add(n);
            most.accumulateAndGet(n, Math::max);
            if (walk.expected().disposition() == Disposition.SELF_CARE) {
                selfCare.increment();
                selfCareAsked.add(n);
                selfCareMost.accumulateAndGet(n, Math::max);
            }
        });
        System.out.printf("invariant 9: %,d fully known intakes (seed %d); questions asked: mean %.1f, max %d; "
                        + "SELF_CARE ones (%,d): mean %.1f, max %d%n", count, seed, asked.doubleValue() / count, most.get(),
                selfCare.sum(), selfCareAsked.doubleValue() / Math.max(1, selfCare.sum()), selfCareMost.get());
        assertThat(failures).as("invariant 9 counterexamples").isEmpty();
    }

    /** The random intake with every unknown answered: the testkit's regimes, then a coin for what is left. */
    private static Intake fullyKnown(Intake intake, SplittableRandom r) {
        Intake.Builder b = intake.toBuilder();
        for (Finding f : Finding.values()) {
            if (intake.state(f) == State.UNKNOWN) {
                b.answer(f, r.nextInt(4) == 0 ? State.PRESENT : State.ABSENT);
            }
        }
        for (Quantity q : Quantity.values()) {
            if (intake.quantity(q).isEmpty()) {
                List<OptionalInt> edges = Boundaries.of(q, T);
                b.quantity(q, edges.get(1 + r.nextInt(edges.size() - 1)));
            }
        }
        return b.build();
    }
}
