package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The server's options: which candidate they name, and what they refuse before anything starts. */
class ServeCommandTest {
    private static final Thresholds LIVE = Thresholds.defaults();

    private static ServeCommand parse(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void without_shadow_options_there_is_no_candidate() {
        ServeCommand c = parse("--port", "0", "--feedback-log", "f.jsonl");
        assertThat(c.candidate(LIVE)).isEmpty();
        assertThat(c.port).isZero();
        assertThat(c.feedbackLog).isEqualTo(Path.of("f.jsonl"));
        ServeCommand defaults = parse();
        assertThat(defaults.port).isEqualTo(8080);
        assertThat(defaults.feedbackLog).isEqualTo(Path.of("dorsal-feedback.jsonl"));
    }

    @Test
    void each_shadow_option_turns_shadow_mode_on_with_the_live_values_for_the_rest() {
        assertThat(parse("--shadow-spasm-referral-days", "10").candidate(LIVE))
                .contains(new EngineConfig(10, 14, List.of()));
        assertThat(parse("--shadow-stiffness-referral-days", "28").candidate(LIVE))
                .contains(new EngineConfig(7, 28, List.of()));
        Optional<EngineConfig> jars = parse("--shadow-jars", "core.jar,content.jar", "--shadow-spasm-referral-days", "9").candidate(LIVE);
        assertThat(jars).contains(new EngineConfig(9, 14,
                List.of(Path.of("core.jar").toAbsolutePath().toString(), Path.of("content.jar").toAbsolutePath().toString())));
        assertThat(parse("--shadow-spasm-referral-days", "10").queue()).isEqualTo(Shadow.DEFAULT_QUEUE);
        assertThat(parse("--shadow-spasm-referral-days", "10", "--shadow-queue", "3").queue()).isEqualTo(3);
    }

    @Test
    void a_queue_without_a_candidate_or_without_room_is_refused() {
        assertThatThrownBy(() -> parse("--shadow-queue", "3").queue()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("needs a candidate");
        assertThatThrownBy(() -> parse("--shadow-spasm-referral-days", "10", "--shadow-queue", "0").queue())
                .isInstanceOf(ParameterException.class).hasMessageContaining("at least 1");
    }

    @Test
    void mistakes_exit_with_status_2_and_one_line_before_anything_starts() {
        assertThat(refused("--bogus")).isEqualTo("CdsServer: Unknown option: '--bogus' (try --help)");
        assertThat(refused("--port", "70000")).isEqualTo("CdsServer: --port must be a number from 0 to 65535, got 70000 (try --help)");
        assertThat(refused("--shadow-queue", "3")).startsWith("CdsServer: --shadow-queue needs a candidate");
        assertThat(refused("--shadow-spasm-referral-days", "12"))
                .isEqualTo("CdsServer: configuration error: spasmReferralDays must be from 7 to 10 days (the range its source allows), got 12");
    }

    private static String refused(String... args) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(ServeCommand.run(args)).isEqualTo(ServeCommand.REFUSED);
        } finally {
            System.setErr(stderr);
        }
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
