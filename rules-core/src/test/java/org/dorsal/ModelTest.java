package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Values are validated at construction, with the field named. */
class ModelTest {

    @Test
    void intake_quantities_are_checked_at_construction() {
        assertThatThrownBy(() -> Intake.builder().hoursSinceOnset(-1))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo("hoursSinceOnset"));
        assertThatThrownBy(() -> new Intake(Map.of(), OptionalInt.empty(), OptionalInt.of(3_651)))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo("selfCareDays"));
    }

    @Test
    void unknown_answers_are_not_stored_so_equal_reports_are_equal() {
        Intake explicit = Intake.builder().answer(Finding.IMPROVING, State.UNKNOWN).present(Finding.MUSCLE_SPASM).build();
        assertThat(explicit).isEqualTo(Intake.builder().present(Finding.MUSCLE_SPASM).build());
        assertThat(explicit.state(Finding.IMPROVING)).isEqualTo(State.UNKNOWN);
        assertThat(explicit.findings()).containsOnlyKeys(Finding.MUSCLE_SPASM);
    }

    @Test
    void thresholds_outside_their_ranges_are_refused_with_the_name() {
        assertThatThrownBy(() -> new Thresholds(11, 14)).hasMessageContaining("spasmReferralDays");
        assertThatThrownBy(() -> new Thresholds(7, 43)).hasMessageContaining("stiffnessReferralDays");
        assertThat(Thresholds.defaults()).isEqualTo(new Thresholds(7, 14));
    }

    @Test
    void a_dose_reads_as_a_person_would_write_it() {
        assertThat(new Dose(15, 20, Dose.Unit.MINUTES, "per application")).hasToString("15–20 min (per application)");
        assertThat(new Dose(5, 5, Dose.Unit.SECONDS, "")).hasToString("5 s");
        assertThatThrownBy(() -> new Dose(5, 4, Dose.Unit.SECONDS, "")).hasMessageContaining("min <= max");
        assertThat(new Dose(null, null, Dose.Unit.REPETITIONS, "a few slow rounds")).hasToString("a few slow rounds");
        assertThatThrownBy(() -> new Dose(null, null, Dose.Unit.REPETITIONS, " ")).hasMessageContaining("note");
        assertThatThrownBy(() -> new Dose(5, null, Dose.Unit.SECONDS, "hold")).hasMessageContaining("both min and max or neither");
    }

    @Test
    void dispositions_order_by_urgency() {
        assertThat(Disposition.EMERGENCY.isMoreUrgentThan(Disposition.URGENT)).isTrue();
        assertThat(Disposition.mostUrgent(Disposition.SELF_CARE, Disposition.ROUTINE)).isEqualTo(Disposition.ROUTINE);
        assertThat(State.fromJson("present")).hasValue(State.PRESENT);
        assertThat(State.fromJson("PRESENT")).isEmpty();
    }
}
