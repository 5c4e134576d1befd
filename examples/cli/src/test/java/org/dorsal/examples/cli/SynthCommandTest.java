package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dorsal.DorsalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dorsal synth}: deterministic NDJSON intakes. */
class SynthCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_same_count_and_seed_give_the_same_lines() {
        Cli.Run a = Cli.run("synth", "--count", "300", "--seed", "1");
        Cli.Run b = Cli.run("synth", "--count", "300", "--seed", "1");
        Cli.Run other = Cli.run("synth", "--count", "300", "--seed", "2");

        assertThat(a.status()).isZero();
        assertThat(a.err()).isEmpty();
        assertThat(a.out()).isEqualTo(b.out()).isNotEqualTo(other.out()).hasLineCount(300).endsWith("\n");
        assertThat(a.out().lines().findFirst().orElseThrow()).startsWith("{\"id\":\"synth-1-0\",");
        // A shorter run is the start of a longer one.
        assertThat(a.out()).startsWith(Cli.run("synth", "--count", "10", "--seed", "1").out());
    }

    @Test
    void every_line_is_an_intake_of_the_contract_once_its_id_is_taken_off() {
        Cli.run("synth", "--count", "200", "--seed", "9").out().lines()
                .forEach(line -> DorsalJson.readIntake(line.replaceFirst("^\\{\"id\":\"[^\"]+\",", "{")));
    }

    @Test
    void out_writes_a_file_instead_of_stdout() throws Exception {
        Path file = dir.resolve("population.ndjson");

        Cli.Run run = Cli.run("synth", "--count", "50", "--out", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(Cli.run("synth", "--count", "50").out());
    }

    @Test
    void a_count_is_required_and_never_negative() {
        assertThat(Cli.run("synth").status()).isEqualTo(2);
        Cli.Run negative = Cli.run("synth", "--count", "-1");
        assertThat(negative.status()).isEqualTo(2);
        assertThat(negative.err()).contains("--count");
        assertThat(negative.out()).isEmpty();
        assertThat(Cli.run("synth", "--count", "0").out()).isEmpty();
    }
}
