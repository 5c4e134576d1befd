package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dorsal.Quantity;
import org.dorsal.examples.cli.DurationAnswer.Reading;
import org.dorsal.examples.cli.DurationAnswer.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a person may type for a duration, and what the intake then holds. */
class DurationAnswerTest {

    /** quantity, what was typed, and the value in the intake's unit (hours of onset, days of self-care). */
    @ParameterizedTest(name = "{0}: \"{1}\" reads as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            HOURS_SINCE_ONSET | 36         | 36
            HOURS_SINCE_ONSET | 36 hours   | 36
            HOURS_SINCE_ONSET | 36h        | 36
            HOURS_SINCE_ONSET | 36 H       | 36
            HOURS_SINCE_ONSET | 1 hour     | 1
            HOURS_SINCE_ONSET | 2 hrs      | 2
            HOURS_SINCE_ONSET | 3 days     | 72
            HOURS_SINCE_ONSET | 3d         | 72
            HOURS_SINCE_ONSET | 1 day      | 24
            HOURS_SINCE_ONSET | '  3 Days '| 72
            HOURS_SINCE_ONSET | 1.5 days   | 36
            HOURS_SINCE_ONSET | 0.5 day    | 12
            HOURS_SINCE_ONSET | 2 weeks    | 336
            HOURS_SINCE_ONSET | 1 week     | 168
            HOURS_SINCE_ONSET | 1wk        | 168
            HOURS_SINCE_ONSET | 0          | 0
            HOURS_SINCE_ONSET | 0 days     | 0
            HOURS_SINCE_ONSET | +6         | 6
            HOURS_SINCE_ONSET | 007        | 7
            HOURS_SINCE_ONSET | 87600      | 87600
            HOURS_SINCE_ONSET | 3650 days  | 87600
            SELF_CARE_DAYS    | 10         | 10
            SELF_CARE_DAYS    | 10 days    | 10
            SELF_CARE_DAYS    | 1 day      | 1
            SELF_CARE_DAYS    | 2 weeks    | 14
            SELF_CARE_DAYS    | 2w         | 14
            SELF_CARE_DAYS    | 1 week     | 7
            SELF_CARE_DAYS    | 48 HOURS   | 2
            SELF_CARE_DAYS    | 48 hours   | 2
            SELF_CARE_DAYS    | 3650       | 3650
            SELF_CARE_DAYS    | 3650.0     | 3650
            """)
    void accepted(Quantity quantity, String typed, int expected) {
        Reading reading = DurationAnswer.of(quantity).read(typed);
        assertThat(reading.refusal()).isNull();
        assertThat(reading.value()).hasValue(expected);
    }

    /** quantity, what was typed, and the part of the message that says why it was refused. */
    @ParameterizedTest(name = "{0}: \"{1}\" is refused: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            HOURS_SINCE_ONSET | ''              | one number in digits, then hours, days or weeks (such as 3 days)
            HOURS_SINCE_ONSET | soon            | one number in digits
            HOURS_SINCE_ONSET | three days      | one number in digits
            HOURS_SINCE_ONSET | a day           | one number in digits
            HOURS_SINCE_ONSET | 3 days 4 hours  | one number in digits
            HOURS_SINCE_ONSET | 2-3 days        | one number in digits
            HOURS_SINCE_ONSET | 1,5 days        | one number in digits
            HOURS_SINCE_ONSET | .5 days         | one number in digits
            HOURS_SINCE_ONSET | 3 days.         | one number in digits
            HOURS_SINCE_ONSET | 1/2 day         | one number in digits
            HOURS_SINCE_ONSET | 3 months        | Please give it in hours, days or weeks (such as 3 days)
            HOURS_SINCE_ONSET | 90 minutes      | in hours, days or weeks
            HOURS_SINCE_ONSET | 2 years         | in hours, days or weeks
            HOURS_SINCE_ONSET | -5              | A time cannot be negative: please give a number of hours, or e.g. 3 days.
            HOURS_SINCE_ONSET | -3 days         | cannot be negative
            HOURS_SINCE_ONSET | 30.5            | 30.5 hours is not a whole number of hours: please give one, such as 30 hours or 31 hours.
            HOURS_SINCE_ONSET | 1.01 days       | 1.01 days is 24.24 hours, not a whole number of hours
            HOURS_SINCE_ONSET | 87601           | That is more than 87600 hours, the most this accepts
            HOURS_SINCE_ONSET | 87600.5         | more than 87600 hours
            HOURS_SINCE_ONSET | 3651 days       | more than 87600 hours
            HOURS_SINCE_ONSET | 4000000         | more than 87600 hours
            HOURS_SINCE_ONSET | 99999999999999999999999 | more than 87600 hours
            SELF_CARE_DAYS    | 1.5 weeks       | 1.5 weeks is 10.5 days, not a whole number of days: please give one, such as 10 days or 11 days.
            SELF_CARE_DAYS    | 0.5 weeks       | 0.5 weeks is 3.5 days
            SELF_CARE_DAYS    | 30 hours        | 30 hours is 1.25 days, not a whole number of days
            SELF_CARE_DAYS    | 1 hour          | 1 hour is about 0.042 days, not a whole number of days: please give one, such as 0 days or 1 day.
            SELF_CARE_DAYS    | 2 fortnights    | Please give it in days or weeks (such as 2 weeks)
            SELF_CARE_DAYS    | 3651            | That is more than 3650 days
            SELF_CARE_DAYS    | 522 weeks       | more than 3650 days
            SELF_CARE_DAYS    | yes             | one number in digits
            """)
    void refused(Quantity quantity, String typed, String why) {
        Reading reading = DurationAnswer.of(quantity).read(typed);
        assertThat(reading.value()).isEmpty();
        assertThat(reading.refusal()).contains(why);
    }

    @Test
    void the_prompt_names_the_unit_of_a_plain_number() {
        assertThat(DurationAnswer.of(Quantity.HOURS_SINCE_ONSET).hint()).isEqualTo("a number of hours, or e.g. 3 days");
        assertThat(DurationAnswer.of(Quantity.SELF_CARE_DAYS).hint()).isEqualTo("a number of days, or e.g. 2 weeks");
    }

    @Test
    void the_unit_of_a_plain_number_is_a_parameter() {
        DurationAnswer onsetInDays = new DurationAnswer(Quantity.HOURS_SINCE_ONSET, Unit.HOUR, Unit.DAY, "36 hours");
        assertThat(onsetInDays.hint()).isEqualTo("a number of days, or e.g. 36 hours");
        assertThat(onsetInDays.read("3").value()).hasValue(72);
        assertThat(onsetInDays.read("36 hours").value()).hasValue(36);
        assertThat(onsetInDays.read("3651").refusal()).contains("more than 87600 hours");
    }

    @Test
    void a_plain_number_cannot_be_in_a_unit_finer_than_the_intake_counts() {
        assertThatThrownBy(() -> new DurationAnswer(Quantity.SELF_CARE_DAYS, Unit.DAY, Unit.HOUR, "2 days"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be hours");
    }
}
