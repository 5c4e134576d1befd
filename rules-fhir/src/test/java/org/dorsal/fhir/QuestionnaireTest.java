package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dorsal.Finding;
import org.dorsal.Quantity;
import org.dorsal.Subject;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    @Test
    void questionnaire_has_a_stable_canonical_url_and_the_content_version() {
        Questionnaire q = MAPPINGS.questionnaire();
        assertThat(q.getUrl()).isEqualTo("https://dorsal.example.org/fhir/Questionnaire/dorsal-intake");
        assertThat(q.getVersion()).isEqualTo(FhirChecks.DORSAL.contentVersion()).isNotBlank();
    }

    @Test
    void one_item_per_finding_and_quantity_with_the_json_names_as_link_ids() {
        List<String> expected = Stream.concat(
                Arrays.stream(Quantity.values()).map(Quantity::field),
                Arrays.stream(Finding.values()).map(Finding::name)).toList();
        assertThat(FormFill.questions(MAPPINGS.questionnaire())).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A patient reads "Don't know"; the code keeps the meaning, asked but unknown. */
    @Test
    void findings_are_answered_yes_no_or_dont_know_with_radio_buttons() {
        QuestionnaireItemComponent item = FormFill.question(MAPPINGS.questionnaire(), "RADIATING_ARM_PAIN");
        assertThat(item.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
        assertThat(item.getText()).isEqualTo(FhirChecks.DORSAL.question(Finding.RADIATING_ARM_PAIN).text());
        assertThat(item.getAnswerOption()).extracting(o -> ((Coding) o.getValue()).getSystem() + "|" + ((Coding) o.getValue()).getCode()
                        + " " + ((Coding) o.getValue()).getDisplay())
                .containsExactly("http://terminology.hl7.org/CodeSystem/v2-0136|Y Yes",
                        "http://terminology.hl7.org/CodeSystem/v2-0136|N No",
                        "http://terminology.hl7.org/CodeSystem/data-absent-reason|asked-unknown Don't know");
        assertThat(FormFill.questions(MAPPINGS.questionnaire()))
                .filteredOn(i -> i.getType() == QuestionnaireItemType.CHOICE)
                .hasSize(Finding.values().length)
                .allSatisfy(i -> assertThat(i.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"))
                        .singleElement().satisfies(e -> {
                            Coding c = ((CodeableConcept) e.getValue()).getCodingFirstRep();
                            assertThat(c.getSystem() + "|" + c.getCode()).isEqualTo("http://hl7.org/fhir/questionnaire-item-control|radio-button");
                        }));
    }

    @Test
    void the_form_opens_by_saying_a_blank_answer_counts_as_dont_know() {
        QuestionnaireItemComponent first = MAPPINGS.questionnaire().getItemFirstRep();
        assertThat(first.getType()).isEqualTo(QuestionnaireItemType.DISPLAY);
        assertThat(first.getText()).contains("blank answer counts as \u201cDon't know\u201d");
    }

    /**
     * The sections a patient sees, each a group, in the knowledge base's order: the warning signs
     * (exactly its red-flag findings) first, since §6 asks them first.
     */
    @Test
    void questions_are_grouped_in_sections_in_the_knowledge_base_order() {
        List<QuestionnaireItemComponent> groups = MAPPINGS.questionnaire().getItem().stream()
                .filter(i -> i.getType() == QuestionnaireItemType.GROUP).toList();
        assertThat(groups).extracting(i -> i.getLinkId() + ": " + i.getText()).containsExactly(
                "warning-signs: Warning signs", "complaint: Your neck and upper back",
                "timing-and-self-care: Timing and self-care", "habits: Habits and triggers");
        assertThat(links(groups.get(0))).containsExactlyInAnyOrderElementsOf(
                FhirChecks.DORSAL.redFlagFindings().keySet().stream().map(Finding::name).toList());
        assertThat(links(groups.get(1))).containsExactly("NECK_STIFFNESS", "UPPER_BACK_STIFFNESS", "MUSCLE_SPASM");
        assertThat(links(groups.get(2))).containsExactly("hoursSinceOnset", "selfCareDays", "SELF_CARE_TRIED", "IMPROVING",
                "ACUTE_SYMPTOMS_SUBSIDED");
        assertThat(links(groups.get(3))).containsExactly("SELF_MANIPULATION", "HABITUAL_CRACKING", "PROLONGED_SITTING_OR_SCREEN",
                "DEHYDRATION", "STRESS_OR_TENSION", "AWKWARD_LIFT_OR_TWIST");
    }

    private static List<String> links(QuestionnaireItemComponent group) {
        return group.getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList();
    }

    /**
     * The follow-ups the knowledge base's relevance yields, pinned so that a change to them is seen
     * in review (GatesTest checks they are sound for any answers): each is shown unless all the
     * answers it follows are No, each said as "not answered, or answered other than No".
     */
    @Test
    void follow_ups_are_shown_unless_every_answer_they_follow_is_no() {
        Questionnaire q = MAPPINGS.questionnaire();
        Map<String, String> gates = new LinkedHashMap<>();
        for (QuestionnaireItemComponent item : FormFill.questions(q)) {
            if (!item.hasEnableWhen()) {
                continue;
            }
            assertThat(item.getEnableBehavior()).isEqualTo(Questionnaire.EnableWhenBehavior.ANY);
            List<String> followed = new ArrayList<>();
            for (int i = 0; i < item.getEnableWhen().size(); i += 2) {
                var unanswered = item.getEnableWhen().get(i);
                var notNo = item.getEnableWhen().get(i + 1);
                assertThat(unanswered.getOperator()).isEqualTo(Questionnaire.QuestionnaireItemOperator.EXISTS);
                assertThat(unanswered.getAnswerBooleanType().booleanValue()).isFalse();
                assertThat(notNo.getOperator()).isEqualTo(Questionnaire.QuestionnaireItemOperator.NOT_EQUAL);
                assertThat(notNo.getAnswerCoding().getSystem() + "|" + notNo.getAnswerCoding().getCode())
                        .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0136|N");
                assertThat(notNo.getQuestion()).isEqualTo(unanswered.getQuestion());
                followed.add(notNo.getQuestion());
            }
            gates.put(item.getLinkId(), String.join(" or ", followed));
        }
        assertThat(gates).containsExactly(
                Map.entry("SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA", "DIZZINESS_OR_VERTIGO or VISUAL_DISTURBANCE"),
                Map.entry("hoursSinceOnset", "MUSCLE_SPASM"),
                Map.entry("selfCareDays", "NECK_STIFFNESS or UPPER_BACK_STIFFNESS"),
                Map.entry("SELF_CARE_TRIED", "MUSCLE_SPASM"),
                Map.entry("IMPROVING", "NECK_STIFFNESS or UPPER_BACK_STIFFNESS or MUSCLE_SPASM"),
                Map.entry("ACUTE_SYMPTOMS_SUBSIDED", "MUSCLE_SPASM"));
        // Every condition names a question asked before the follow-up.
        List<String> order = FormFill.questions(q).stream().map(QuestionnaireItemComponent::getLinkId).toList();
        for (QuestionnaireItemComponent item : FormFill.questions(q)) {
            item.getEnableWhen().forEach(w -> assertThat(order.indexOf(w.getQuestion())).isBetween(0, order.indexOf(item.getLinkId()) - 1));
        }
    }

    /**
     * R4 leaves open whether "!=" holds for a question not answered; the form reads the same
     * either way, for every answer (or none) to the questions a follow-up follows.
     */
    @Test
    void follow_ups_show_the_same_whichever_way_a_renderer_reads_not_equal() {
        Questionnaire q = MAPPINGS.questionnaire();
        for (QuestionnaireItemComponent item : FormFill.questions(q)) {
            List<String> followed = item.getEnableWhen().stream().map(Questionnaire.QuestionnaireItemEnableWhenComponent::getQuestion)
                    .distinct().toList();
            int combinations = (int) Math.pow(4, followed.size());
            for (int c = 0; c < combinations; c++) {
                Map<String, Coding> given = new HashMap<>();
                int code = c;
                for (String linkId : followed) {
                    int answer = code % 4;   // 0: not answered, 1..3: Yes, No, Don't know
                    code /= 4;
                    if (answer > 0) {
                        given.put(linkId, FormFill.option(FormFill.question(q, linkId), org.dorsal.State.values()[answer - 1]));
                    }
                }
                boolean strict = FormFill.enabled(item, given, FormFill.NotEqual.NEEDS_AN_ANSWER);
                assertThat(FormFill.enabled(item, given, FormFill.NotEqual.HOLDS_WHEN_UNANSWERED)).as("%s after %s", item.getLinkId(), given)
                        .isEqualTo(strict);
                boolean allNo = !followed.isEmpty() && followed.stream().allMatch(l -> given.containsKey(l) && given.get(l).getCode().equals("N"));
                assertThat(strict).as("%s after %s", item.getLinkId(), given).isEqualTo(!allNo);
            }
        }
    }

    @Test
    void durations_are_quantities_offering_the_units_people_count_in() {
        Questionnaire q = MAPPINGS.questionnaire();
        assertThat(unitOptions(q, "hoursSinceOnset")).containsExactly("http://unitsofmeasure.org|h", "http://unitsofmeasure.org|d");
        assertThat(unitOptions(q, "selfCareDays")).containsExactly("http://unitsofmeasure.org|d", "http://unitsofmeasure.org|wk");
        assertThat(FormFill.questions(q)).filteredOn(i -> Subject.parse(i.getLinkId()).orElseThrow() instanceof Quantity)
                .hasSize(Quantity.values().length)
                .allSatisfy(i -> assertThat(i.getType()).isEqualTo(QuestionnaireItemType.QUANTITY));
        assertThat(q.getDescription()).contains("hoursSinceOnset in hours or days, 0 to 87600 hours")
                .contains("selfCareDays in days or weeks, 0 to 3650 days");
    }

    private static List<String> unitOptions(Questionnaire q, String linkId) {
        return FormFill.question(q, linkId)
                .getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption").stream()
                .map(e -> (Coding) e.getValue())
                .map(c -> c.getSystem() + "|" + c.getCode())
                .toList();
    }

    @Test
    void questionnaire_and_code_systems_pass_the_validator() {
        assertThat(FhirChecks.errors(MAPPINGS.questionnaire())).isEmpty();
        for (CodeSystem cs : MAPPINGS.codeSystems()) {
            assertThat(FhirChecks.errors(cs)).as(cs.getUrl()).isEmpty();
        }
    }

    @Test
    void the_rule_code_system_names_every_rule_of_the_knowledge_base() {
        CodeSystem rules = MAPPINGS.codeSystems().stream().filter(cs -> cs.getUrl().equals(DorsalFhir.RULE_SYSTEM))
                .findFirst().orElseThrow();
        assertThat(rules.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .contains("RF-THUNDERCLAP-HEADACHE", "TH-COLD-ACUTE", "EX-CHIN-TUCK", "SN-WATCH-FOR")
                .hasSize(FhirChecks.DORSAL.rules().size());
    }

    @Test
    void every_call_returns_a_copy_the_caller_may_change() {
        MAPPINGS.questionnaire().getItem().clear();
        assertThat(FormFill.questions(MAPPINGS.questionnaire())).hasSize(Quantity.values().length + Finding.values().length);
    }

    @Test
    void items_follow_the_knowledge_base_question_order_and_red_flags_carry_help() {
        Questionnaire q = MAPPINGS.questionnaire();
        assertThat(FormFill.questions(q)).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactlyElementsOf(FhirChecks.DORSAL.questions().stream().map(x -> x.subject().key()).toList());
        for (Finding f : FhirChecks.DORSAL.redFlagFindings().keySet()) {
            QuestionnaireItemComponent item = FormFill.question(q, f.name());
            assertThat(item.getItem()).singleElement().satisfies(help -> {
                assertThat(help.getType()).isEqualTo(QuestionnaireItemType.DISPLAY);
                assertThat(help.getText()).isEqualTo(FhirChecks.DORSAL.question(f).help());
            });
        }
    }
}
