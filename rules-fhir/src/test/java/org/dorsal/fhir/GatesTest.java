package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dorsal.Assessment;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.State;
import org.dorsal.Subject;
import org.dorsal.testkit.RandomIntakes;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

/**
 * The form's follow-ups (enableWhen) against the knowledge base: whatever a patient answers,
 * what the form hides after those answers is something the knowledge base would not ask and
 * whose answer changes neither the disposition, nor provisional, nor the rule IDs. Checked on
 * seeded random intakes from the test kit; the enableWhen is read from the Questionnaire resource
 * by {@link FormFill}, as a renderer reads it, not from the mapping's code.
 */
class GatesTest {
    private static final long SEED = 20_261_206L;
    private static final int INTAKES = 4_000;

    @Test
    void what_the_form_hides_never_changes_the_outcome_and_is_never_asked() {
        Questionnaire form = MAPPINGS.questionnaire();
        RandomIntakes random = RandomIntakes.seeded(SEED, DORSAL.thresholds());
        Map<String, Integer> hidden = new TreeMap<>();
        for (int i = 0; i < INTAKES; i++) {
            Intake intake = random.get(i);
            Intake visible = FormFill.visible(form, intake);
            List<Subject> dropped = Stream.concat(
                            Stream.of(Finding.values()).filter(f -> intake.state(f) != visible.state(f)),
                            Stream.of(Quantity.values()).filter(q -> !intake.quantity(q).equals(visible.quantity(q))))
                    .map(Subject.class::cast).toList();
            if (dropped.isEmpty()) {
                continue;
            }
            String where = "seed " + SEED + " intake " + i + ": hid " + dropped;
            Assessment full = DORSAL.assess(intake);
            Assessment shown = DORSAL.assess(visible);
            assertThat(shown.disposition()).as(where).isEqualTo(full.disposition());
            assertThat(shown.provisional()).as(where).isEqualTo(full.provisional());
            assertThat(shown.recommendations()).as(where).extracting(Recommendation::id)
                    .containsExactlyElementsOf(full.recommendations().stream().map(Recommendation::id).toList());
            assertThat(shown.questions()).as(where).extracting(Question::subject).doesNotContainAnyElementsOf(dropped);
            dropped.forEach(s -> hidden.merge(s.key(), 1, Integer::sum));
        }
        System.out.println("GatesTest: hidden answers by item over " + INTAKES + " intakes of seed " + SEED + ": " + hidden);
        // Every follow-up was hidden often enough for the check to mean something.
        List<String> followUps = FormFill.questions(form).stream().filter(Questionnaire.QuestionnaireItemComponent::hasEnableWhen)
                .map(Questionnaire.QuestionnaireItemComponent::getLinkId).toList();
        assertThat(followUps).isNotEmpty().allSatisfy(linkId -> assertThat(hidden.getOrDefault(linkId, 0)).as(linkId).isGreaterThanOrEqualTo(20));
        assertThat(hidden.keySet()).containsExactlyInAnyOrderElementsOf(followUps);
    }

    /** The example the issue names: the neck-movement question goes after two Noes, and only then. */
    @Test
    void the_neck_movement_question_follows_dizziness_and_visual_disturbance() {
        Questionnaire form = MAPPINGS.questionnaire();
        Finding link = Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA;
        for (State dizziness : State.values()) {
            for (State visual : State.values()) {
                Intake intake = Intake.builder().answer(Finding.DIZZINESS_OR_VERTIGO, dizziness)
                        .answer(Finding.VISUAL_DISTURBANCE, visual).present(link).build();
                boolean shown = FormFill.visible(form, intake).state(link) == State.PRESENT;
                assertThat(shown).as("dizziness %s, visual disturbance %s", dizziness, visual)
                        .isEqualTo(dizziness != State.ABSENT || visual != State.ABSENT);
            }
        }
    }
}
