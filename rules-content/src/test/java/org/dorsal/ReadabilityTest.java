package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every patient-facing text of the catalogue (red-flag reasons, advice, dose notes, questions and
 * their help, the safety net) reads at US school grade 8 or below by Flesch–Kincaid, and the median
 * text at grade 6 or below. The measure is {@link FleschKincaid}, the project's own; it is checked
 * here too, so a change to it that flatters the texts shows.
 */
class ReadabilityTest {
    private static final double MAX_GRADE = 8.0;
    private static final double MAX_MEDIAN_GRADE = 6.0;

    @Test
    void every_patient_text_reads_at_grade_8_or_below_and_the_median_at_grade_6() {
        Map<String, String> texts = PatientTexts.rendered();
        assertThat(texts).as("patient texts").hasSizeGreaterThan(50);
        assertThat(texts).allSatisfy((label, text) ->
                assertThat(text).as("%s has a placeholder left unrendered", label).doesNotContain("{", "}"));

        List<Map.Entry<String, String>> byGrade = texts.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> -FleschKincaid.grade(e.getValue()))).toList();
        Map.Entry<String, String> worst = byGrade.get(0);
        double median = median(byGrade.stream().mapToDouble(e -> FleschKincaid.grade(e.getValue())).sorted().toArray());
        System.out.printf("Readability (Flesch-Kincaid grade) of %d patient texts: worst %.1f (%s), median %.1f%n",
                texts.size(), FleschKincaid.grade(worst.getValue()), worst.getKey(), median);

        assertThat(byGrade).allSatisfy(e -> assertThat(FleschKincaid.grade(e.getValue()))
                .as("grade of %s: \"%s\"", e.getKey(), e.getValue()).isLessThanOrEqualTo(MAX_GRADE));
        assertThat(median).as("median grade").isLessThanOrEqualTo(MAX_MEDIAN_GRADE);
    }

    @Test
    void the_syllable_counter_agrees_with_the_dictionary_on_these_words() {
        Map<String, Integer> dictionary = Map.ofEntries(
                Map.entry("neck", 1), Map.entry("spine", 1), Map.entry("whole", 1), Map.entry("tucked", 1),
                Map.entry("raised", 1), Map.entry("makes", 1), Map.entry("blades", 1), Map.entry("knees", 1),
                Map.entry("eyes", 1), Map.entry("once", 1), Map.entry("chills", 1), Map.entry("prone", 1),
                Map.entry("started", 2), Map.entry("relaxed", 2), Map.entry("stretches", 2), Map.entry("changes", 2),
                Map.entry("muscle", 2), Map.entry("muscles", 2), Map.entry("gentle", 2), Map.entry("gently", 2),
                Map.entry("little", 2), Map.entry("tingling", 2), Map.entry("numbness", 2), Map.entry("doing", 2),
                Map.entry("seeing", 2), Map.entry("headache", 2), Map.entry("shoulder", 2), Map.entry("massage", 2),
                Map.entry("toilet", 2), Map.entry("ceiling", 2), Map.entry("heating", 2), Map.entry("people", 2),
                Map.entry("forearm", 2), Map.entry("alone", 2), Map.entry("squeezes", 2), Map.entry("don't", 1),
                Map.entry("dizziness", 3), Map.entry("physician", 3), Map.entry("infection", 3), Map.entry("serious", 3),
                Map.entry("period", 3), Map.entry("already", 3), Map.entry("calcium", 3), Map.entry("vertigo", 3),
                Map.entry("artery", 3), Map.entry("usual", 3), Map.entry("therapist", 3), Map.entry("cat-cow", 2),
                Map.entry("emergency", 4), Map.entry("radiating", 4), Map.entry("trapezius", 4),
                Map.entry("magnesium", 4), Map.entry("potassium", 4), Map.entry("cavitation", 4),
                Map.entry("chiropractor", 4), Map.entry("temperature", 4), Map.entry("immediately", 5),
                Map.entry("radiculopathy", 6));
        assertThat(dictionary).allSatisfy((word, count) ->
                assertThat(FleschKincaid.syllables(word)).as("syllables of '%s'", word).isEqualTo(count));
    }

    @Test
    void sentences_and_words_are_counted_as_a_reader_would() {
        assertThat(FleschKincaid.sentences("Chin tuck: sit tall; look ahead. Hold it! Done?")).isEqualTo(3);
        assertThat(FleschKincaid.sentences("a few slow rounds")).isEqualTo(1);
        assertThat(FleschKincaid.sentences("Keep at it... then stop.")).isEqualTo(2);
        assertThat(FleschKincaid.words("Don't force the cat-cow, 15–20 min.")).containsExactly("Don't", "force", "the", "cat-cow", "15", "20", "min");
    }

    @Test
    void the_grade_follows_the_flesch_kincaid_formula() {
        // 6 words, 6 syllables, 1 sentence: 0.39 × 6 + 11.8 × 1 − 15.59
        assertThat(FleschKincaid.grade("The cat sat on the mat.")).isCloseTo(-1.45, within(1e-9));
        // 8 words, 10 syllables, 2 sentences: 0.39 × 4 + 11.8 × 10 / 8 − 15.59
        assertThat(FleschKincaid.grade("Stretch your shoulders gently. Stop if it hurts."))
                .isCloseTo(0.39 * 4 + 11.8 * 10 / 8 - 15.59, within(1e-9));
        assertThat(FleschKincaid.grade("")).isZero();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
