package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The assessment JSON of spec §2, written and read back. */
class JsonContractTest {
    private final Dorsal dorsal = Facades.defaults();

    @TestFactory
    Stream<DynamicTest> assessments_and_intakes_survive_a_round_trip() {
        return Case.all().stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            Assessment a = Facades.with(c.thresholds()).assess(c.intake());
            assertThat(DorsalJson.readAssessment(DorsalJson.writeAssessment(a))).isEqualTo(a);
            assertThat(DorsalJson.readIntake(DorsalJson.writeIntake(c.intake()))).isEqualTo(c.intake());
        }));
    }

    @Test
    void the_assessment_json_has_the_field_names_of_the_contract() throws Exception {
        Intake intake = DorsalJson.readIntake("""
                {"hoursSinceOnset": 30, "findings": {"MUSCLE_SPASM": "present", "DIZZINESS_OR_VERTIGO": "present"}}
                """);
        JsonNode json = new ObjectMapper().readTree(DorsalJson.writeAssessment(dorsal.assess(intake)));
        assertThat(json.get("disposition").asText()).isEqualTo("URGENT");
        assertThat(json.get("provisional").asBoolean()).isTrue();
        assertThat(json.get("contentVersion").asText()).isEqualTo(dorsal.contentVersion());
        JsonNode flag = json.get("redFlags").get(0);
        assertThat(flag.get("id").asText()).isEqualTo("RF-DIZZINESS-UNLINKED");
        assertThat(flag.get("disposition").asText()).isEqualTo("URGENT");
        assertThat(flag.get("reason").asText()).isNotBlank();
        JsonNode rec = json.get("recommendations").get(0);
        assertThat(rec.get("id").asText()).isEqualTo("RF-DIZZINESS-UNLINKED");
        assertThat(rec.get("kind").asText()).isEqualTo("ESCALATION");
        assertThat(rec.get("source").asText()).isEqualTo("policy");
        assertThat(rec.has("dose")).as("no dose field without a dose").isFalse();
        assertThat(rec.get("evidence").get(0).get("fact").asText()).isEqualTo("DIZZINESS_OR_VERTIGO");
        assertThat(json.get("questions").findValuesAsText("finding")).contains("SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA");
        assertThat(json.get("questions").get(0).get("redFlag").asBoolean()).isTrue();
    }

    @Test
    void a_quantity_question_names_the_quantity_field() throws Exception {
        Intake intake = Intake.builder().present(Finding.MUSCLE_SPASM).build();
        JsonNode json = new ObjectMapper().readTree(DorsalJson.writeAssessment(dorsal.assess(intake)));
        assertThat(json.get("questions").findValuesAsText("finding")).contains("hoursSinceOnset");
    }
}
