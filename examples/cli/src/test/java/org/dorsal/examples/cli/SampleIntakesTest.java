package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample in examples/intake decides what its name says, and the CLI shows it. */
class SampleIntakesTest {
    /** What each sample's name promises; a sample missing here fails {@link #every_sample_has_an_expectation}. */
    record Expected(Disposition disposition, boolean provisional, String ruleId) {
    }

    static final Map<String, Expected> SAMPLES = Map.of(
            "acute-spasm-desk-worker.json", new Expected(Disposition.SELF_CARE, false, "TH-COLD-ACUTE"),
            "stiff-neck-cracker.json", new Expected(Disposition.SELF_CARE, false, "WARN-SELF-MANIPULATION"),
            "persistent-spasm.json", new Expected(Disposition.ROUTINE, false, "DT-SPASM-PERSISTENT"),
            "stiffness-no-improvement.json", new Expected(Disposition.ROUTINE, false, "DT-STIFFNESS-NO-IMPROVEMENT"),
            "radiating-arm-pain.json", new Expected(Disposition.URGENT, false, "RF-RADICULOPATHY"),
            "thunderclap-headache.json", new Expected(Disposition.EMERGENCY, false, "RF-THUNDERCLAP-HEADACHE"),
            "dizziness-after-manipulation.json", new Expected(Disposition.EMERGENCY, false, "RF-VASCULAR-AFTER-NECK-MOVEMENT"),
            "partly-answered.json", new Expected(Disposition.SELF_CARE, true, "TH-HEAT-TRANSITION"));

    private static Dorsal dorsal;

    @BeforeAll
    static void build() {
        dorsal = Dorsal.builder().build();
    }

    static Stream<String> samples() {
        return SAMPLES.keySet().stream().sorted();
    }

    @Test
    void every_sample_has_an_expectation() throws IOException {
        try (Stream<Path> files = Files.list(Cli.INTAKES)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sample_decides_what_its_name_implies(String name) throws IOException {
        Expected expected = SAMPLES.get(name);
        Assessment a = dorsal.assess(DorsalJson.readIntake(Files.readAllBytes(Cli.INTAKES.resolve(name))));

        assertThat(a.disposition()).isEqualTo(expected.disposition());
        assertThat(a.provisional()).isEqualTo(expected.provisional());
        assertThat(a.has(expected.ruleId())).as("has %s", expected.ruleId()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void assess_prints_the_disposition_first_and_each_rule_with_its_kind(String name) throws IOException {
        Expected expected = SAMPLES.get(name);
        Assessment a = dorsal.assess(DorsalJson.readIntake(Files.readAllBytes(Cli.INTAKES.resolve(name))));

        Cli.Run run = Cli.run("assess", Cli.sample(name));

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().skip(1).findFirst()).hasValue("  " + Report.headline(expected.disposition()));
        assertThat(run.out()).contains("(disposition " + expected.disposition() + ",");
        assertThat(run.out()).containsPattern("(?m)^ +\\d+\\. \\[[A-Z_]+\\] " + expected.ruleId() + "$");
        a.recommendations().forEach(r -> assertThat(run.out()).contains("[" + r.kind() + "] " + r.id()));
        assertThat(run.out().contains("PROVISIONAL")).isEqualTo(expected.provisional());
        assertThat(run.out()).contains("decision support, not a diagnosis");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void assess_json_is_the_facade_assessment(String name) throws IOException {
        Assessment expected = dorsal.assess(DorsalJson.readIntake(Files.readAllBytes(Cli.INTAKES.resolve(name))));

        Cli.Run run = Cli.run("assess", "--json", Cli.sample(name));

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(DorsalJson.writeAssessment(expected) + System.lineSeparator());
        assertThat(DorsalJson.readAssessment(run.out())).isEqualTo(expected);
    }
}
