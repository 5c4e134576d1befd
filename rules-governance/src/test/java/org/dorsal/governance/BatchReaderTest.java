package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.State;
import org.dorsal.fhir.DorsalFhir;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

class BatchReaderTest {
    private static final Dorsal DORSAL = Dorsal.builder().build();
    private final BatchReader reader = new BatchReader(DORSAL);

    @Test
    void a_plain_intake_is_keyed_by_its_line_number() {
        BatchLine line = reader.read(7, "{\"findings\": {\"MUSCLE_SPASM\": \"present\"}}");
        assertThat(line.ok()).isTrue();
        assertThat(line.key()).isEqualTo("7");
        assertThat(line.intake().state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
    }

    @Test
    void an_id_keys_the_line_and_the_rest_is_read_strictly() {
        BatchLine line = reader.read(1, "{\"id\": \"p-17\", \"hoursSinceOnset\": 30, \"findings\": {}}");
        assertThat(line.ok()).isTrue();
        assertThat(line.key()).isEqualTo("p-17");
        assertThat(line.intake().hoursSinceOnset()).hasValue(30);

        BatchLine unknownField = reader.read(2, "{\"id\": \"p-18\", \"age\": 30}");
        assertThat(unknownField.ok()).isFalse();
        assertThat(unknownField.key()).isEqualTo("p-18");
        assertThat(unknownField.error().field()).isEqualTo("age");
    }

    @Test
    void bad_lines_are_refused_with_the_field_that_failed() {
        assertThat(reader.read(3, "").error().field()).isEqualTo("line");
        assertThat(reader.read(4, "{\"id\": 5}").error().field()).isEqualTo("id");
        assertThat(reader.read(5, "{\"id\": \"\"}").error().field()).isEqualTo("id");
        assertThat(reader.read(6, "{\"findings\": {\"MUSCLE_SPASM\": \"yes\"}}").error().field())
                .isEqualTo("findings.MUSCLE_SPASM");
        assertThat(reader.read(7, "{\"findings\": ").ok()).isFalse();
        assertThat(reader.read(8, "[1, 2]").ok()).isFalse();
        assertThat(reader.read(9, "{\"resourceType\": \"Patient\", \"id\": \"x\"}").error().field())
                .isEqualTo("resourceType");
    }

    @Test
    void a_questionnaire_response_line_is_read_as_the_service_reads_it() {
        Intake intake = Intake.builder().present(Finding.MUSCLE_SPASM).absent(Finding.FEVER_OR_CHILLS).hoursSinceOnset(50).build();
        QuestionnaireResponse response = DorsalFhir.of(DORSAL).questionnaireResponse(intake);
        response.setId("qr-1");
        String line = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response);
        BatchLine read = reader.read(1, line);
        assertThat(read.ok()).as("%s", read.error()).isTrue();
        assertThat(read.key()).isEqualTo("qr-1");
        assertThat(DorsalJson.writeIntake(read.intake())).isEqualTo(DorsalJson.writeIntake(intake));

        BatchLine broken = reader.read(2, line.replace("\"status\":\"completed\"", "\"status\":\"finished\""));
        assertThat(broken.ok()).isFalse();
        assertThat(broken.key()).isEqualTo("qr-1");
    }

    @Test
    void every_line_has_one_output_line_keyed_by_id_or_number() throws Exception {
        BatchLine good = reader.read(3, "{\"id\": \"p-\\\"17\", \"findings\": {}}");
        String out = BatchOutput.assessed(good, DORSAL.assess(good.intake()));
        com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertThat(node.get("line").asLong()).isEqualTo(3);
        assertThat(node.get("id").asText()).isEqualTo("p-\"17");
        assertThat(node.get("assessment").toString())
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(DorsalJson.writeAssessment(DORSAL.assess(good.intake()))).toString());

