package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dorsal.Case.MalformedCaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A case file that cannot be read fails with a message naming the file and the field, never with
 * a NullPointerException. The broken files are written to a temporary directory, away from the
 * cases the rule tests run.
 */
class CaseFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {
              "name": "a spasm in the first hours is cooled",
              "rule": "TH-COLD-ACUTE",
              "spec": "§3",
              "thresholds": { "spasmReferralDays": 8, "stiffnessReferralDays": 14 },
              "intake": { "hoursSinceOnset": 6, "findings": { "MUSCLE_SPASM": "present" } },
              "expect": {
                "disposition": "SELF_CARE",
                "provisional": true,
                "redFlags": [],
                "recommendations": ["TH-COLD-ACUTE"],
                "questions": ["SEVERE_SUDDEN_HEADACHE"],
                "fired": ["TH-COLD-ACUTE"],
                "textContains": { "TH-COLD-ACUTE": ["cold"] }
              }
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path write(String name, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(VALID);
        breakIt.accept(node);
        return write(name, JSON.writeValueAsString(node));
    }

    private static ObjectNode expect(ObjectNode n) {
        return (ObjectNode) n.get("expect");
    }

    @Test
    void a_well_formed_file_binds_every_field() throws IOException {
        Case c = Case.read(write("TH-COLD-ACUTE-early.json", VALID));

        assertThat(c.file()).isEqualTo("TH-COLD-ACUTE-early.json");
        assertThat(c.rule()).isEqualTo("TH-COLD-ACUTE");
        assertThat(c.thresholds()).isEqualTo(new Thresholds(8, 14));
        assertThat(c.intake().state(Finding.MUSCLE_SPASM)).isEqualTo(State.PRESENT);
        assertThat(c.expect().disposition()).isEqualTo(Disposition.SELF_CARE);
        assertThat(c.expect().provisional()).isTrue();
        assertThat(c.expect().questions()).containsExactly("SEVERE_SUDDEN_HEADACHE");
        assertThat(c.expect().textContains()).containsEntry("TH-COLD-ACUTE", List.of("cold"));
    }

    @Test
    void the_optional_fields_may_be_left_out() throws IOException {
        Case c = Case.read(write("defaults.json", n -> {
            n.remove("thresholds");
            expect(n).remove("textContains");
        }));

        assertThat(c.thresholds()).isEqualTo(Thresholds.defaults());
        assertThat(c.expect().textContains()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                broken("a missing required field", "rule", n -> n.remove("rule")),
                broken("a required field that is null", "name", n -> n.putNull("name")),
                broken("a missing expectation", "expect.disposition", n -> expect(n).remove("disposition")),
                broken("a missing list", "expect.fired", n -> expect(n).remove("fired")),
                broken("a disposition that does not exist", "expect.disposition", n -> expect(n).put("disposition", "SOON")),
                broken("a boolean written as a string", "expect.provisional", n -> expect(n).put("provisional", "true")),
                broken("a list written as a string", "expect.redFlags", n -> expect(n).put("redFlags", "RF-SYSTEMIC")),
                broken("a list item that is not a string", "expect.recommendations[1]",
                        n -> expect(n).putArray("recommendations").add("TH-COLD-ACUTE").addObject()),
                broken("a misspelt field", "expected", n -> n.set("expected", n.get("expect"))),
                broken("a misspelt expectation", "expect.redflags", n -> expect(n).putArray("redflags")),
                broken("a threshold left out", "thresholds.stiffnessReferralDays",
                        n -> ((ObjectNode) n.get("thresholds")).remove("stiffnessReferralDays")),
                broken("a threshold out of its range", "thresholds",
                        n -> ((ObjectNode) n.get("thresholds")).put("spasmReferralDays", 3)),
                broken("an intake with an unknown finding", "intake.findings.MUSCLE_SPASMS",
                        n -> ((ObjectNode) n.get("intake").get("findings")).put("MUSCLE_SPASMS", "present")),
                broken("an intake with a bad number", "intake.hoursSinceOnset",
                        n -> ((ObjectNode) n.get("intake")).put("hoursSinceOnset", -1)));
    }

    private static Arguments broken(String what, String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(what, field, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_file_names_the_file_and_the_field(String what, String field, Consumer<ObjectNode> breakIt)
            throws IOException {
        Path p = write("RF-BROKEN.json", breakIt);

        assertThatThrownBy(() -> Case.read(p))
                .isInstanceOf(MalformedCaseException.class)
                .hasMessageStartingWith("case file RF-BROKEN.json, field " + field + ": ")
                .satisfies(e -> assertThat(((MalformedCaseException) e).field).isEqualTo(field));
    }

    @Test
    void a_file_that_is_not_json_names_the_position() throws IOException {
        Path p = write("RF-TRUNCATED.json", VALID.substring(0, 120));

        assertThatThrownBy(() -> Case.read(p))
                .isInstanceOf(MalformedCaseException.class)
                .hasMessageStartingWith("case file RF-TRUNCATED.json, field (line ")
                .hasMessageContaining("not JSON");
    }

    @Test
    void a_key_given_twice_is_refused_not_overwritten() throws IOException {
        Path p = write("RF-TWICE.json", VALID.replace("\"rule\": \"TH-COLD-ACUTE\",", "\"rule\": \"TH-COLD-ACUTE\", \"rule\": \"RF-SYSTEMIC\","));

        assertThatThrownBy(() -> Case.read(p))
                .isInstanceOf(MalformedCaseException.class)
                .hasMessageStartingWith("case file RF-TWICE.json, field (line 3, ")
                .hasMessageContaining("Duplicate field 'rule'");
    }
}
