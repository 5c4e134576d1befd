package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void a_yaml_or_json_configuration_file_is_read_and_the_options_override_it(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("cds.yaml"), """
                bind: 127.0.0.1
                port: 9443
                audience: https://cds.example.org/
                feedbackLog: logs/feedback.jsonl
                trustedIssuers:
                  - iss: https://ehr.example.org
                    jwks: ehr-jwks.json
                    subjects: [dorsal-client]
                    jku: [https://ehr.example.org/jwks.json]
                tls: {keystore: cds.p12, passwordFile: cds.p12.password}
                workers: 3
                queue: 7
                shadow: {spasmReferralDays: 10}
                """);
        ServiceConfig c = parse("--config", yaml.toString()).settings();
        assertThat(c.port()).isEqualTo(9443);
        assertThat(c.audience()).hasToString("https://cds.example.org");
        assertThat(c.feedbackLog()).isEqualTo(dir.toAbsolutePath().resolve("logs/feedback.jsonl"));
        assertThat(c.trustedIssuers()).singleElement().satisfies(i -> {
            assertThat(i.jwks()).isEqualTo(dir.toAbsolutePath().resolve("ehr-jwks.json").toString());
            assertThat(i.subjects()).containsExactly("dorsal-client");
            assertThat(i.jku()).containsExactly("https://ehr.example.org/jwks.json");
        });
        assertThat(c.tls().keystore()).isEqualTo(dir.toAbsolutePath().resolve("cds.p12"));
        assertThat(c.workers()).isEqualTo(3);
        assertThat(c.queue()).isEqualTo(7);
        assertThat(c.algorithms()).containsExactly("ES384", "RS384");
        assertThat(parse("--config", yaml.toString()).candidate(LIVE)).contains(new EngineConfig(10, 14, List.of()));

        ServiceConfig overridden = parse("--config", yaml.toString(), "--port", "0", "--workers", "5",
                "--shadow-spasm-referral-days", "9").settings();
        assertThat(overridden.port()).isZero();
        assertThat(overridden.workers()).isEqualTo(5);
        assertThat(overridden.queue()).isEqualTo(7);
        assertThat(overridden.audience()).hasToString("https://cds.example.org");
        assertThat(overridden.shadow().spasmReferralDays()).isEqualTo(9);

        Path json = Files.writeString(dir.resolve("cds.json"), "{\"port\": 0, \"bind\": \"127.0.0.1\"}");
        assertThat(parse("--config", json.toString()).settings().port()).isZero();
    }

    @Test
    void a_configuration_with_an_unknown_or_repeated_key_or_a_bad_value_is_refused(@TempDir Path dir) throws IOException {
        Path unknown = Files.writeString(dir.resolve("a.yaml"), "port: 1\nprot: 2\n");
        assertThat(refused("--config", unknown.toString())).startsWith("CdsServer: configuration error: ").contains("prot");
        Path twice = Files.writeString(dir.resolve("b.json"), "{\"port\": 1, \"port\": 2}");
        assertThat(refused("--config", twice.toString())).contains("Duplicate field 'port'");
        Path hmac = Files.writeString(dir.resolve("c.yaml"), "algorithms: [HS256]\n");
        assertThat(refused("--config", hmac.toString())).contains("HS256 is not allowed");
        assertThat(refused("--config", dir.resolve("missing.yaml").toString())).contains("cannot be read");
    }

    @Test
    void bound_beyond_loopback_without_trusted_issuers_it_refuses_to_start() {
        assertThat(refused("--bind", "0.0.0.0", "--port", "0"))
                .startsWith("CdsServer: configuration error: bind 0.0.0.0 is not a loopback address, and no trustedIssuers are configured");
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
