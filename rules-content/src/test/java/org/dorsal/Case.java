package org.dorsal;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A test case kept as data under {@code src/test/resources/cases}: an intake, the spec section it
 * checks, the rule it is filed under, and everything the assessment must say. Expectations are
 * written from the specification, never copied from the engine's output.
 *
 * <p>A case file binds to the records below; {@code thresholds} and {@code expect.textContains}
 * may be left out, every other field is required. A file that does not bind fails with
 * {@link MalformedCaseException}, naming the file and the field.
 */
record Case(String file, String name, String rule, String spec, Thresholds thresholds, Intake intake, Expect expect) {

    record Expect(@Required Disposition disposition,
                  @Required boolean provisional,
                  @Required List<String> redFlags,
                  @Required List<String> recommendations,
                  @Required List<String> questions,
                  @Required List<String> fired,
                  Map<String, List<String>> textContains) {
        Expect {
            textContains = textContains == null ? Map.of() : textContains;
        }
    }

    /** A field the file must have, and not as null. */
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonProperty(required = true)
    @JsonSetter(nulls = Nulls.FAIL)
    @interface Required {
    }

    /** A case file that cannot be read, with the file and the field at fault. */
    static final class MalformedCaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String file;
        final String field;

        MalformedCaseException(String file, String field, String problem, Throwable cause) {
            super("case file " + file + ", field " + field + ": " + problem, cause);
            this.file = file;
            this.field = field;
        }
    }

    /** The file as written; the intake is kept as JSON for the facade's own reader. */
    private record CaseFile(@Required String name,
                            @Required String rule,
                            @Required String spec,
                            ThresholdsFile thresholds,
                            @Required JsonNode intake,
                            @Required Expect expect) {
    }

    private record ThresholdsFile(@Required int spasmReferralDays,
                                  @Required int stiffnessReferralDays) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            // "true" for a boolean or 3.0 for a whole number is a typo in a case file, not a value.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static List<Case> all() {
        try (Stream<Path> files = Files.list(Path.of(Case.class.getResource("/cases").toURI()))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Case::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one case file, or fails naming the file and the field. */
    static Case read(Path p) {
        String file = p.getFileName().toString();
        JsonNode tree;
        try {
            tree = JSON.readTree(p.toFile());
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "document"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedCaseException(file, "(" + at + ")", "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedCaseException(file, "(top level)", "a case file is a JSON object", null);
        }
        CaseFile f;
        try {
            f = JSON.treeToValue(tree, CaseFile.class);
        } catch (JsonMappingException e) {
            throw new MalformedCaseException(file, field(e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Thresholds thresholds;
        try {
            thresholds = f.thresholds() == null ? Thresholds.defaults()
                    : new Thresholds(f.thresholds().spasmReferralDays(), f.thresholds().stiffnessReferralDays());
        } catch (DorsalConfigurationException e) {
            throw new MalformedCaseException(file, "thresholds", e.getMessage(), e);
        }
        Intake intake;
        try {
            intake = DorsalJson.readIntake(JSON.writeValueAsBytes(f.intake()));
        } catch (InvalidIntakeException e) {
            throw new MalformedCaseException(file, "intake." + e.field(), e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Case(file, f.name(), f.rule(), f.spec(), thresholds, intake, f.expect());
    }

    /** Where Jackson stopped, as a dotted path: {@code expect.redFlags[1]}. */
    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "(top level)" : path.startsWith(".") ? path.substring(1) : path;
    }

    @Override
    public String toString() {
        return file + " (" + spec + "): " + name;
    }
}
