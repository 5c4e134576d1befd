package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.function.Consumer;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.State;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** A response that does not fit the Questionnaire is refused whole, naming the item's linkId. */
class StrictResponseTest {
    private static final Coding YES = new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", "Yes");

    private static QuestionnaireResponse response(Consumer<QuestionnaireResponse> change) {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(
                Intake.builder().hoursSinceOnset(30).present(Finding.MUSCLE_SPASM).build());
        change.accept(r);
        return r;
    }

    private static void refused(QuestionnaireResponse r, String field, String messagePart) {
        assertThatThrownBy(() -> MAPPINGS.intake(r))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(messagePart);
    }

    @Test
    void a_fitting_response_is_read() {
        Intake intake = MAPPINGS.intake(response(r -> { }));
        assertThat(intake.state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
        assertThat(intake.hoursSinceOnset()).hasValue(30);
    }

    @Test
    void an_item_without_answers_and_asked_unknown_are_both_unknown() {
        Intake intake = MAPPINGS.intake(response(r -> {
            r.addItem().setLinkId("FEVER_OR_CHILLS");
            r.addItem().setLinkId("DEHYDRATION").addAnswer()
                    .setValue(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-unknown", null));
        }));
        assertThat(intake.state(Finding.FEVER_OR_CHILLS)).isEqualTo(State.UNKNOWN);
        assertThat(intake.state(Finding.DEHYDRATION)).isEqualTo(State.UNKNOWN);
    }

    @Test
    void an_unknown_link_id_is_refused() {
        refused(response(r -> r.addItem().setLinkId("BACK_PAIN").addAnswer().setValue(YES)), "BACK_PAIN", "not an item");
    }

    @Test
    void a_finding_answered_twice_is_refused() {
        refused(response(r -> r.addItem().setLinkId("MUSCLE_SPASM").addAnswer().setValue(YES)), "MUSCLE_SPASM", "answered twice");
    }

    @Test
    void two_answers_to_one_item_are_refused() {
        refused(response(r -> {
            var item = r.addItem().setLinkId("DEHYDRATION");
            item.addAnswer().setValue(YES);
            item.addAnswer().setValue(YES);
        }), "DEHYDRATION", "2 answers");
    }

    @Test
    void a_finding_answered_with_a_boolean_or_a_string_is_refused() {
        refused(response(r -> r.addItem().setLinkId("DEHYDRATION").addAnswer().setValue(new BooleanType(true))),
                "DEHYDRATION", "valueCoding");
        refused(response(r -> r.addItem().setLinkId("DEHYDRATION").addAnswer().setValue(new StringType("present"))),
                "DEHYDRATION", "valueCoding");
    }

    @Test
    void a_coding_outside_the_answer_options_is_refused() {
        refused(response(r -> r.addItem().setLinkId("FEVER_OR_CHILLS").addAnswer()
                .setValue(new Coding("http://snomed.info/sct", "373066001", "Yes"))), "FEVER_OR_CHILLS", "one of");
        refused(response(r -> r.addItem().setLinkId("FEVER_OR_CHILLS").addAnswer().setValue(new Coding(null, "Y", "Yes"))),
                "FEVER_OR_CHILLS", "one of");
    }

    @Test
    void a_quantity_out_of_range_or_not_an_integer_is_refused() {
        refused(response(r -> r.getItemFirstRep().getAnswerFirstRep().setValue(new IntegerType(87_601))),
                "hoursSinceOnset", "0 to 87600");
        refused(response(r -> r.getItemFirstRep().getAnswerFirstRep().setValue(new IntegerType(-1))),
                "hoursSinceOnset", "0 to 87600");
        refused(response(r -> r.addItem().setLinkId("selfCareDays").addAnswer().setValue(new DecimalType("2.5"))),
                "selfCareDays", "valueInteger");
    }

    @Test
    void nested_items_are_refused() {
        refused(response(r -> r.addItem().setLinkId("DEHYDRATION").addItem().setLinkId("x")), "DEHYDRATION", "nested");
        refused(response(r -> r.addItem().setLinkId("DEHYDRATION").addAnswer().setValue(YES).addItem().setLinkId("x")),
                "DEHYDRATION", "nested");
    }

    @Test
    void an_answer_without_a_value_is_refused() {
        refused(response(r -> r.addItem().setLinkId("DEHYDRATION").addAnswer()), "DEHYDRATION", "no value");
    }

    @Test
    void an_item_without_a_link_id_is_refused() {
        refused(response(r -> r.addItem().addAnswer().setValue(YES)), "item[2]", "no linkId");
    }

    @Test
    void a_response_to_another_questionnaire_or_to_none_is_refused() {
        refused(response(r -> r.setQuestionnaire("http://example.org/Questionnaire/phq-9")), "questionnaire", "phq-9");
        refused(response(r -> r.setQuestionnaireElement(null)), "questionnaire", "names no questionnaire");
    }

    @Test
    void any_version_of_the_questionnaire_is_read_item_by_item() {
        Intake intake = MAPPINGS.intake(response(r -> r.setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL + "|0.9.0")));
        assertThat(intake.state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
        assertThat(MAPPINGS.intake(response(r -> r.setQuestionnaire(DorsalFhir.QUESTIONNAIRE_URL)))).isEqualTo(intake);
    }

    @Test
    void a_response_entered_in_error_or_without_status_is_refused() {
        refused(response(r -> r.setStatus(QuestionnaireResponseStatus.ENTEREDINERROR)), "status", "entered in error");
        refused(response(r -> r.setStatusElement(null)), "status", "no status");
    }

    @Test
    void an_in_progress_response_is_read_as_far_as_it_goes() {
        Intake intake = MAPPINGS.intake(response(r -> r.setStatus(QuestionnaireResponseStatus.INPROGRESS)));
        assertThat(intake.state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
    }
}
