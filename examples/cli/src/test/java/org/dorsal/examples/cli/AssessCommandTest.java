package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dorsal.Disposition;
import org.dorsal.DorsalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dorsal assess}: input sources, options, and refusals. */
class AssessCommandTest {
    @TempDir
    Path dir;

    @Test
    void reads_the_intake_from_stdin_for_a_dash() throws IOException {
        String intake = Files.readString(Cli.INTAKES.resolve("thunderclap-headache.json"));

        Cli.Run run = Cli.piped(intake, "assess", "--json", "-");

        assertThat(run.status()).isZero();
        assertThat(DorsalJson.readAssessment(run.out()).disposition()).isEqualTo(Disposition.EMERGENCY);
    }

    @Test
    void an_unknown_finding_is_refused_with_its_field_named() throws IOException {
        Cli.Run run = Cli.run("assess", write("{\"findings\": {\"BACK_ACHE\": \"present\"}}"));

        assertRefused(run, "findings.BACK_ACHE");
        assertThat(run.err()).contains("unknown finding 'BACK_ACHE'");
    }

    @Test
    void a_negative_onset_is_refused_with_its_field_named() throws IOException {
        Cli.Run run = Cli.run("assess", "--json", write("{\"hoursSinceOnset\": -3, \"findings\": {\"MUSCLE_SPASM\": \"present\"}}"));

        assertRefused(run, "hoursSinceOnset");
        assertThat(run.err()).contains("got -3");
    }

    @Test
    void a_malformed_document_is_refused_with_its_position() throws IOException {
        Cli.Run run = Cli.run("assess", write("{\"findings\": {\"MUSCLE_SPASM\": \"present\",}"));

        assertRefused(run, "line 1, column");
        assertThat(run.err()).contains("not valid JSON");
    }

    @Test
    void a_state_other_than_present_absent_unknown_is_refused() {
        Cli.Run run = Cli.piped("{\"findings\": {\"MUSCLE_SPASM\": \"yes\"}}", "assess", "-");

        assertRefused(run, "findings.MUSCLE_SPASM");
    }

    @Test
    void a_missing_file_is_refused_clearly() {
        Cli.Run run = Cli.run("assess", dir.resolve("no-such-intake.json").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("there is no file").contains("no-such-intake.json");
    }

    @Test
    void a_directory_is_refused_clearly() {
        Cli.Run run = Cli.run("assess", dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("dorsal: cannot read the intake");
    }

    @Test
    void a_spasm_threshold_out_of_range_is_a_configuration_error() {
        Cli.Run run = Cli.run("assess", "--spasm-referral-days", "11", Cli.sample("persistent-spasm.json"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("configuration error").contains("spasmReferralDays").contains("got 11");
    }

    @Test
    void a_stiffness_threshold_out_of_range_is_a_configuration_error() {
        Cli.Run run = Cli.run("assess", "--json", "--stiffness-referral-days", "13", Cli.sample("stiffness-no-improvement.json"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("stiffnessReferralDays").contains("got 13");
    }

    @Test
    void thresholds_reach_the_facade() {
        // 21 days of self-care without improvement: referred at the default 14 days, not at 28.
        String sample = Cli.sample("stiffness-no-improvement.json");

        Cli.Run byDefault = Cli.run("assess", "--json", sample);
        Cli.Run later = Cli.run("assess", "--json", "--stiffness-referral-days", "28", sample);
        Cli.Run spasm = Cli.run("assess", "--spasm-referral-days", "10", Cli.sample("persistent-spasm.json"));

        assertThat(DorsalJson.readAssessment(byDefault.out()).has("DT-STIFFNESS-NO-IMPROVEMENT")).isTrue();
        assertThat(DorsalJson.readAssessment(later.out()).disposition()).isEqualTo(Disposition.SELF_CARE);
        assertThat(DorsalJson.readAssessment(later.out()).has("DT-STIFFNESS-NO-IMPROVEMENT")).isFalse();
        assertThat(flat(later.out())).contains("after 28 days");
        // The sample's spasm has lasted 9 days: not yet persistent at a 10-day threshold.
        assertThat(flat(spasm.out())).doesNotContain("DT-SPASM-PERSISTENT").contains("10 days or more");
    }

    @Test
    void a_threshold_that_is_not_a_number_is_a_usage_error() {
        Cli.Run run = Cli.run("assess", "--spasm-referral-days", "seven", Cli.sample("persistent-spasm.json"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--spasm-referral-days");
    }

    @Test
    void no_command_prints_the_usage_on_stderr() {
        Cli.Run run = Cli.run();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("assess").contains("interview");
    }

    /** The text with its line wrapping undone. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private String write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "intake", ".json");
        Files.writeString(file, json);
        return file.toString();
    }

    private static void assertRefused(Cli.Run run, String field) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("field: " + field).contains("nothing was assessed");
    }
}
