package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dorsal.Finding;
import org.dorsal.Quantity;
import org.dorsal.Subject;
import org.hl7.fhir.r4.model.CodeSystem;
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
        assertThat(MAPPINGS.questionnaire().getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void findings_are_answered_yes_no_or_asked_but_unknown() {
        QuestionnaireItemComponent item = MAPPINGS.questionnaire().getItem().stream()
                .filter(i -> i.getLinkId().equals("RADIATING_ARM_PAIN")).findFirst().orElseThrow();
        assertThat(item.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
        assertThat(item.getText()).isEqualTo(FhirChecks.DORSAL.question(Finding.RADIATING_ARM_PAIN).text());
        assertThat(item.getAnswerOption()).extracting(o -> ((Coding) o.getValue()).getSystem() + "|" + ((Coding) o.getValue()).getCode())
                .containsExactly("http://terminology.hl7.org/CodeSystem/v2-0136|Y",
                        "http://terminology.hl7.org/CodeSystem/v2-0136|N",
                        "http://terminology.hl7.org/CodeSystem/data-absent-reason|asked-unknown");
    }

    @Test
    void durations_are_quantities_offering_the_units_people_count_in() {
        Questionnaire q = MAPPINGS.questionnaire();
        assertThat(unitOptions(q, "hoursSinceOnset")).containsExactly("http://unitsofmeasure.org|h", "http://unitsofmeasure.org|d");
        assertThat(unitOptions(q, "selfCareDays")).containsExactly("http://unitsofmeasure.org|d", "http://unitsofmeasure.org|wk");
        assertThat(q.getItem()).filteredOn(i -> Subject.parse(i.getLinkId()).orElseThrow() instanceof Quantity)
                .hasSize(Quantity.values().length)
                .allSatisfy(i -> assertThat(i.getType()).isEqualTo(QuestionnaireItemType.QUANTITY));
        assertThat(q.getDescription()).contains("hoursSinceOnset in hours or days, 0 to 87600 hours")
                .contains("selfCareDays in days or weeks, 0 to 3650 days");
    }

    private static List<String> unitOptions(Questionnaire q, String linkId) {
        return q.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow()
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
        assertThat(MAPPINGS.questionnaire().getItem()).hasSize(Quantity.values().length + Finding.values().length);
    }

    @Test
    void items_follow_the_knowledge_base_question_order_and_red_flags_carry_help() {
        Questionnaire q = MAPPINGS.questionnaire();
        assertThat(q.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactlyElementsOf(FhirChecks.DORSAL.questions().stream().map(x -> x.subject().key()).toList());
        for (Finding f : FhirChecks.DORSAL.redFlagFindings().keySet()) {
            QuestionnaireItemComponent item = q.getItem().stream().filter(i -> i.getLinkId().equals(f.name())).findFirst().orElseThrow();
            assertThat(item.getItem()).singleElement().satisfies(help -> {
                assertThat(help.getType()).isEqualTo(QuestionnaireItemType.DISPLAY);
                assertThat(help.getText()).isEqualTo(FhirChecks.DORSAL.question(f).help());
            });
        }
    }
}
