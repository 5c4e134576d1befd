package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.Finding.DIZZINESS_OR_VERTIGO;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.SEVERE_SUDDEN_HEADACHE;
import static org.dorsal.Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Kind;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.State;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.Test;

/** The testkit's own parts: generators, shrinker, invariants (each shown to fail), statistics, runner. */
class TestkitTest {
    private static final Dorsal DORSAL = Fixtures.dorsal();

    @Test
    void boundaries_follow_the_configured_thresholds() {
        assertThat(Boundaries.hoursSinceOnset(Thresholds.defaults())).extracting(v -> v.isPresent() ? v.getAsInt() : -1)
                .containsExactly(-1, 0, 47, 48, 49, 71, 72, 73, 167, 168, 169, 87_600);
        assertThat(Boundaries.selfCareDays(Thresholds.defaults())).extracting(v -> v.isPresent() ? v.getAsInt() : -1)
                .containsExactly(-1, 0, 13, 14, 15, 3_650);
        assertThat(Boundaries.hoursSinceOnset(new Thresholds(10, 42))).contains(OptionalInt.of(239), OptionalInt.of(240), OptionalInt.of(241));
        assertThat(Boundaries.selfCareDays(new Thresholds(10, 42))).contains(OptionalInt.of(41), OptionalInt.of(42), OptionalInt.of(43));
    }

