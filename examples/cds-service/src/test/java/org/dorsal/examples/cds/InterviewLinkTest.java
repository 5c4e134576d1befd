package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.dorsal.Finding;
import org.dorsal.fhir.Samples;
import org.dorsal.fhir.Samples.Sample;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * While an assessment is provisional, the questions card links to the web interview at the
 * service's own address; the link carries nothing about the patient.
 */
class InterviewLinkTest {
    static final java.util.List<Sample> SAMPLES = Samples.ALL;
    @RegisterExtension
    static final RunningService SERVICE = new RunningService(DORSAL);

    private static JsonNode cards(Sample sample) {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(sample.intake());
        qr.setSubject(new Reference("Patient/" + Client.PATIENT_ID));
        HttpResponse<String> r = SERVICE.client().post("/cds-services/dorsal-patient-view", "application/json", Client.hook(qr));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Client.json(r).get("cards");
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void a_provisional_assessment_links_its_questions_card_to_the_interview_and_a_final_one_links_nothing(Sample sample) {
        JsonNode cards = cards(sample);
        assertThat(cards).hasSize(sample.provisional() ? 2 : 1);
        assertThat(cards.get(0).has("links")).as("the disposition card").isFalse();
        if (!sample.provisional()) {
            return;
        }
        JsonNode links = cards.get(1).get("links");
        assertThat(links).hasSize(1);
        JsonNode link = links.get(0);
        assertThat(link.get("type").asText()).isEqualTo("absolute");
        assertThat(link.get("label").asText()).isEqualTo("Open the patient interview to answer the open questions");
        URI url = URI.create(link.get("url").asText());
        assertThat(url).isEqualTo(URI.create(SERVICE.server().baseUri() + "/interview"));
        assertThat(url.getRawQuery()).isNull();
        assertThat(url.getRawFragment()).isNull();
        assertThat(url.getRawUserInfo()).isNull();
        String text = url.toString();
        assertThat(text).doesNotContain(Client.PATIENT_ID).doesNotContain("Patient");
        assertThat(Arrays.stream(Finding.values()).map(Finding::name)).noneMatch(text::contains);
    }

    @Test
    void the_samples_include_both_provisional_and_final_assessments() {
        assertThat(SAMPLES).anyMatch(Sample::provisional).anyMatch(s -> !s.provisional());
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080,                 http://127.0.0.1:8080/interview",
            "https://cds.example.org/,              https://cds.example.org/interview",
            "https://cds.example.org/dorsal,        https://cds.example.org/dorsal/interview",
            "https://cds.example.org/dorsal/,       https://cds.example.org/dorsal/interview",
    })
    void the_interview_is_at_the_base_url_with_interview_appended(String base, String interview) {
        assertThat(Cards.interview(URI.create(base))).isEqualTo(URI.create(interview));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cds.example.org/?patient=1", "https://cds.example.org/#pt", "https://user@cds.example.org/",
            "/relative", "ftp://cds.example.org/"})
    void a_base_url_that_could_carry_data_or_is_not_http_is_refused(String base) {
        assertThatThrownBy(() -> Cards.interview(URI.create(base))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base URL");
    }
}
