package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every defect a property found, kept as a case file in {@code src/test/resources/defects}: an
 * intake with its expected assessment ({@code disposition}, {@code provisional}, rule IDs it
 * {@code has} and {@code hasNot}), or a document that must be refused. Intakes also go through
 * {@link DorsalJson#writeIntake} and back, and every case through the invariants.
 */
class DefectCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> every_defect_stays_fixed() throws IOException, URISyntaxException {
        Path dir = Path.of(DefectCasesTest.class.getResource("/defects").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(JSON.readTree(f.toFile()))));
    }

    private static void run(JsonNode c) {
        assertThat(c.path("name").asText()).isNotBlank();
        assertThat(c.path("spec").asText()).startsWith("§");
        JsonNode expected = c.get("expected");
        if (c.has("intake")) {
            Dorsal dorsal = Fixtures.dorsal();
            Intake intake = DorsalJson.readIntake(c.get("intake").toString());
            assertThat(DorsalJson.readIntake(DorsalJson.writeIntake(intake))).isEqualTo(intake);
            Assessment a = dorsal.assess(intake);
            assertThat(a.disposition()).isEqualTo(Disposition.valueOf(expected.get("disposition").asText()));
            assertThat(a.provisional()).isEqualTo(expected.get("provisional").asBoolean());
            expected.path("has").forEach(id -> assertThat(a.has(id.asText())).as("has %s", id.asText()).isTrue());
            expected.path("hasNot").forEach(id -> assertThat(a.has(id.asText())).as("has not %s", id.asText()).isFalse());
            for (Invariant inv : Fixtures.checks(dorsal)) {
                assertThat(inv.violation(intake, a)).isEmpty();
            }
        } else {
            byte[] doc = c.has("documentBase64")
                    ? Base64.getDecoder().decode(c.get("documentBase64").asText())
                    : c.get("document").asText().getBytes(StandardCharsets.UTF_8);
            assertThat(expected.get("refused").asBoolean()).isTrue();
            assertThat(StrictIntakeJson.parse(doc)).as("the oracle refuses it too").isEmpty();
            InvalidIntakeException e = catchThrowableOfType(() -> DorsalJson.readIntake(doc), InvalidIntakeException.class);
            assertThat(e).as("refused with InvalidIntakeException").isNotNull();
            assertThat(e.field()).isNotBlank();
            assertThat(SpecInvariants.readOrRefuse(doc)).isEmpty();
        }
    }
}
