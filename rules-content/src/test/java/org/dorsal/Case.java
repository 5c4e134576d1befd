package org.dorsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A test case kept as data under {@code src/test/resources/cases}: an intake, the spec section it
 * checks, the rule it is filed under, and everything the assessment must say. Expectations are
 * written from the specification, never copied from the engine's output.
 */
record Case(String file, String name, String rule, String spec, Thresholds thresholds, Intake intake, Expect expect) {

    record Expect(Disposition disposition, boolean provisional, List<String> redFlags, List<String> recommendations,
                  List<String> questions, List<String> fired, Map<String, List<String>> textContains) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Case> all() {
        try (Stream<Path> files = Files.list(Path.of(Case.class.getResource("/cases").toURI()))) {
            List<Case> cases = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.add(read(p));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case read(Path p) throws IOException {
        JsonNode n = JSON.readTree(p.toFile());
        JsonNode t = n.get("thresholds");
        Thresholds thresholds = t == null ? Thresholds.defaults()
                : new Thresholds(t.get("spasmReferralDays").asInt(), t.get("stiffnessReferralDays").asInt());
        JsonNode e = n.get("expect");
        Expect expect = new Expect(Disposition.valueOf(e.get("disposition").asText()), e.get("provisional").asBoolean(),
                strings(e.get("redFlags")), strings(e.get("recommendations")), strings(e.get("questions")),
                strings(e.get("fired")),
                e.has("textContains") ? JSON.convertValue(e.get("textContains"), JSON.getTypeFactory()
                        .constructMapType(Map.class, JSON.constructType(String.class),
                                JSON.getTypeFactory().constructCollectionType(List.class, String.class))) : Map.of());
        return new Case(p.getFileName().toString(), n.get("name").asText(), n.get("rule").asText(), n.get("spec").asText(),
                thresholds, DorsalJson.readIntake(JSON.writeValueAsBytes(n.get("intake"))), expect);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Override
    public String toString() {
        return file + " (" + spec + "): " + name;
    }
}
