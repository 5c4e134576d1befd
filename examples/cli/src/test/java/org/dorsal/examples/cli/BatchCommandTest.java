package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dorsal.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dorsal batch}: NDJSON in, one output line per input line, counts and exit status. */
class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void every_line_is_assessed_in_order_and_status_0_says_none_was_refused() throws Exception {
        String population = Cli.run("synth", "--count", "400", "--seed", "3").out();

        Cli.Run run = Cli.piped(population, "batch");

        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(400);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            assertThat(node.get("line").asInt()).isEqualTo(i + 1);
            assertThat(node.get("id").asText()).isEqualTo("synth-3-" + i);
            assertThat(node.get("assessment").get("disposition").asText()).isIn("SELF_CARE", "ROUTINE", "URGENT", "EMERGENCY");
        }
        // stderr: the counts, on one line, and no progress bar (it is not a terminal).
        assertThat(run.err()).startsWith("dorsal batch: 400 lines, 400 assessed, 0 refused;").hasLineCount(1);
    }

    @Test
    void bad_lines_are_refused_on_their_own_lines_counted_and_status_3() throws Exception {
        String input = """
                {"findings": {"MUSCLE_SPASM": "present"}}

                not json
                {"id": "p-4", "findings": {"FEVER": "present"}}
                {"findings": {"NECK_STIFFNESS": "present"}, "hoursSinceOnset": 20}
                """;
        Path file = dir.resolve("in.ndjson");
        Files.writeString(file, input);

        Cli.Run run = Cli.run("batch", file.toString(), "--threads", "1");

        assertThat(run.status()).isEqualTo(3);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(JSON.readTree(lines.get(1)).get("error").get("field").asText()).isEqualTo("line");
        assertThat(JSON.readTree(lines.get(3)).get("id").asText()).isEqualTo("p-4");
        assertThat(JSON.readTree(lines.get(3)).get("error").get("field").asText()).isEqualTo("findings.FEVER");
        assertThat(JSON.readTree(lines.get(4)).has("assessment")).isTrue();
        assertThat(run.err()).contains("5 lines, 2 assessed, 3 refused (line 2: line; line 3: line 1, column")
                .contains("line 4: findings.FEVER)");
        // Only the field is named on stderr, never a value from the line.
        assertThat(run.err()).doesNotContain("not json");
    }

    @Test
    void one_thread_and_many_write_the_same_output() {
        String population = Cli.run("synth", "--count", "600", "--seed", "4").out();

        Cli.Run one = Cli.piped(population, "batch", "--threads", "1");
        Cli.Run three = Cli.piped(population, "batch", "--threads", "3", "-");

        assertThat(three.out()).isEqualTo(one.out());
        assertThat(three.err()).contains("on 3 threads");
    }

    @Test
    void out_writes_a_file_and_thresholds_reach_the_assessments() throws Exception {
        Path in = dir.resolve("in.ndjson");
        Files.writeString(in, Files.readString(Path.of(Cli.sample("stiffness-no-improvement.json"))).replaceAll("\\s+", " ") + "\n");
        Path out = dir.resolve("out.ndjson");

        Cli.Run byDefault = Cli.run("batch", in.toString(), "--out", out.toString());
        String referred = Files.readString(out);
        Cli.Run later = Cli.run("batch", in.toString(), "--out", out.toString(), "--stiffness-referral-days", "28");

        assertThat(byDefault.status()).isZero();
        assertThat(byDefault.out()).isEmpty();
        assertThat(disposition(referred)).isEqualTo(Disposition.ROUTINE);
        assertThat(later.status()).isZero();
        assertThat(disposition(Files.readString(out))).isEqualTo(Disposition.SELF_CARE);
    }

    @Test
    void what_cannot_be_done_is_refused_with_status_2_and_nothing_on_stdout() throws Exception {
        Path in = dir.resolve("in.ndjson");
        Files.writeString(in, "{\"findings\": {}}\n");

        assertNothingDone(Cli.run("batch", dir.resolve("missing.ndjson").toString()), "there is no file");
        assertNothingDone(Cli.run("batch", dir.toString()), "is a directory");
        assertNothingDone(Cli.run("batch", in.toString(), "--threads", "0"), "--threads must be at least 1");
        assertNothingDone(Cli.run("batch", in.toString(), "--spasm-referral-days", "11"), "spasmReferralDays");
        assertNothingDone(Cli.run("batch", in.toString(), "--out", in.toString()), "is the input file");
        assertNothingDone(Cli.run("batch", in.toString(), "--out", dir.resolve("no/such/dir.ndjson").toString()), "does not exist");
        assertThat(Files.readString(in)).isEqualTo("{\"findings\": {}}\n");
    }

    @Test
    void an_empty_input_is_no_lines_and_status_0() {
        Cli.Run run = Cli.piped("", "batch");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("dorsal batch: 0 lines");
    }

    @Test
    void an_output_closed_part_way_stops_the_batch_with_status_1() {
        String population = Cli.run("synth", "--count", "2000").out();
        OutputStream closedAfter64KiB = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 65_536) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DorsalCli.run(new String[] {"batch"}, new ByteArrayInputStream(population.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(closedAfter64KiB, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the output was closed").contains("incomplete");
    }

    private static void assertNothingDone(Cli.Run run, String message) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(message);
    }

    private static Disposition disposition(String outputLine) throws Exception {
        return Disposition.valueOf(JSON.readTree(outputLine).get("assessment").get("disposition").asText());
    }
}
