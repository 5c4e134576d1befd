package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Thresholds;
import org.dorsal.testkit.RandomIntakes;
import org.junit.jupiter.api.Test;

class BatchOutputTest {
    private static final Dorsal DORSAL = Dorsal.builder().build();

    /** The batch's own compact writer says exactly what the contract's writer says, less the whitespace. */
    @Test
    void an_assessed_line_holds_the_contracts_assessment_json_without_its_indentation() {
        RandomIntakes random = RandomIntakes.seeded(5, Thresholds.defaults());
        SyntheticPopulation people = SyntheticPopulation.seeded(5);
        for (long i = 0; i < 5_000; i++) {
            var intake = i % 2 == 0 ? random.get(i) : people.get(i);
            BatchLine line = BatchLine.read(i + 1, i % 3 == 0 ? null : "p-\"" + i + "\u00e9", intake);
            Assessment a = DORSAL.assess(intake);
            String expected = "{\"line\":" + (i + 1) + (line.id() == null ? "" : ",\"id\":\"p-\\\"" + i + "\u00e9\"")
                    + ",\"assessment\":" + compact(DorsalJson.writeAssessment(a)) + "}";
            assertThat(BatchOutput.assessed(line, a)).as("intake %d", i).isEqualTo(expected);
            assertThat(new String(BatchOutput.assessedLine(line, a), StandardCharsets.UTF_8)).isEqualTo(expected + "\n");
        }
    }

    @Test
    void compacting_keeps_strings_whole() {
        assertThat(compact("{ \"a\" : [ 1, \"b \\\" c\\n\" ],\n  \"d\": { } }")).isEqualTo("{\"a\":[1,\"b \\\" c\\n\"],\"d\":{}}");
    }

    /** JSON without the whitespace between its tokens (a JSON string holds no raw line break). */
    static String compact(String json) {
        StringBuilder b = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') {
                    b.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
