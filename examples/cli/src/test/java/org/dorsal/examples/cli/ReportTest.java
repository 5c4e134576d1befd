package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The readable report: order of sections, wrapping, provisional wording, sources. */
class ReportTest {
    private static Dorsal dorsal;

    @BeforeAll
    static void build() {
        dorsal = Dorsal.builder().build();
    }

    @Test
    void sections_come_in_the_order_a_person_needs_them() {
        String text = print(dorsal.assess(Intake.builder()
                .hoursSinceOnset(30)
                .present(Finding.MUSCLE_SPASM, Finding.RADIATING_ARM_PAIN)
                .build()));

        assertThat(text.lines().skip(1).findFirst()).hasValue("  " + Report.headline(Disposition.URGENT));
        assertThat(text).containsSubsequence(
                Report.headline(Disposition.URGENT), "PROVISIONAL", "Warning signs found", "RF-RADICULOPATHY (URGENT)",
                "What to do", "[ESCALATION] RF-RADICULOPATHY", "Still open", "(warning sign)", "Sources",
                "not a diagnosis", "(disposition URGENT");
    }

    @Test
    void an_emergency_is_never_called_the_least_care_needed() {
        String text = print(dorsal.assess(Intake.builder().present(Finding.SEVERE_SUDDEN_HEADACHE).build()));

        assertThat(text.replaceAll("\\s+", " "))
                .contains("PROVISIONAL").contains("nothing can make this less urgent").doesNotContain("least care");
    }

    @Test
    void every_line_fits_the_width_and_sources_are_listed_once() {
        String text = print(dorsal.assess(Intake.builder()
                .hoursSinceOnset(30)
                .present(Finding.MUSCLE_SPASM, Finding.NECK_STIFFNESS, Finding.PROLONGED_SITTING_OR_SCREEN,
                        Finding.HABITUAL_CRACKING, Finding.DEHYDRATION)
                .build()));

        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Report.WIDTH));
        String sources = text.substring(text.indexOf("\nSources\n"));
        assertThat(sources.lines().filter(l -> l.startsWith("  - ")).toList()).doesNotHaveDuplicates()
                .contains("  - SPASM §Immediate Non-Invasive Techniques for Relief");
        assertThat(sources).doesNotContain(";");
    }

    @Test
    void a_long_word_is_kept_whole_rather_than_cut() {
        List<String> lines = Report.lines("  ", "    ", "a " + "x".repeat(100) + " b");

        assertThat(lines).containsExactly("  a", "    " + "x".repeat(100), "    b");
    }

    private static String print(Assessment a) {
        StringWriter text = new StringWriter();
        new Report(new PrintWriter(text)).print(a);
        return text.toString();
    }
}
