package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §1: the intake JSON is read strictly; bad input is refused whole with the field named. */
class IntakeJsonTest {

    @Test
    void reads_the_example_of_the_specification() {
        Intake intake = DorsalJson.readIntake("""
                {
                  "hoursSinceOnset": 30,
                  "selfCareDays": 0,
                  "findings": {
                    "MUSCLE_SPASM": "present",
                    "NUMBNESS_OR_TINGLING": "absent",
                    "PROLONGED_SITTING_OR_SCREEN": "present"
                  }
                }""");
        assertThat(intake).isEqualTo(Intake.builder().hoursSinceOnset(30).selfCareDays(0)
                .present(Finding.MUSCLE_SPASM, Finding.PROLONGED_SITTING_OR_SCREEN)
                .absent(Finding.NUMBNESS_OR_TINGLING).build());
    }

    @Test
    void an_unnamed_finding_and_an_explicit_unknown_are_the_same() {
        assertThat(DorsalJson.readIntake("{\"findings\": {\"IMPROVING\": \"unknown\"}}")).isEqualTo(Intake.empty());
        assertThat(DorsalJson.readIntake("{}")).isEqualTo(Intake.empty());
    }

    @Test
    void the_largest_valid_numbers_are_accepted() {
        Intake intake = DorsalJson.readIntake("{\"hoursSinceOnset\": 87600, \"selfCareDays\": 3650}");
        assertThat(intake.hoursSinceOnset()).hasValue(87_600);
        assertThat(intake.selfCareDays()).hasValue(3_650);
    }

    @Test
    void round_trip_of_an_intake() {
        Intake intake = Intake.builder().hoursSinceOnset(5).present(Finding.values()).absent(Finding.IMPROVING).build();
        assertThat(DorsalJson.readIntake(DorsalJson.writeIntake(intake))).isEqualTo(intake);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"findings": {"NECK_PAIN": "present"}}                     | findings.NECK_PAIN
            {"findings": {"MUSCLE_SPASM": "yes"}}                      | findings.MUSCLE_SPASM
            {"findings": {"MUSCLE_SPASM": "Present"}}                  | findings.MUSCLE_SPASM
            {"findings": {"MUSCLE_SPASM": true}}                       | findings.MUSCLE_SPASM
            {"findings": {"MUSCLE_SPASM": null}}                       | findings.MUSCLE_SPASM
            {"findings": {"MUSCLE_SPASM": ["present"]}}                | findings.MUSCLE_SPASM
            {"findings": ["MUSCLE_SPASM"]}                             | findings
            {"findings": "MUSCLE_SPASM"}                               | findings
            {"hoursSinceOnset": -1}                                    | hoursSinceOnset
            {"hoursSinceOnset": 87601}                                 | hoursSinceOnset
            {"hoursSinceOnset": 99999999999999999999999999}            | hoursSinceOnset
            {"hoursSinceOnset": 30.5}                                  | hoursSinceOnset
            {"hoursSinceOnset": 3e1}                                   | hoursSinceOnset
            {"hoursSinceOnset": "30"}                                  | hoursSinceOnset
            {"hoursSinceOnset": null}                                  | hoursSinceOnset
            {"selfCareDays": 3651}                                     | selfCareDays
            {"selfCareDays": -0.0}                                     | selfCareDays
            {"hoursSinceOnSet": 3}                                     | hoursSinceOnSet
            {"patientName": "x"}                                       | patientName
            """)
    void bad_values_are_refused_with_the_field_named(String json, String field) {
        assertThatThrownBy(() -> DorsalJson.readIntake(json))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field.replace("findings.", ""));
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate finding   | {"findings": {"MUSCLE_SPASM": "present", "MUSCLE_SPASM": "absent"}} | line 1
            duplicate quantity  | {"hoursSinceOnset": 1, "hoursSinceOnset": 2}                      | line 1
            truncated           | {"findings": {"MUSCLE_SPASM": "pres                               | line 1
            trailing garbage    | {} {}                                                              | line 1
            not json            | hello                                                              | line 1
            """)
    void malformed_documents_are_refused_with_the_position_named(String kind, String json, String where) {
        assertThatThrownBy(() -> DorsalJson.readIntake(json))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).startsWith(where));
    }

    @Test
    void empty_and_non_object_documents_are_refused() {
        for (String json : new String[] {"", "   ", "null", "[]", "42", "\"intake\""}) {
            assertThatThrownBy(() -> DorsalJson.readIntake(json)).as(json)
                    .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isNotBlank());
        }
    }

    @Test
    void deep_nesting_is_refused_without_a_stack_overflow() {
        String deep = "{\"findings\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> DorsalJson.readIntake(deep)).isInstanceOf(InvalidIntakeException.class);
    }

    @Test
    void invalid_utf8_is_refused() {
        byte[] bad = "{\"findings\": {\"MUSCLE_SPASM\": \"pr\u0000esent\"}}".getBytes(StandardCharsets.UTF_8);
        bad[33] = (byte) 0xC3;
        bad[34] = (byte) 0x28;
        assertThatThrownBy(() -> DorsalJson.readIntake(bad)).isInstanceOf(InvalidIntakeException.class);
    }

    @Test
    void an_oversized_document_is_refused() {
        String big = "{\"findings\": {}, \"x\": \"" + "a".repeat(100_000) + "\"}";
        assertThatThrownBy(() -> DorsalJson.readIntake(big))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo("document"));
    }
}
