package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import org.dorsal.Finding;
import org.dorsal.Intake;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RequestGroup;
import org.junit.jupiter.api.Test;

/**
 * The validator the other tests rely on does catch what they claim it checks: a clean result from
 * it would mean nothing otherwise.
 */
class ValidatorControlTest {
    private static final Intake SPASM = Intake.builder().hoursSinceOnset(30).present(Finding.MUSCLE_SPASM).build();

    @Test
    void a_response_with_an_answer_outside_the_options_fails_validation() {
        // "masked" exists in its code system: only the Questionnaire's answer options rule it out.
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(SPASM);
        r.addItem().setLinkId("habits").addItem().setLinkId("DEHYDRATION").addAnswer()
                .setValue(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "masked", "Masked"));
        assertThat(FhirChecks.errors(r)).anyMatch(e -> e.contains("masked"));
    }

    /**
     * The unit options bind: a duration in a unit its item does not offer fails. (Base R4 has no
     * extension for the range of a quantity item, so the range is the reader's to check alone.)
     */
    @Test
    void a_response_with_a_duration_in_a_unit_the_item_does_not_offer_fails_validation() {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(SPASM);
        onset(r).setValue(new Quantity().setValue(1).setSystem("http://unitsofmeasure.org").setCode("wk").setUnit("week"));
        assertThat(FhirChecks.errors(r)).anyMatch(e -> e.contains("UCUM#wk") && e.contains("not valid"));
    }

    /**
     * A response stored when the form took integers no longer validates against this version; the
     * reader still takes it (StrictResponseTest), so such responses keep working.
     */
    @Test
    void a_duration_answered_with_an_integer_as_before_fails_validation_against_this_version() {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(SPASM);
        onset(r).setValue(new IntegerType(30));
        assertThat(FhirChecks.errors(r)).anyMatch(e -> e.contains("must be of the type Quantity not integer"));
    }

    private static QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent onset(QuestionnaireResponse r) {
        return FormFill.answered(r).stream().filter(i -> i.getLinkId().equals("hoursSinceOnset")).findFirst().orElseThrow()
                .getAnswerFirstRep();
    }

    @Test
    void a_response_with_an_item_the_questionnaire_lacks_fails_validation() {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(SPASM);
        r.addItem().setLinkId("BACK_PAIN").addAnswer().setValue(new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", "Yes"));
        assertThat(FhirChecks.errors(r)).anyMatch(e -> e.contains("BACK_PAIN"));
    }

    /** The validator checks the groups: an answer outside its group fails, as the reader refuses it. */
    @Test
    void a_response_with_an_answer_outside_its_group_fails_validation() {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(SPASM);
        r.addItem().setLinkId("DEHYDRATION").addAnswer().setValue(new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", "Yes"));
        assertThat(FhirChecks.errors(r)).anyMatch(e -> e.contains("DEHYDRATION"));
    }

    /**
     * The validator reads enableWhen: an answer to a follow-up the form hides fails. (The reader
     * still takes such an answer, as responses to the earlier form have them; the knowledge base
     * does not act on it.)
     */
    @Test
    void a_response_answering_a_hidden_follow_up_fails_validation() {
        QuestionnaireResponse r = MAPPINGS.questionnaireResponse(Intake.builder().hoursSinceOnset(30)
                .absent(Finding.DIZZINESS_OR_VERTIGO, Finding.VISUAL_DISTURBANCE).build());
        assertThat(FhirChecks.errors(r)).isEmpty();
        r.getItemFirstRep().addItem().setLinkId("SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA").addAnswer()
                .setValue(new Coding("http://terminology.hl7.org/CodeSystem/v2-0136", "Y", "Yes"));
        // Put back in the Questionnaire's order, so that the only fault left is the hidden answer.
        var items = r.getItemFirstRep().getItem();
        items.add(2, items.remove(items.size() - 1));
        assertThat(FhirChecks.errors(r)).anyMatch(e -> e.contains("SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA") || e.contains("not enabled"));
        assertThat(MAPPINGS.intake(r).state(Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA)).isEqualTo(org.dorsal.State.PRESENT);
    }

    @Test
    void an_hl7_code_that_does_not_exist_fails_validation() {
        GuidanceResponse g = MAPPINGS.guidanceResponse(DORSAL.assess(Samples.named("urgent-radiculopathy").intake()));
        g.getContained().stream().filter(org.hl7.fhir.r4.model.Observation.class::isInstance)
                .map(org.hl7.fhir.r4.model.Observation.class::cast).findFirst().orElseThrow()
                .getCategoryFirstRep().getCodingFirstRep().setCode("surveyed");
        assertThat(FhirChecks.errors(g)).isNotEmpty();
    }

    @Test
    void a_rule_code_dorsal_does_not_define_fails_validation() {
        GuidanceResponse g = MAPPINGS.guidanceResponse(DORSAL.assess(SPASM));
        ((RequestGroup) g.getContained().get(0)).getActionFirstRep().getCodeFirstRep().getCodingFirstRep().setCode("TH-WARM-BATH");
        assertThat(FhirChecks.errors(g)).isNotEmpty();
    }

    @Test
    void a_leaf_action_without_a_resource_fails_rqg_1() {
        GuidanceResponse g = MAPPINGS.guidanceResponse(DORSAL.assess(SPASM));
        ((RequestGroup) g.getContained().get(0)).addAction().setTitle("bare");
        assertThat(FhirChecks.errors(g)).anyMatch(e -> e.contains("rqg-1"));
    }
}
