package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.fhir.FhirChecks;
import org.dorsal.fhir.Samples;
import org.dorsal.fhir.Samples.Sample;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The service over real HTTP on a loopback port: discovery, every card kind, /assess and the FHIR endpoints. */
class CdsServerTest {
    static final List<Sample> SAMPLES = Samples.ALL;
    @RegisterExtension
    static final RunningService SERVICE = new RunningService(DORSAL);

    @Test
    void listens_on_loopback_only() {
        assertThat(SERVICE.server().baseUri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void discovery_lists_the_patient_view_service_with_a_prefetch_on_context_tokens_only() {
        HttpResponse<String> r = SERVICE.client().get("/cds-services");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode services = Client.json(r).get("services");
        assertThat(services).hasSize(1);
        JsonNode s = services.get(0);
        assertThat(s.get("hook").asText()).isEqualTo("patient-view");
        assertThat(s.get("id").asText()).isEqualTo("dorsal-patient-view");
        assertThat(s.get("description").asText()).isNotBlank();
        String template = s.get("prefetch").get("intake").asText();
        assertThat(template).startsWith("QuestionnaireResponse?").contains("{{context.patientId}}");
        Matcher tokens = Pattern.compile("\\{\\{([^}]*)}}").matcher(template);
        while (tokens.find()) {
            assertThat(tokens.group(1)).isIn("context.patientId", "context.userId", "context.encounterId");
        }
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void patient_view_answers_with_the_cards_of_the_facades_assessment(Sample sample) {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(sample.intake());
        HttpResponse<String> r = SERVICE.client().post("/cds-services/dorsal-patient-view", "application/json", Client.hook(qr));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Assessment a = DORSAL.assess(MAPPINGS.intake(qr));
        JsonNode cards = Client.json(r).get("cards");
        assertThat(cards).hasSize(a.provisional() ? 2 : 1);
        assertThat(withoutUuids(cards)).isEqualTo(expectedCards(a, SERVICE.server().baseUri()));

        JsonNode disposition = cards.get(0);
        assertThat(disposition.get("indicator").asText()).isEqualTo(switch (sample.disposition()) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            case ROUTINE, SELF_CARE -> "info";
        });
        for (JsonNode card : cards) {
            assertThat(card.get("summary").asText().length()).isLessThan(140);
            assertThat(card.get("source").get("label").asText()).contains("Dorsal").contains(a.contentVersion());
            assertThat(UUID.fromString(card.get("uuid").asText())).isNotNull();
        }
        String detail = disposition.get("detail").asText();
        for (Recommendation rec : a.recommendations()) {
            assertThat(detail).contains(rec.id());
            if (rec.dose() != null) {
                assertThat(detail).contains(rec.dose().toString());
            }
        }
        a.redFlags().forEach(f -> assertThat(detail).contains(f.id()));
        if (a.provisional()) {
            JsonNode questions = cards.get(1);
            assertThat(questions.get("indicator").asText()).isEqualTo("warning");
            a.questions().stream().filter(Question::redFlag)
                    .forEach(q -> assertThat(questions.get("detail").asText()).contains(q.subject().key()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}"})
    void no_intake_on_file_means_no_cards(String prefetch) {
        HttpResponse<String> r = SERVICE.client().post("/cds-services/dorsal-patient-view", "application/json", Client.hookWithPrefetch(prefetch));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Client.json(r).get("cards")).isEmpty();
    }

    @Test
    void the_latest_response_in_the_bundle_is_the_one_read() {
        QuestionnaireResponse older = MAPPINGS.questionnaireResponse(Samples.named("emergency-thunderclap").intake());
        older.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType("2025-01-01T10:00:00Z"));
        older.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + Client.PATIENT_ID));
        QuestionnaireResponse newer = MAPPINGS.questionnaireResponse(Samples.named("self-care-spasm").intake());
        newer.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType("2025-02-01T10:00:00Z"));
        org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(older);
        bundle.addEntry().setResource(newer);
        HttpResponse<String> r = SERVICE.client().post("/cds-services/dorsal-patient-view", "application/json",
                Client.hookWithPrefetch(FhirChecks.json(bundle)));
        assertThat(Client.json(r).get("cards").get(0).get("indicator").asText()).isEqualTo("info");
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void assess_answers_the_facades_assessment_json(Sample sample) {
        HttpResponse<String> r = SERVICE.client().post("/assess", "application/json", Samples.json(sample.name()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(DorsalJson.writeAssessment(DORSAL.assess(sample.intake())));
    }

    @Test
    void the_questionnaire_is_served_as_fhir_json_and_validates() {
        HttpResponse<String> r = SERVICE.client().get("/fhir/Questionnaire/dorsal-intake");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        Questionnaire q = FhirChecks.parse(Questionnaire.class, r.body());
        assertThat(FhirChecks.json(q)).isEqualTo(FhirChecks.json(MAPPINGS.questionnaire()));
        assertThat(FhirChecks.errors(q)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dorsal-intake-item", "dorsal-rule", "dorsal-disposition"})
    void the_code_systems_are_served_and_validate(String id) {
        HttpResponse<String> r = SERVICE.client().get("/fhir/CodeSystem/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        CodeSystem cs = FhirChecks.parse(CodeSystem.class, r.body());
        assertThat(cs.getUrl()).isEqualTo(DorsalFhir.CANONICAL_BASE + "/CodeSystem/" + id);
        assertThat(FhirChecks.errors(cs)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void fhir_assess_answers_a_valid_guidance_response_equal_to_the_mapping(Sample sample) {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(sample.intake());
        qr.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/example"));
        HttpResponse<String> r = SERVICE.client().post("/fhir/QuestionnaireResponse/$assess", "application/fhir+json", FhirChecks.json(qr));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        GuidanceResponse g = FhirChecks.parse(GuidanceResponse.class, r.body());
        assertThat(FhirChecks.errors(g)).isEmpty();
        assertThat(g.hasOccurrenceDateTime()).isTrue();
        g.setOccurrenceDateTimeElement(null);
        assertThat(g.equalsDeep(MAPPINGS.guidanceResponse(DORSAL.assess(MAPPINGS.intake(qr)), qr.getSubject()))).isTrue();
    }

    /** The cards the service at {@code base} should send for {@code a}, minus their random uuids. */
    static JsonNode expectedCards(Assessment a, java.net.URI base) {
        List<Cards.Card> cards = new ArrayList<>();
        Cards.of(a, UUID::randomUUID, Cards.interview(base)).forEach(c -> cards.add(c.card()));
        return withoutUuids(Client.JSON.valueToTree(Client.object(writeCards(cards)).get("cards")));
    }

    static JsonNode withoutUuids(JsonNode cards) {
        JsonNode copy = cards.deepCopy();
        copy.forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("uuid"));
        return copy;
    }

    private static String writeCards(List<Cards.Card> cards) {
        try {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY).build()
                    .writeValueAsString(java.util.Map.of("cards", cards));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
