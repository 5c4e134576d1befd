package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import org.dorsal.Dorsal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dorsal impact}: two configurations over one population. */
class ImpactCommandTest {
    private static String population;

    @TempDir
    Path dir;

    @BeforeAll
    static void population() {
        population = Cli.run("synth", "--count", "3000", "--seed", "1").out();
    }

    @Test
    void a_later_stiffness_referral_shows_the_referrals_it_drops() throws Exception {
        Path out = dir.resolve("report");

        Cli.Run run = Cli.piped(population, "impact", "--stiffness-referral-days", "14",
                "--versus-stiffness-referral-days", "28", "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("over standard input: 3,000 lines, 0 refused")
                .contains("before: content 1.1.0, spasm 7 d, stiffness 14 d")
                .contains("after:  content 1.1.0, spasm 7 d, stiffness 28 d")
                .containsPattern("ROUTINE -> SELF_CARE +[0-9,]+ +less urgent care")
                .containsPattern("drops DT-STIFFNESS-NO-IMPROVEMENT +[0-9,]+")
                .doesNotContain("more urgent care");
        JsonNode report = new ObjectMapper().readTree(out.resolve("impact.json").toFile());
        assertThat(report.get("totals").get("intakes").asLong()).isEqualTo(3_000);
        assertThat(report.get("kinds").findValuesAsText("kind")).contains("drops DT-STIFFNESS-NO-IMPROVEMENT");
        assertThat(out.resolve("impact.html")).content().contains("DT-STIFFNESS-NO-IMPROVEMENT");
        assertThat(run.out()).contains("Written: " + out.resolve("impact.html"));
    }

    @Test
    void the_report_names_the_population_as_told() throws Exception {
        Path out = dir.resolve("named");

        Cli.Run run = Cli.piped(population, "impact", "--versus-spasm-referral-days", "10",
                "--population", "./dorsal synth --count 3000 --seed 1", "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("./dorsal synth --count 3000 --seed 1: 3,000 lines, 0 refused");
        JsonNode report = new ObjectMapper().readTree(out.resolve("impact.json").toFile());
        assertThat(report.get("population").asText()).isEqualTo("./dorsal synth --count 3000 --seed 1: 3,000 lines, 0 refused");
    }

    @Test
    void identical_configurations_are_refused() {
        Cli.Run same = Cli.piped(population, "impact", "--out", dir.toString());
        Cli.Run sameGiven = Cli.piped(population, "impact", "--stiffness-referral-days", "21",
                "--versus-stiffness-referral-days", "21", "--out", dir.toString());

        for (Cli.Run run : new Cli.Run[] {same, sameGiven}) {
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("the two configurations are the same");
        }
    }

    @Test
    void versus_options_default_to_the_before_ones() {
        Cli.Run run = Cli.piped(population, "impact", "--stiffness-referral-days", "21",
                "--versus-spasm-referral-days", "10", "--out", dir.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("before: content 1.1.0, spasm 7 d, stiffness 21 d")
                .contains("after:  content 1.1.0, spasm 10 d, stiffness 21 d");
    }

    @Test
    void bad_lines_are_counted_and_give_status_3() {
        Cli.Run run = Cli.piped(population.lines().limit(200).reduce("", (a, b) -> a + b + "\n") + "nonsense\n\n",
                "impact", "--versus-stiffness-referral-days", "28", "--out", dir.toString());

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).contains("202 lines, 2 refused").contains("lines refused (not compared): 2");
    }

    @Test
    void a_threshold_out_of_range_or_a_missing_jar_is_refused() {
        Cli.Run range = Cli.piped(population, "impact", "--versus-stiffness-referral-days", "50", "--out", dir.toString());
        Cli.Run jar = Cli.piped(population, "impact", "--versus-jars", dir.resolve("no-such.jar").toString(), "--out", dir.toString());

        assertThat(range.status()).isEqualTo(2);
        assertThat(range.err()).contains("stiffnessReferralDays");
        assertThat(jar.status()).isEqualTo(2);
        assertThat(jar.err()).contains("no such jar");
        assertThat(range.out()).isEmpty();
        assertThat(jar.out()).isEmpty();
    }

    /** This build's own engine and content, given as another version's jars would be. */
    @Test
    void another_content_version_runs_in_its_own_class_loader_against_this_builds() throws Exception {
        String jars = Path.of(Dorsal.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + ","
                + contentRoot(Dorsal.class.getClassLoader().getResource("META-INF/dorsal/content.json"));

        Cli.Run run = Cli.piped(population.lines().limit(300).reduce("", (a, b) -> a + b + "\n"),
                "impact", "--jars", jars, "--versus-own-content", "--out", dir.toString());
        Cli.Run both = Cli.piped("", "impact", "--jars", jars, "--versus-jars", jars, "--versus-own-content");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("intakes compared: 300; the same on everything: 300 (100.00%)")
                .contains("dispositions: no change");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("exclude each other");
    }

    private static String contentRoot(URL manifest) throws Exception {
        return manifest.getProtocol().equals("jar")
                ? Path.of(URI.create(manifest.getPath().substring(0, manifest.getPath().indexOf("!/")))).toString()
                : Path.of(manifest.toURI()).getParent().getParent().getParent().toString();
    }
}
