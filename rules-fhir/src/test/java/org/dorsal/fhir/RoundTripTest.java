package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.FHIR;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dorsal.Assessment;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Subject;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.State;
import org.dorsal.fhir.Samples.Sample;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.GuidanceResponse.GuidanceResponseStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.RequestGroup.RequestGroupActionComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Questionnaire → QuestionnaireResponse → intake → GuidanceResponse, for each sample intake, with
 * every resource written as JSON, parsed back and validated on the way.
 */
class RoundTripTest {
    private static final Reference PATIENT = new Reference("Patient/example");
    static final List<Sample> SAMPLES = Samples.ALL;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void a_form_filled_in_from_the_published_questionnaire_reads_back_as_the_same_intake(Sample sample) {
        Questionnaire form = FhirChecks.parse(Questionnaire.class, FhirChecks.json(MAPPINGS.questionnaire()));
        QuestionnaireResponse filled = fillIn(form, sample.intake());
        QuestionnaireResponse received = FhirChecks.parse(QuestionnaireResponse.class, FhirChecks.json(filled));

        assertThat(FhirChecks.errors(received)).isEmpty();
        Intake read = MAPPINGS.intake(received);
        assertThat(read).isEqualTo(FormFill.visible(form, sample.intake()));
        assertSameOutcome(DORSAL.assess(read), DORSAL.assess(sample.intake()));
    }

