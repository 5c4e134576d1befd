package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the patient texts are worded (spec §6 and §1): plain words, time frames and examples in the
 * questions, help on every red-flag question, and one definition of self-care everywhere.
 */
class WordingTest {
    /** Spec §6: the red-flag findings. */
    private static final List<String> RED_FLAG_FINDINGS = List.of("SEVERE_SUDDEN_HEADACHE", "DIZZINESS_OR_VERTIGO",
            "VISUAL_DISTURBANCE", "BOWEL_OR_BLADDER_CONTROL_LOSS", "SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA",
            "FEVER_OR_CHILLS", "UNEXPLAINED_WEIGHT_LOSS", "RADIATING_ARM_PAIN", "NUMBNESS_OR_TINGLING",
            "ARM_OR_HAND_WEAKNESS");
    /** Medical terms a patient text must not use bare; none of them is needed. */
    private static final List<String> JARGON = List.of("vertebral", "dissection", "trapezius", "radiculopathy",
            "cervical", "thoracic", "vertigo", "electrolyte", "cavitation", "manipulation", "ligament", "scapula",
            "systemic", "ischemic", "neurological", "acute", "subacute", "physiological");
    /** Spec §1 SELF_CARE_TRIED. */
    private static final String SELF_CARE = "heat or cold, and gentle stretching";

    private final Catalogue catalogue = Catalogue.load(getClass().getClassLoader(), PatientTexts.CATALOGUE);
    private final Map<String, String> questions = new java.util.TreeMap<>();
    private final Map<String, String> help = new java.util.TreeMap<>();

    {
        catalogue.questions().forEach((subject, wording) -> {
            questions.put(subject.key(), wording.text());
            if (wording.help() != null) {
                help.put(subject.key(), wording.help());
            }
        });
    }

    @Test
    void every_red_flag_question_has_help_text() {
        assertThat(help).containsKeys(RED_FLAG_FINDINGS.toArray(String[]::new));
        assertThat(help).allSatisfy((fact, help) -> assertThat(help).as(fact).isNotBlank());
    }

    @Test
    void no_patient_text_uses_a_bare_medical_term() {
        assertThat(PatientTexts.raw()).allSatisfy((label, text) -> assertThat(text.toLowerCase(java.util.Locale.ROOT))
                .as(label).doesNotContain(JARGON.toArray(String[]::new)));
    }

    @Test
    void questions_give_a_time_frame_examples_and_no_sums_to_do() {
        Map<String, String> q = questions;
        for (String fact : List.of("SEVERE_SUDDEN_HEADACHE", "DIZZINESS_OR_VERTIGO", "VISUAL_DISTURBANCE",
                "BOWEL_OR_BLADDER_CONTROL_LOSS", "FEVER_OR_CHILLS", "NUMBNESS_OR_TINGLING")) {
            assertThat(q.get(fact).toLowerCase()).as(fact).contains("since this pain started");
        }
        assertThat(q.get("SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA")).contains("shortly", "your own neck",
                "chiropractor", "massage", "a fall", "car accident", "blow to the head");
        assertThat(q.get("DIZZINESS_OR_VERTIGO")).contains("room spinning");
        assertThat(help.get("NUMBNESS_OR_TINGLING")).contains("comes and goes");
        assertThat(q.get("hoursSinceOnset")).contains("hours or days", "for example");
        assertThat(q.get("selfCareDays")).contains("days or weeks", "for example");
    }

    @Test
    void self_care_means_the_same_everywhere() {
        assertThat(questions.get("SELF_CARE_TRIED")).contains(SELF_CARE);
        assertThat(questions.get("selfCareDays")).contains(SELF_CARE);
        for (String id : List.of("DT-SPASM-PERSISTENT", "DT-STIFFNESS-NO-IMPROVEMENT", "SN-WATCH-FOR")) {
            assertThat(catalogue.rules().get(id).text()).as(id).contains(SELF_CARE);
        }
        assertThat(PatientTexts.raw()).allSatisfy((label, text) -> assertThat(text)
                .as("%s names self-care without its one definition", label)
                .doesNotContain("heat, cold", "heat and cold", "heat or cold and", "cold and stretching"));
    }
}
