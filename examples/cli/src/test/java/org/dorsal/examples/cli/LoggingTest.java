package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dorsal.Disposition;
import org.junit.jupiter.api.Test;

/**
 * stderr stays quiet unless --verbose is given. Runs the CLI in a JVM of its own: slf4j-simple
 * fixes a logger's level when the logger is created, which happens once per JVM.
 */
class LoggingTest {
    private record Result(int status, String out, String err) {
    }

    @Test
    void by_default_nothing_is_logged() throws Exception {
        Result r = java("assess", Cli.sample("thunderclap-headache.json"));

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains(Report.headline(Disposition.EMERGENCY));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verbose_logs_the_assessment_line_on_stderr() throws Exception {
        Result r = java("assess", "--verbose", Cli.sample("thunderclap-headache.json"));

        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("org.dorsal.Dorsal")
                .contains("disposition=EMERGENCY")
                .contains("RF-THUNDERCLAP-HEADACHE");
        assertThat(r.out()).doesNotContain("org.dorsal.Dorsal");
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DorsalCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        // Small outputs: reading one stream after the other cannot fill a pipe and stall.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
