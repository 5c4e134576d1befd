package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A live interview always says what a one-shot assessment of its current answers says. */
class InterviewTest {
    private final Dorsal dorsal = Facades.defaults();

    @TestFactory
    Stream<DynamicTest> answering_one_at_a_time_equals_one_shot_after_every_answer() {
        return Case.all().stream().filter(c -> c.thresholds().equals(Thresholds.defaults()))
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> {
                    try (Interview interview = dorsal.newInterview()) {
                        for (var answer : c.intake().findings().entrySet()) {
                            interview.answer(answer.getKey(), answer.getValue());
                            assertSame(interview);
                        }
                        for (Quantity q : Quantity.values()) {
                            interview.quantity(q, c.intake().quantity(q));
                            assertSame(interview);
                        }
                        assertThat(interview.intake()).isEqualTo(c.intake());
                        assertThat(interview.assessment()).isEqualTo(dorsal.assess(c.intake()));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> changed_and_withdrawn_answers_equal_one_shot() {
        return Case.all().stream().filter(c -> c.thresholds().equals(Thresholds.defaults()))
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> {
                    try (Interview interview = dorsal.newInterview()) {
                        // Start from the opposite of every answer, with red flags present and odd numbers...
                        for (Finding f : Finding.values()) {
                            interview.answer(f, c.intake().state(f) == State.PRESENT ? State.ABSENT : State.PRESENT);
                        }
                        interview.hoursSinceOnset(500).selfCareDays(40);
                        assertSame(interview);
                        // ...then change each answer to the case's and withdraw what the case leaves unknown.
                        interview.answerAll(c.intake());
                        assertThat(interview.intake()).isEqualTo(c.intake());
                        assertSame(interview);
                    }
                }));
    }

    @Test
    void withdrawing_a_red_flag_restores_the_self_care_advice() {
        Intake calm = Case.all().stream().filter(c -> c.file().equals("TH-HEAT-SUBACUTE.json")).findFirst()
                .orElseThrow().intake();
        try (Interview interview = dorsal.newInterview()) {
            interview.answerAll(calm);
            Assessment before = interview.assessment();
            interview.answer(Finding.RADIATING_ARM_PAIN, State.PRESENT);
            assertThat(interview.assessment().disposition()).isEqualTo(Disposition.URGENT);
            assertThat(interview.assessment().recommendations()).extracting(Recommendation::kind)
                    .doesNotContain(Kind.THERMAL, Kind.EXERCISE);
            interview.answer(Finding.RADIATING_ARM_PAIN, State.ABSENT);
            assertThat(interview.assessment()).isEqualTo(before);
            interview.withdraw(Finding.RADIATING_ARM_PAIN);
            assertThat(interview.assessment().provisional()).isTrue();
            assertThat(interview.assessment().questions()).filteredOn(Question::redFlag).extracting(q -> q.subject().key()).containsExactly("RADIATING_ARM_PAIN");
            interview.withdraw(Quantity.HOURS_SINCE_ONSET);
            assertSame(interview);
        }
    }

    /**
     * An exercise advised for one finding, withdrawn with it, then advised again for another. With
     * the exercises written as accumulates over the triggering findings, Drools 10.2.0 threw a
     * NullPointerException in RuleExecutor.removeDormantTuple at the last step; the rules now join
     * each triggering finding on its own.
     */
    @Test
    void advice_withdrawn_and_revived_by_another_finding() {
        try (Interview interview = dorsal.newInterview()) {
            for (Finding f : List.of(Finding.RADIATING_ARM_PAIN, Finding.NUMBNESS_OR_TINGLING, Finding.ARM_OR_HAND_WEAKNESS,
                    Finding.FEVER_OR_CHILLS, Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.SEVERE_SUDDEN_HEADACHE,
                    Finding.DIZZINESS_OR_VERTIGO, Finding.VISUAL_DISTURBANCE, Finding.BOWEL_OR_BLADDER_CONTROL_LOSS)) {
                interview.answer(f, State.ABSENT);
            }
            interview.answer(Finding.MUSCLE_SPASM, State.PRESENT).answer(Finding.ACUTE_SYMPTOMS_SUBSIDED, State.PRESENT);
            assertThat(interview.assessment().has("EX-BAND-ROWS")).isTrue();
            interview.withdraw(Finding.MUSCLE_SPASM);
            assertThat(interview.assessment().has("EX-BAND-ROWS")).isFalse();
            interview.answer(Finding.UPPER_BACK_STIFFNESS, State.PRESENT);
            assertThat(interview.assessment().has("EX-BAND-ROWS")).isTrue();
            assertSame(interview);
        }
    }

    @Test
    void out_of_range_quantity_is_refused_and_changes_nothing() {
        try (Interview interview = dorsal.newInterview()) {
            interview.hoursSinceOnset(10);
            assertThatThrownBy(() -> interview.quantity(Quantity.HOURS_SINCE_ONSET, OptionalInt.of(87_601)))
                    .isInstanceOf(InvalidIntakeException.class)
                    .extracting(e -> ((InvalidIntakeException) e).field()).isEqualTo("hoursSinceOnset");
            assertThat(interview.intake().hoursSinceOnset()).hasValue(10);
        }
    }

    @Test
    void a_closed_interview_refuses_further_use() {
        Interview interview = dorsal.newInterview();
        interview.close();
        interview.close();
        assertThatThrownBy(interview::assessment).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> interview.answer(Finding.IMPROVING, State.PRESENT)).isInstanceOf(IllegalStateException.class);
    }

    private void assertSame(Interview interview) {
        assertThat(interview.assessment()).as("interview after %s", interview.intake())
                .isEqualTo(dorsal.assess(interview.intake()));
    }

}