    /** What the form hides changes neither the disposition, nor provisional, nor the rule IDs. */
    static void assertSameOutcome(Assessment actual, Assessment expected) {
        assertThat(actual.disposition()).isEqualTo(expected.disposition());
        assertThat(actual.provisional()).isEqualTo(expected.provisional());
        assertThat(actual.recommendations()).extracting(Recommendation::id)
                .containsExactlyElementsOf(expected.recommendations().stream().map(Recommendation::id).toList());
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void the_written_response_is_valid_and_reads_back_as_the_same_intake(Sample sample) {
        QuestionnaireResponse written = MAPPINGS.questionnaireResponse(sample.intake());
        assertThat(FhirChecks.errors(written)).isEmpty();
        assertThat(MAPPINGS.intake(FhirChecks.parse(QuestionnaireResponse.class, FhirChecks.json(written))))
                .isEqualTo(FormFill.visible(MAPPINGS.questionnaire(), sample.intake()));
    }

    @Test
    void the_written_response_follows_the_questionnaire_and_gives_durations_in_the_largest_whole_unit() {
        Intake intake = Intake.builder().hoursSinceOnset(96).selfCareDays(10).present(Finding.MUSCLE_SPASM)
                .absent(Finding.FEVER_OR_CHILLS).present(Finding.NECK_STIFFNESS).build();
        QuestionnaireResponse written = MAPPINGS.questionnaireResponse(intake);

        List<String> order = FormFill.questions(MAPPINGS.questionnaire()).stream().map(QuestionnaireItemComponent::getLinkId).toList();
        assertThat(written.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly("warning-signs", "complaint", "timing-and-self-care");
        assertThat(FormFill.answered(written)).extracting(i -> order.indexOf(i.getLinkId())).isSorted().doesNotContain(-1);
        assertThat(FormFill.answered(written)).extracting(i -> i.getAnswerFirstRep().getValue())
                .filteredOn(org.hl7.fhir.r4.model.Quantity.class::isInstance)
                .extracting(v -> ((org.hl7.fhir.r4.model.Quantity) v).getValue().toPlainString() + " " + ((org.hl7.fhir.r4.model.Quantity) v).getCode())
                .containsExactlyInAnyOrder("4 d", "10 d");
        assertThat(MAPPINGS.intake(written)).isEqualTo(intake);
        assertThat(FormFill.answered(MAPPINGS.questionnaireResponse(Intake.builder().hoursSinceOnset(30).selfCareDays(21).build())))
                .extracting(i -> ((org.hl7.fhir.r4.model.Quantity) i.getAnswerFirstRep().getValue()).getCode())
                .containsExactlyInAnyOrder("h", "wk");
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void the_guidance_response_is_valid_and_carries_the_whole_assessment(Sample sample) {
        Assessment a = DORSAL.assess(MAPPINGS.intake(MAPPINGS.questionnaireResponse(sample.intake())));
        assertThat(a.disposition()).isEqualTo(sample.disposition());
        assertThat(a.provisional()).isEqualTo(sample.provisional());

        GuidanceResponse built = MAPPINGS.guidanceResponse(a, PATIENT);
        GuidanceResponse g = FhirChecks.parse(GuidanceResponse.class, FhirChecks.json(built));
        assertThat(g.equalsDeep(built)).as("parsed back equal").isTrue();
        assertThat(FhirChecks.errors(g)).isEmpty();

        assertThat(g.getStatus()).isEqualTo(a.provisional() ? GuidanceResponseStatus.DATAREQUIRED : GuidanceResponseStatus.SUCCESS);
        assertThat(g.getModuleUriType().getValue()).isEqualTo(DorsalFhir.KNOWLEDGE_BASE_URI + "|" + a.contentVersion());
        assertThat(g.getDataRequirement()).extracting(d -> d.getCodeFilterFirstRep().getCodeFirstRep().getCode())
                .containsExactlyElementsOf(a.questions().stream().map(q -> q.subject().key()).toList());

        Map<String, Resource> contained = g.getContained().stream()
                .collect(Collectors.toMap(r -> r.getIdElement().getIdPart(), Function.identity()));
        RequestGroup group = (RequestGroup) contained.get(g.getResult().getReference().substring(1));
        assertThat(group.getCode().getCodingFirstRep().getCode()).isEqualTo(a.disposition().name());
        assertThat(group.getAction()).hasSize(a.recommendations().size());
        for (int i = 0; i < a.recommendations().size(); i++) {
            Recommendation r = a.recommendations().get(i);
            RequestGroupActionComponent action = group.getAction().get(i);
            assertThat(action.getCodeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(DorsalFhir.RULE_SYSTEM);
            assertThat(action.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo(r.id());
            assertThat(action.getDocumentationFirstRep().getCitation())
                    .isEqualTo(r.source().equals("policy") ? action.getDocumentationFirstRep().getCitation() : r.source())
                    .contains(r.source());
            CommunicationRequest request = (CommunicationRequest) contained.get(action.getResource().getReference().substring(1));
            assertThat(request.getPayloadFirstRep().getContentStringType().getValue()).startsWith(r.text());
            if (r.dose() != null) {
                assertThat(action.getDescription()).contains(r.dose().toString());
            }
        }
        List<Observation> flags = g.getContained().stream().filter(Observation.class::isInstance).map(Observation.class::cast).toList();
        assertThat(flags).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactlyElementsOf(a.redFlags().stream().map(org.dorsal.RedFlag::id).toList());
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void every_snomed_code_is_marked_unverified(Sample sample) {
        GuidanceResponse g = MAPPINGS.guidanceResponse(DORSAL.assess(sample.intake()), PATIENT);
        List<Coding> codings = FHIR.newTerser().getAllPopulatedChildElementsOfType(g, Coding.class);
        assertThat(codings).filteredOn(c -> "http://snomed.info/sct".equals(c.getSystem()))
                .allSatisfy(c -> assertThat(c.getExtensionByUrl(DorsalFhir.UNVERIFIED_CODE_EXTENSION)).isNotNull());
    }

    /**
     * Fills in the form the way a form filler would: from its groups, items, answer options and
     * enableWhen alone, answering only what it shows. Unknown findings alternate between unanswered
     * and "Don't know", so both are read.
     */
    static QuestionnaireResponse fillIn(Questionnaire form, Intake intake) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setQuestionnaire(form.getUrl() + "|" + form.getVersion());
        r.setStatus(QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(PATIENT);
        int unknown = 0;
        Map<String, Coding> given = new HashMap<>();
        for (QuestionnaireItemComponent group : form.getItem()) {
            if (group.getType() != Questionnaire.QuestionnaireItemType.GROUP) {
                continue;
            }
            QuestionnaireResponse.QuestionnaireResponseItemComponent section =
                    new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(group.getLinkId()).setText(group.getText());
            for (QuestionnaireItemComponent item : group.getItem()) {
                if (!FormFill.enabled(item, given)) {
                    continue;
                }
                if (Subject.parse(item.getLinkId()).orElseThrow() instanceof Quantity quantity) {
                    OptionalInt v = intake.quantity(quantity);
                    if (v.isPresent()) {
                        section.addItem().setLinkId(item.getLinkId()).setText(item.getText()).addAnswer()
                                .setValue(inLargestUnit(item, v.getAsInt()));
                    }
                    continue;
                }
                State state = intake.state(Finding.valueOf(item.getLinkId()));
                if (state == State.UNKNOWN && unknown++ % 2 == 0) {
                    continue;
                }
                String display = switch (state) {
                    case PRESENT -> "Yes";
                    case ABSENT -> "No";
                    case UNKNOWN -> "Don't know";
                };
                Coding option = item.getAnswerOption().stream().map(o -> (Coding) o.getValue())
                        .filter(c -> c.getDisplay().equals(display)).findFirst().orElseThrow();
                given.put(item.getLinkId(), option);
                section.addItem().setLinkId(item.getLinkId()).setText(item.getText()).addAnswer().setValue(option.copy());
            }
            if (section.hasItem()) {
                r.addItem(section);
            }
        }
        return r;
    }

    /** Hours in a UCUM unit: the test's own table, so the mapping's conversion is checked, not repeated. */
    private static final Map<String, Integer> HOURS = Map.of("h", 1, "d", 24, "wk", 168);

    /**
     * {@code value}, in the unit of the item's first unit option, as a person would give it: in the
     * largest offered unit it is a whole number of (72 hours as 3 days).
     */
    private static org.hl7.fhir.r4.model.Quantity inLargestUnit(QuestionnaireItemComponent item, int value) {
        List<Coding> options = item.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption")
                .stream().map(e -> (Coding) e.getValue()).toList();
        long hours = (long) value * HOURS.get(options.get(0).getCode());
        Coding unit = options.get(0);
        for (Coding option : options) {
            if (hours % HOURS.get(option.getCode()) == 0 && HOURS.get(option.getCode()) > HOURS.get(unit.getCode())) {
                unit = option;
            }
        }
        return new org.hl7.fhir.r4.model.Quantity().setValue(hours / HOURS.get(unit.getCode()))
                .setSystem(unit.getSystem()).setCode(unit.getCode()).setUnit(unit.getDisplay());
    }
}
