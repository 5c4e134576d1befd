package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.Finding.ACUTE_SYMPTOMS_SUBSIDED;
import static org.dorsal.Finding.AWKWARD_LIFT_OR_TWIST;
import static org.dorsal.Finding.DEHYDRATION;
import static org.dorsal.Finding.HABITUAL_CRACKING;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.NECK_STIFFNESS;
import static org.dorsal.Finding.PROLONGED_SITTING_OR_SCREEN;
import static org.dorsal.Finding.SELF_CARE_TRIED;
import static org.dorsal.Finding.SELF_MANIPULATION;
import static org.dorsal.Finding.STRESS_OR_TENSION;
import static org.dorsal.Finding.UPPER_BACK_STIFFNESS;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.junit.jupiter.api.Test;

/**
 * Every invariant of §8 over the whole red-flag space: all 3^10 = 59,049 combinations of the ten
 * red-flag findings, with the other twelve findings fixed in three profiles. Where the profile has
 * a spasm, the onset matters, so the space is crossed with the 12 boundary values of
 * {@code hoursSinceOnset} (unknown, 0, each edge 48 h, 72 h and 168 h just below, at and above, and
 * the maximum); in the profile without one no rule reads the onset, so it stays unknown there:
 * 2 × 708,588 + 59,049 = 1,476,225 assessments. Each is checked against the invariants and the
 * oracle; monotonicity (invariant 5) is then checked on every single-answer change inside the
 * space by comparing stored dispositions, which costs no further assessment.
 */
class ExhaustiveRedFlagProperties {

    /** The other findings, fixed: three presentations chosen so that together they reach every rule. */
    record Profile(String name, Intake base, boolean onsetMatters) {
    }

    static final List<Profile> PROFILES = List.of(
            // Nothing else known: red flags alone decide, every self-care question stays open.
            new Profile("nothing else known", Intake.empty(), false),
            // A spasm that has settled, self-care tried without improvement, stiffness past its
            // threshold, and every trigger and habit: all self-care advice, referrals, heat.
            new Profile("settled spasm, all answered", Intake.builder()
                    .present(MUSCLE_SPASM, ACUTE_SYMPTOMS_SUBSIDED, SELF_CARE_TRIED, NECK_STIFFNESS, UPPER_BACK_STIFFNESS,
                            SELF_MANIPULATION, HABITUAL_CRACKING, PROLONGED_SITTING_OR_SCREEN, DEHYDRATION,
                            STRESS_OR_TENSION, AWKWARD_LIFT_OR_TWIST)
                    .absent(IMPROVING)
                    .selfCareDays(14)
                    .build(), true),
            // An acute spasm with stiffness, self-care questions open, nothing else: cold, the
            // acute phase, the threshold questions.
            new Profile("acute spasm, questions open", Intake.builder()
                    .present(MUSCLE_SPASM, NECK_STIFFNESS)
                    .absent(ACUTE_SYMPTOMS_SUBSIDED, UPPER_BACK_STIFFNESS, SELF_MANIPULATION, HABITUAL_CRACKING,
                            PROLONGED_SITTING_OR_SCREEN, DEHYDRATION, STRESS_OR_TENSION, AWKWARD_LIFT_OR_TWIST)
                    .build(), true));

    @Test
    void every_invariant_holds_over_every_red_flag_combination() {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        RuleStatistics total = new RuleStatistics();
        long checked = 0;
        long pairs = 0;
        List<String> report = new ArrayList<>();
        for (Profile profile : PROFILES) {
            long t = System.nanoTime();
            IntakeSpace space = IntakeSpace.over(RedFlags.FINDINGS)
                    .base(profile.base())
                    .hoursSinceOnset(profile.onsetMatters() ? Boundaries.hoursSinceOnset(dorsal.thresholds()) : List.of(OptionalInt.empty()))
                    .build();
            byte[] dispositions = new byte[(int) space.size()];
            PropertyCheck.Result result = PropertyCheck.of(dorsal)
                    .invariants(Fixtures.checks(dorsal))
                    .observe((i, intake, a) -> dispositions[(int) i] = (byte) a.disposition().ordinal())
                    .run(space);
            result.assertPassed();
            pairs += checkMonotonicity(space, dispositions);
            total.add(result.statistics());
            checked += result.checked();
            report.add(String.format("  profile '%s': %,d intakes in %s", profile.name(), result.checked(), Fixtures.since(t)));
        }
        System.out.printf("Exhaustive red-flag space: %,d intakes checked against §8 and the oracle, "
                + "%,d monotonicity pairs compared, in %s%n", checked, pairs, Fixtures.since(start));
        report.forEach(System.out::println);
        System.out.println(total.report(dorsal.rules()));
        assertThat(checked).isEqualTo(2L * 59_049 * 12 + 59_049);
        assertThat(total.neverReached(dorsal.rules())).as("rules never reached by the exhaustive run").isEmpty();
    }

    /** Invariant 5 inside the space: every covered change, compared by stored disposition. */
    private static long checkMonotonicity(IntakeSpace space, byte[] dispositions) {
        Disposition[] values = Disposition.values();
        AtomicLong pairs = new AtomicLong();
        LongStream.range(0, space.size()).parallel().forEach(i -> {
            for (long j : space.answerChanges(i)) {
                pairs.incrementAndGet();
                if (SpecInvariants.lowered(values[dispositions[(int) i]], values[dispositions[(int) j]])) {
                    throw new AssertionError("§8.5 monotonic: from " + values[dispositions[(int) i]] + " to "
                            + values[dispositions[(int) j]] + System.lineSeparator()
                            + "before: " + DorsalJson.writeIntake(space.get(i)) + System.lineSeparator()
                            + "after: " + DorsalJson.writeIntake(space.get(j)));
                }
            }
        });
        return pairs.get();
    }
}