        BatchLine bad = reader.read(4, "{\"findings\": {\"FEVER\": \"present\"}}");
        node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(BatchOutput.refused(bad));
        assertThat(node.has("id")).isFalse();
        assertThat(node.get("error").get("field").asText()).isEqualTo("findings.FEVER");
        assertThat(node.get("error").get("message").asText()).contains("FEVER");
    }

    @Test
    void a_line_with_an_id_is_as_strict_as_one_without() {
        BatchLine duplicate = reader.read(1, "{\"id\": \"p-1\", \"findings\": {}, \"findings\": {\"MUSCLE_SPASM\": \"present\"}}");
        assertThat(duplicate.ok()).isFalse();
        assertThat(duplicate.error().getMessage()).contains("Duplicate field");
        assertThat(reader.read(2, "{\"id\": \"p-1\", \"id\": \"p-2\"}").ok()).isFalse();
        assertThat(reader.read(3, "{\"id\": \"p-1\", \"findings\": {}} {\"findings\": {}}").ok()).isFalse();
    }

    @Test
    void an_output_line_is_one_line() {
        BatchLine line = reader.read(1, "{\"id\": \"p-1\", \"hoursSinceOnset\": 30, \"findings\": {\"MUSCLE_SPASM\": \"present\"}}");
        String out = BatchOutput.assessed(line, DORSAL.assess(line.intake()));
        assertThat(out).doesNotContain("\n").doesNotContain("\r").startsWith("{\"line\":1,\"id\":\"p-1\",\"assessment\":{\"disposition\":");
    }

    /** A leading plain id takes a shorter path; it must say exactly what the general one says. */
    @Test
    void a_leading_id_is_read_as_any_other_id() {
        String[] lines = {
                "{\"id\":\"a\",\"findings\":{\"MUSCLE_SPASM\":\"present\"},\"hoursSinceOnset\":3}",
                "{\"id\":\"a\",\"findings\":{},\"findings\":{}}",
                "{\"id\":\"a\",}",
                "{\"id\":\"a\"}",
                "{\"id\":\"a\"} {}",
                "{\"id\":\"a\",\"id\":\"b\"}",
                "{\"id\":\" \",\"findings\":{}}",
                "{\"id\":\"a\\\"b\",\"findings\":{}}",
                "{\"id\":\"a\",\"findings\":{\"NOPE\":\"present\"}}",
                "{\"id\":\"a\",\"hoursSinceOnset\":-1}",
                "{\"id\":\"a\",\"findings\":{\"MUSCLE_SPASM\":\"present\"}",
                "{\"id\":\"qr\",\"resourceType\":\"Patient\"}",
        };
        for (String line : lines) {
            BatchLine fast = reader.read(1, line);
            // The same line with a space before the id never takes the short path.
            BatchLine general = reader.read(1, "{ " + line.substring(1));
            assertThat(fast.ok()).as(line).isEqualTo(general.ok());
            assertThat(fast.id()).as(line).isEqualTo(general.id());
            if (fast.ok()) {
                assertThat(fast.intake()).as(line).isEqualTo(general.intake());
            } else if (!general.error().field().startsWith("line 1, column")) {
                assertThat(fast.error().field()).as(line).isEqualTo(general.error().field());
                assertThat(fast.error().getMessage()).as(line).isEqualTo(general.error().getMessage());
            } else {
                assertThat(fast.error().field()).as(line).startsWith("line 1, column");
            }
        }
        assertThat(reader.read(1, lines[0]).key()).isEqualTo("a");
        assertThat(reader.read(1, lines[7]).key()).isEqualTo("a\"b");
    }

    /** A batch reads bytes, without decoding the common lines first; it must read them as the text is read. */
    @Test
    void bytes_are_read_as_their_text() {
        Intake intake = Intake.builder().present(Finding.MUSCLE_SPASM).absent(Finding.FEVER_OR_CHILLS).hoursSinceOnset(50).build();
        QuestionnaireResponse response = DorsalFhir.of(DORSAL).questionnaireResponse(intake);
        response.setId("qr-1");
        String fhir = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response);
        String[] lines = {"", "  \t", "{}", "{\"findings\":{\"MUSCLE_SPASM\":\"present\"}}", "nonsense", "[1]",
                "{\"id\":\"p-1\",\"hoursSinceOnset\":5,\"findings\":{}}", "{\"id\":\"p-\u00e9\",\"findings\":{}}",
                "{\"id\":\"p-1\",\"findings\":{\"NOPE\":\"present\"}}", "{\"findings\":{},\"id\":\"last\"}",
                "{\"id\":\"a\",}", "{\"id\":\"\",\"findings\":{}}", fhir, "{\"resourceType\":\"Patient\"}",
                SyntheticPopulation.seeded(3).line(17)};
        for (String line : lines) {
            BatchLine text = reader.read(9, line);
            BatchLine bytes = reader.read(9, line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(bytes.ok()).as(line).isEqualTo(text.ok());
            assertThat(bytes.id()).as(line).isEqualTo(text.id());
            if (text.ok()) {
                assertThat(bytes.intake()).as(line).isEqualTo(text.intake());
            } else {
                assertThat(bytes.error().field()).as(line).isEqualTo(text.error().field());
            }
        }
        BatchLine latin1 = reader.read(1, "{\"id\":\"x\",\"findings\":{\"MUSCLE_SPASM\":\"pr\u00e9sent\"}}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(latin1.ok()).isFalse();
        assertThat(latin1.error().getMessage()).contains("UTF-8");
    }
}
