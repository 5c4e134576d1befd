package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.fhir.DorsalFhir;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final Dorsal DORSAL = Dorsal.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SyntheticPopulation PEOPLE = SyntheticPopulation.seeded(7);

    /** Good lines with bad ones of every kind among them; the expected field of each bad one, or null. */
    private static final List<String[]> MIXED = mixed();

    private static List<String[]> mixed() {
        Intake intake = Intake.builder().present(Finding.MUSCLE_SPASM).absent(Finding.FEVER_OR_CHILLS).hoursSinceOnset(50).build();
        QuestionnaireResponse response = DorsalFhir.of(DORSAL).questionnaireResponse(intake);
        response.setId("qr-1");
        String fhir = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {PEOPLE.line(0), null});
        lines.add(new String[] {"", "line"});
        lines.add(new String[] {"{\"findings\": {\"MUSCLE_SPASM\": \"present\"}}", null});
        lines.add(new String[] {"this is not JSON", "line 1, column"});
        lines.add(new String[] {"{\"id\": \"p-9\", \"age\": 40}", "age"});
        lines.add(new String[] {fhir, null});
        lines.add(new String[] {fhir.replace("\"status\":\"completed\"", "\"status\":\"finished\""), "QuestionnaireResponse"});
        lines.add(new String[] {"{\"id\": \"p-10\", \"findings\": {}, \"findings\": {}}", "line 1, column"});
        lines.add(new String[] {"{\"id\": \"p-11\", \"findings\": {}} {}", "line 1, column"});
        lines.add(new String[] {"   ", "line"});
        for (int i = 1; i < 40; i++) {
            lines.add(new String[] {PEOPLE.line(i), null});
        }
        lines.add(new String[] {"{\"hoursSinceOnset\": -1}", "hoursSinceOnset"});
        return lines;
    }

    @Test
    void every_input_line_has_its_output_line_in_order_and_bad_lines_are_counted() throws Exception {
        String input = String.join("\n", MIXED.stream().map(l -> l[0]).toList()) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Batch.Summary summary = Batch.of(DORSAL).threads(3).run(stream(input), out);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(MIXED.size());
        long refused = MIXED.stream().filter(l -> l[1] != null).count();
        assertThat(summary.lines()).isEqualTo(MIXED.size());
        assertThat(summary.refused()).isEqualTo(refused);
        assertThat(summary.assessed()).isEqualTo(MIXED.size() - refused);
        assertThat(summary.firstRefused()).extracting(Batch.Refused::line).containsExactly(2L, 4L, 5L, 7L, 8L);
        BatchReader reader = new BatchReader(DORSAL);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            assertThat(node.get("line").asLong()).isEqualTo(i + 1);
            String expectedField = MIXED.get(i)[1];
            if (expectedField == null) {
                BatchLine line = reader.read(i + 1, MIXED.get(i)[0]);
                assertThat(node.has("error")).as("line %d: %s", i + 1, node).isFalse();
                // Exactly the one-shot assessment, on one line.
                assertThat(node.get("assessment").toString()).isEqualTo(
                        JSON.readTree(DorsalJson.writeAssessment(DORSAL.assess(line.intake()))).toString());
            } else {
                assertThat(node.has("assessment")).as("line %d", i + 1).isFalse();
                assertThat(node.get("error").get("field").asText()).as("line %d", i + 1).startsWith(expectedField);
            }
        }
        assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo(PEOPLE.id(0));
        assertThat(JSON.readTree(lines.get(4)).get("id").asText()).isEqualTo("p-9");
        assertThat(JSON.readTree(lines.get(5)).get("id").asText()).isEqualTo("qr-1");
        assertThat(JSON.readTree(lines.get(2)).has("id")).isFalse();
    }

    @Test
    void one_thread_and_many_write_the_same_bytes() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            input.append(i % 97 == 0 ? "{\"findings\": {\"NOPE\": \"present\"}}" : PEOPLE.line(i)).append('\n');
        }
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream four = new ByteArrayOutputStream();

        Batch.Summary a = Batch.of(DORSAL).threads(1).run(stream(input.toString()), one);
        Batch.Summary b = Batch.of(DORSAL).threads(4).run(stream(input.toString()), four);

        assertThat(four.toByteArray()).isEqualTo(one.toByteArray());
        assertThat(a.refused()).isEqualTo(b.refused()).isEqualTo(31);
        assertThat(a.lines()).isEqualTo(b.lines()).isEqualTo(3_000);
    }

    @Test
    void line_breaks_blank_lines_and_the_last_line_are_handled_as_written() throws Exception {
        String good = "{\"findings\": {}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Batch.Summary s = Batch.of(DORSAL).threads(2).run(stream(good + "\r\n\n" + good), out);

        assertThat(s.lines()).isEqualTo(3);
        assertThat(s.refused()).isEqualTo(1);
        assertThat(s.firstRefused()).containsExactly(new Batch.Refused(2, "line"));
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n").hasLineCount(3);
        assertThat(Batch.of(DORSAL).run(stream(""), new ByteArrayOutputStream()).lines()).isZero();
    }

    @Test
    void a_line_that_is_not_utf8_or_far_too_long_is_refused_and_the_next_one_read() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write("{\"findings\": {\"MUSCLE_SPASM\": \"pr\u00e9sent\"}}".getBytes(StandardCharsets.ISO_8859_1));
        in.write('\n');
        in.write(new byte[ByteLines.MAX_LINE_BYTES + 10]);
        in.write('\n');
        in.write("{\"findings\": {}}\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Batch.Summary s = Batch.of(DORSAL).threads(2).run(new ByteArrayInputStream(in.toByteArray()), out);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(s.lines()).isEqualTo(3);
        assertThat(s.refused()).isEqualTo(2);
        assertThat(JSON.readTree(lines.get(0)).get("error").get("message").asText()).contains("UTF-8");
        assertThat(JSON.readTree(lines.get(1)).get("error").get("message").asText()).contains("bytes long");
        assertThat(JSON.readTree(lines.get(2)).has("assessment")).isTrue();
    }

    /** Memory stays flat: however long the input, only a bounded window of lines is ever held. */
    @Test
    void a_long_input_streams_through_a_bounded_window() throws Exception {
        long count = 200_000;
        OrderedParallel<ByteLines.Raw, RawReader, Batch.Written> parallel = new OrderedParallel<>(2, 16, 8);
        CountingSink out = new CountingSink();
        long[] lastProgress = {0};

        Batch.Summary s = Batch.of(DORSAL).progress(done -> {
            assertThat(done).isGreaterThan(lastProgress[0]);
            lastProgress[0] = done;
        }).run(new SyntheticInput(PEOPLE, count), out, parallel);

        assertThat(s.lines()).isEqualTo(count);
        assertThat(s.refused()).isZero();
        assertThat(out.lines).isEqualTo(count);
        assertThat(lastProgress[0]).isEqualTo(count);
        assertThat(parallel.peakInFlight()).isPositive().isLessThanOrEqualTo(parallel.bound());
        assertThat(parallel.bound()).isEqualTo(16L * 8);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The population's lines, made as they are read, so the test itself holds none of them. */
    static final class SyntheticInput extends InputStream {
        private final SyntheticPopulation people;
        private final long count;
        private long next;
        private byte[] line = new byte[0];
        private int position;

        SyntheticInput(SyntheticPopulation people, long count) {
            this.people = people;
            this.count = count;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == line.length) {
                if (next == count) {
                    return -1;
                }
                line = (people.line(next++) + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(len, line.length - position);
            System.arraycopy(line, position, b, off, n);
            position += n;
            return n;
        }
    }

    /** Counts output lines and keeps none. */
    static final class CountingSink extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
