package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeResponsesTest {

    // --- the search ---

    @Test
    void the_search_fills_the_template_with_the_patient_id() {
        assertThat(IntakeResponses.SEARCH_TEMPLATE).isEqualTo("QuestionnaireResponse?subject=Patient/{{context.patientId}}"
                + "&questionnaire=https%3A%2F%2Fdorsal.example.org%2Ffhir%2FQuestionnaire%2Fdorsal-intake"
                + "&status=completed,amended&_sort=-authored&_count=1");
        assertThat(IntakeResponses.search("Pat-1.a")).isEqualTo(IntakeResponses.SEARCH_TEMPLATE.replace("{{context.patientId}}", "Pat-1.a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a&subject=Patient/b", "a b", "a/b", "a%26b", "é",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void the_search_refuses_what_is_not_a_fhir_id_so_nothing_else_reaches_the_query(String id) {
        assertThatThrownBy(() -> IntakeResponses.search(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FHIR id");
    }

    // --- the newest of a Bundle ---

    @Test
    void the_newest_authored_response_wins_whatever_the_order_of_the_bundle() {
        QuestionnaireResponse old = intake("2025-01-01T10:00:00Z");
        QuestionnaireResponse newer = intake("2025-02-01T10:00:00Z");
        QuestionnaireResponse undated = intake(null);
        assertThat(IntakeResponses.newest(bundle(old, newer, undated))).containsSame(newer);
        assertThat(IntakeResponses.newest(bundle(undated, newer, old))).containsSame(newer);
        assertThat(IntakeResponses.newest(bundle(undated, old))).containsSame(old);
    }

    @Test
    void of_equal_dates_the_first_in_the_bundle_wins_as_the_server_sorted_it() {
        QuestionnaireResponse first = intake("2025-01-01T10:00:00Z");
        QuestionnaireResponse second = intake("2025-01-01T10:00:00Z");
        assertThat(IntakeResponses.newest(bundle(first, second))).containsSame(first);
        QuestionnaireResponse a = intake(null);
        QuestionnaireResponse b = intake(null);
        assertThat(IntakeResponses.newest(bundle(a, b))).containsSame(a);
    }

    @Test
    void responses_the_search_does_not_ask_for_are_skipped_even_when_newer() {
        QuestionnaireResponse intake = intake("2025-01-01T10:00:00Z");
        QuestionnaireResponse inProgress = intake("2025-02-01T10:00:00Z").setStatus(QuestionnaireResponseStatus.INPROGRESS);
        QuestionnaireResponse inError = intake("2025-02-02T10:00:00Z").setStatus(QuestionnaireResponseStatus.ENTEREDINERROR);
        QuestionnaireResponse otherForm = intake("2025-02-03T10:00:00Z").setQuestionnaire("http://loinc.org/q/44249-1");
        QuestionnaireResponse noForm = intake("2025-02-04T10:00:00Z").setQuestionnaire(null);
        QuestionnaireResponse amended = intake("2024-12-01T10:00:00Z").setStatus(QuestionnaireResponseStatus.AMENDED);
        Bundle b = bundle(inProgress, inError, otherForm, noForm, intake, amended);
        b.addEntry().setResource(new OperationOutcome());
        b.addEntry().setResource(new Patient());
        assertThat(IntakeResponses.newest(b)).containsSame(intake);
        assertThat(IntakeResponses.newest(bundle(amended))).containsSame(amended);
        assertThat(IntakeResponses.newest(bundle(inProgress, otherForm))).isEmpty();
    }

    @Test
    void a_response_to_any_version_of_the_questionnaire_counts() {
        QuestionnaireResponse v1 = intake("2025-01-01T10:00:00Z").setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL + "|1.0.0");
        QuestionnaireResponse unversioned = intake("2024-01-01T10:00:00Z").setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL);
        assertThat(IntakeResponses.newest(bundle(unversioned, v1))).containsSame(v1);
        assertThat(IntakeResponses.newest(bundle(unversioned))).containsSame(unversioned);
    }

    @Test
    void an_empty_bundle_holds_no_intake() {
        assertThat(IntakeResponses.newest(new Bundle().setType(Bundle.BundleType.SEARCHSET))).isEqualTo(Optional.empty());
    }

    // --- the subject ---

    @Test
    void a_response_is_for_the_patient_its_subject_names() {
        assertThat(IntakeResponses.isFor(about("Patient/p1"), "p1")).isTrue();
        assertThat(IntakeResponses.isFor(about("https://ehr.example.org/fhir/Patient/p1"), "p1")).isTrue();
        assertThat(IntakeResponses.isFor(about("Patient/p1/_history/3"), "p1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/p2", "Patient/p10", "Group/p1", "Practitioner/p1", "#p1", "p1"})
    void a_response_about_anyone_or_anything_else_is_not(String reference) {
        assertThat(IntakeResponses.isFor(about(reference), "p1")).isFalse();
    }

    @Test
    void a_response_without_a_subject_reference_is_taken_as_the_patients() {
        assertThat(IntakeResponses.isFor(intake(null), "p1")).isTrue();
        QuestionnaireResponse byIdentifier = intake(null);
        byIdentifier.getSubject().getIdentifier().setSystem("urn:mrn").setValue("123");
        assertThat(IntakeResponses.isFor(byIdentifier, "p1")).isTrue();
    }

    // --- where an error points ---

    @Test
    void an_error_field_becomes_the_fhirpath_of_its_element() {
        assertThat(IntakeResponses.expression("status")).isEqualTo("QuestionnaireResponse.status");
        assertThat(IntakeResponses.expression("questionnaire")).isEqualTo("QuestionnaireResponse.questionnaire");
        assertThat(IntakeResponses.expression("FEVER_OR_CHILLS")).isEqualTo("QuestionnaireResponse.repeat(item).where(linkId='FEVER_OR_CHILLS')");
        assertThat(IntakeResponses.expression("item[2]")).isEqualTo("QuestionnaireResponse.item[2]");
        assertThat(IntakeResponses.expression(null)).isEqualTo("QuestionnaireResponse");
    }

    @Test
    void a_linkid_is_escaped_as_a_fhirpath_string() {
        assertThat(IntakeResponses.expression("it's")).isEqualTo("QuestionnaireResponse.repeat(item).where(linkId='it\\'s')");
        assertThat(IntakeResponses.expression("a\\'b")).isEqualTo("QuestionnaireResponse.repeat(item).where(linkId='a\\\\\\'b')");
        assertThat(IntakeResponses.expression("a\nb\u0001")).isEqualTo("QuestionnaireResponse.repeat(item).where(linkId='a\\nb\\u0001')");
    }

    @Test
    void every_field_the_reader_names_maps_to_an_element_of_the_response() {
        // What Responses.read throws for a response without a linkId, with a wrong status, with a bad answer.
        QuestionnaireResponse noLinkId = intake(null);
        noLinkId.addItem().addAnswer().setValue(new org.hl7.fhir.r4.model.BooleanType(true));
        int last = noLinkId.getItem().size() - 1;
        assertThat(fieldOf(noLinkId)).isEqualTo("item[" + last + "]");
        assertThat(IntakeResponses.expression(fieldOf(noLinkId))).isEqualTo("QuestionnaireResponse.item[" + last + "]");

        QuestionnaireResponse inError = intake(null).setStatus(QuestionnaireResponseStatus.ENTEREDINERROR);
        assertThat(IntakeResponses.expression(fieldOf(inError))).isEqualTo("QuestionnaireResponse.status");
    }

    private static String fieldOf(QuestionnaireResponse r) {
        try {
            MAPPINGS.intake(r);
        } catch (org.dorsal.InvalidIntakeException e) {
            return e.field();
        }
        throw new AssertionError("the response was read");
    }

    private static QuestionnaireResponse intake(String authored) {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(Samples.named("self-care-spasm").intake());
        if (authored != null) {
            r.setAuthoredElement(new DateTimeType(authored));
        }
        return r;
    }

    private static QuestionnaireResponse about(String reference) {
        return intake(null).setSubject(new Reference(reference));
    }

    private static Bundle bundle(QuestionnaireResponse... responses) {
        Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (QuestionnaireResponse r : responses) {
            b.addEntry().setResource(r);
        }
        return b;
    }
}