    @Test
    void an_intake_space_is_indexed_both_ways_and_knows_its_answer_changes() {
        IntakeSpace space = IntakeSpace.over(MUSCLE_SPASM, IMPROVING, SEVERE_SUDDEN_HEADACHE)
                .base(Intake.builder().present(DIZZINESS_OR_VERTIGO).build())
                .boundaries(Thresholds.defaults())
                .build();
        assertThat(space.size()).isEqualTo(27L * 12 * 6);
        Set<Intake> seen = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            Intake intake = space.get(i);
            assertThat(space.indexOf(intake)).isEqualTo(i);
            assertThat(intake.state(DIZZINESS_OR_VERTIGO)).isEqualTo(State.PRESENT);
            seen.add(intake);
            // The changes inside the space are exactly the spec's single-answer changes that stay in it.
            Set<Intake> inSpace = new HashSet<>();
            for (Intake changed : SpecInvariants.answerChanges(intake, Thresholds.defaults())) {
                if (space.indexOf(changed) >= 0) {
                    inSpace.add(changed);
                }
            }
            Set<Intake> byIndex = new HashSet<>();
            Arrays.stream(space.answerChanges(i)).forEach(j -> byIndex.add(space.get(j)));
            assertThat(byIndex).isEqualTo(inSpace);
        }
        assertThat(seen).hasSize((int) space.size());
        assertThat(space.indexOf(Intake.empty())).isEqualTo(-1);
    }

    @Test
    void improving_is_the_one_finding_whose_absent_to_present_change_is_not_judged() {
        assertThat(SpecInvariants.isAnswerChange(IMPROVING, State.ABSENT, State.PRESENT)).isFalse();
        assertThat(SpecInvariants.isAnswerChange(IMPROVING, State.UNKNOWN, State.PRESENT)).isTrue();
        assertThat(SpecInvariants.isAnswerChange(MUSCLE_SPASM, State.ABSENT, State.PRESENT)).isTrue();
        assertThat(SpecInvariants.isAnswerChange(MUSCLE_SPASM, State.PRESENT, State.ABSENT)).isFalse();
        assertThat(SpecInvariants.isAnswerChange(MUSCLE_SPASM, State.PRESENT, State.UNKNOWN)).isFalse();
    }

    @Test
    void random_intakes_are_reproducible_and_reach_every_state() {
        RandomIntakes a = RandomIntakes.seeded(1, Thresholds.defaults());
        RandomIntakes b = RandomIntakes.seeded(1, Thresholds.defaults());
        assertThat(a.stream(1_000).toList()).isEqualTo(b.stream(1_000).toList());
        assertThat(a.get(500)).isEqualTo(b.get(500));
        assertThat(RandomIntakes.seeded(2, Thresholds.defaults()).stream(100).toList()).isNotEqualTo(a.stream(100).toList());
        List<Intake> sample = a.stream(10_000).toList();
        for (Finding f : Finding.values()) {
            for (State s : State.values()) {
                assertThat(sample).as("%s %s", f, s).anyMatch(i -> i.state(f) == s);
            }
        }
        assertThat(sample).anyMatch(i -> i.hoursSinceOnset().isEmpty()).anyMatch(i -> i.hoursSinceOnset().equals(OptionalInt.of(168)));
        assertThat(sample).as("intakes without any red flag are common enough").filteredOn(i -> !RedFlags.anyPresent(i)).hasSizeGreaterThan(2_000);
    }

    @Test
    void the_shrinker_keeps_only_what_the_failure_needs() {
        Intake big = RandomIntakes.seeded(3, Thresholds.defaults()).stream(1_000)
                .filter(i -> i.findings().size() > 15).findFirst().orElseThrow().toBuilder()
                .present(SEVERE_SUDDEN_HEADACHE).hoursSinceOnset(5_000).build();
        Intake minimal = Shrinker.of(Thresholds.defaults()).shrink(big,
                i -> i.state(SEVERE_SUDDEN_HEADACHE) == State.PRESENT && i.hoursSinceOnset().orElse(0) >= 100);
        assertThat(minimal).isEqualTo(Intake.builder().present(SEVERE_SUDDEN_HEADACHE).hoursSinceOnset(167).build());

        // Down to nothing at all, and printable as intake JSON even then.
        String json = Shrinker.of(Thresholds.defaults()).shrinkToJson(big, i -> i.hoursSinceOnset().isPresent());
        assertThat(DorsalJson.readIntake(json)).isEqualTo(Intake.builder().hoursSinceOnset(0).build());
        assertThatThrownBy(() -> Shrinker.of(Thresholds.defaults()).shrink(big, i -> false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_invariant_passes_the_real_assessment_and_fails_a_broken_one() {
        Intake emergency = Intake.builder().present(SEVERE_SUDDEN_HEADACHE, MUSCLE_SPASM).hoursSinceOnset(10).build();
        Assessment a = DORSAL.assess(emergency);
        for (Invariant inv : SpecInvariants.all(DORSAL)) {
            assertThat(inv.check(emergency, a)).as(inv.name()).isEmpty();
        }
        assertThat(SpecInvariants.emergency().check(emergency, copy(a, Disposition.URGENT, a.provisional(), a.recommendations(), a.questions())))
                .isPresent();
        assertThat(SpecInvariants.oneDisposition().check(emergency, copy(a, Disposition.ROUTINE, a.provisional(), a.recommendations(), a.questions())))
                .isPresent();
        Recommendation heat = new Recommendation("TH-HEAT-SUBACUTE", Kind.THERMAL, null, "heat", null, "SPASM", List.of());
        Recommendation cold = new Recommendation("TH-COLD-ACUTE", Kind.THERMAL, null, "cold", null, "SPASM", List.of());
        assertThat(SpecInvariants.redFlagSuppressesSelfCare().check(emergency, copy(a, a.disposition(), a.provisional(), plus(a.recommendations(), cold), a.questions())))
                .isPresent();
        Intake early = Intake.builder().present(MUSCLE_SPASM).absent(RedFlags.FINDINGS.toArray(Finding[]::new)).hoursSinceOnset(47).build();
        Assessment e = DORSAL.assess(early);
        assertThat(SpecInvariants.thermal().check(early, e)).isEmpty();
        assertThat(SpecInvariants.thermal().check(early, copy(e, e.disposition(), false, List.of(heat), e.questions()))).isPresent();
        assertThat(SpecInvariants.thermal().check(early, copy(e, e.disposition(), false, List.of(cold, cold), e.questions()))).isPresent();
        assertThat(SpecInvariants.unknownRedFlagAsked().check(emergency, copy(a, a.disposition(), false, a.recommendations(), a.questions())))
                .isPresent();
        assertThat(SpecInvariants.unknownRedFlagAsked().check(emergency, copy(a, a.disposition(), true, a.recommendations(), a.questions().subList(1, a.questions().size()))))
                .isPresent();
        List<Question> reversed = new ArrayList<>(a.questions());
        Collections.reverse(reversed);
        assertThat(SpecInvariants.questionsInOrder(DORSAL).check(emergency, copy(a, a.disposition(), true, a.recommendations(), reversed)))
                .isPresent();
        Recommendation stranger = new Recommendation("XX-UNKNOWN", Kind.EDUCATION, null, "?", null, "nowhere", List.of());
        assertThat(SpecInvariants.namedRules(DORSAL.rules()).check(emergency, copy(a, a.disposition(), true, plus(a.recommendations(), stranger), a.questions())))
                .isPresent();
    }

    @Test
    void monotonicity_judges_only_covered_changes() {
        Intake before = Intake.builder().present(DIZZINESS_OR_VERTIGO).build();
        Intake after = before.toBuilder().present(SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA).build();
        Assessment b = DORSAL.assess(before);
        Assessment x = DORSAL.assess(after);
        PairInvariant m = SpecInvariants.monotonic();
        assertThat(m.check(before, b, after, x)).isEmpty();
        // The same pair the other way round is not an answer change, so it is not judged...
        assertThat(m.check(after, x, before, b)).isEmpty();
        // ...but a covered change that lowers the disposition is.
        assertThat(m.check(before, x, after, b)).hasValueSatisfying(s -> assertThat(s).contains("SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA unknown→present"));
        assertThat(SpecInvariants.answerChanges(Intake.empty(), Thresholds.defaults()))
                .hasSize(2 * Finding.values().length + 11 + 5);
    }

    @Test
    void statistics_tell_fired_from_shown() {
        RuleStatistics stats = new RuleStatistics();
        stats.record(DORSAL.trace(Intake.builder().present(SEVERE_SUDDEN_HEADACHE).build()));
        stats.record(DORSAL.assess(Intake.empty()));
        assertThat(stats.assessments()).isEqualTo(2);
        assertThat(stats.shown("RF-THUNDERCLAP-HEADACHE")).isEqualTo(1);
        assertThat(stats.fired("RF-THUNDERCLAP-HEADACHE")).isEqualTo(1);
        assertThat(stats.fired("Q-RED-FLAG")).isEqualTo(1);
        assertThat(stats.shown("SN-WATCH-FOR")).isEqualTo(1);
        assertThat(stats.neverReached(DORSAL.rules())).contains("TH-COLD-ACUTE").doesNotContain("RF-THUNDERCLAP-HEADACHE", "Q-RED-FLAG");
        assertThat(stats.report(DORSAL.rules())).contains("RF-THUNDERCLAP-HEADACHE").contains("(assessments)");
    }

    @Test
    void a_failing_run_reports_the_seed_and_a_shrunk_intake() {
        Invariant neverEmergency = Invariant.of("planted: never EMERGENCY",
                (i, a) -> a.disposition() == Disposition.EMERGENCY ? Optional.of("EMERGENCY") : Optional.empty());
        PropertyCheck.Result result = PropertyCheck.of(DORSAL).and(neverEmergency).run(RandomIntakes.seeded(9, DORSAL.thresholds()), 2_000);
        assertThat(result.passed()).isFalse();
        PropertyCheck.Failure f = result.failure().orElseThrow();
        assertThat(f.shrunk().findings()).hasSizeBetween(1, 2);
        assertThat(f.shrunk().hoursSinceOnset()).isEmpty();
        assertThat(RedFlags.emergencyPresent(f.shrunk())).isTrue();
        assertThatThrownBy(result::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 9").hasMessageContaining("shrunk to").hasMessageContaining("planted: never EMERGENCY");
    }

    @Test
    void malformed_documents_are_reproducible() {
        MalformedIntakes a = MalformedIntakes.seeded(5);
        MalformedIntakes b = MalformedIntakes.seeded(5);
        for (long i = 0; i < 500; i++) {
            assertThat(a.get(i).bytes()).isEqualTo(b.get(i).bytes());
            assertThat(a.get(i).kind()).isEqualTo(b.get(i).kind());
        }
    }

    private static Assessment copy(Assessment a, Disposition d, boolean provisional, List<Recommendation> recs, List<Question> qs) {
        List<RedFlag> flags = a.redFlags();
        return new Assessment(d, provisional, flags, recs, qs, a.contentVersion());
    }

    private static List<Recommendation> plus(List<Recommendation> recs, Recommendation r) {
        List<Recommendation> out = new ArrayList<>(recs);
        out.add(r);
        return out;
    }
}
