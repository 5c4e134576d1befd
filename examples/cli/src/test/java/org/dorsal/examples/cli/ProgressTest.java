package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar: drawn by progressbar when asked for, and nothing at all otherwise. */
class ProgressTest {
    @Test
    void a_bar_shows_the_count_the_rate_and_the_time_left() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.of(true, "Assessing", 1_000, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            assertThat(p.shown()).isTrue();
            p.accept(250);
            p.accept(1_000);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("Assessing").contains("1000/1000 lines").contains("lines/s").contains("100%");
    }

    @Test
    void off_it_draws_nothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.of(false, "Assessing", 1_000, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            assertThat(p.shown()).isFalse();
            p.accept(1_000);
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void the_cli_draws_no_bar_on_streams_that_are_not_its_own_terminal() {
        Cli.Run run = Cli.piped(Cli.run("synth", "--count", "100").out(), "batch");
        assertThat(run.err()).doesNotContain("Assessing").hasLineCount(1);
    }
}
