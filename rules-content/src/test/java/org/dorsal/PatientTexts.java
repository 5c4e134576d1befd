package org.dorsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every patient-facing string of {@code catalogue.json}, read as raw JSON (not through
 * {@link Catalogue}) so the checks on the wording do not depend on the code that serves it: each
 * rule's {@code reason}, {@code text} and dose {@code note}, and each question's {@code text} and
 * {@code help}. A field this class does not know fails the read, so new text cannot slip past the
 * checks unseen. Keys are labels such as {@code "EX-CAT-COW.dose.note"} or {@code "questions.IMPROVING.help"}.
 */
final class PatientTexts {
    private static final Set<String> RULE_FIELDS = Set.of("reason", "text", "dose");
    private static final Set<String> DOSE_FIELDS = Set.of("min", "max", "unit", "note");
    private static final Set<String> QUESTION_FIELDS = Set.of("text", "help");

    private PatientTexts() {
    }

    /** The texts as written, with their {placeholders}. */
    static Map<String, String> raw() {
        JsonNode root = catalogue();
        Map<String, String> out = new LinkedHashMap<>();
        root.path("rules").fields().forEachRemaining(r -> {
            known(r.getKey(), r.getValue(), RULE_FIELDS);
            put(out, r.getKey() + ".reason", r.getValue().get("reason"));
            put(out, r.getKey() + ".text", r.getValue().get("text"));
            JsonNode dose = r.getValue().get("dose");
            if (dose != null) {
                known(r.getKey() + ".dose", dose, DOSE_FIELDS);
                put(out, r.getKey() + ".dose.note", dose.get("note"));
            }
        });
        root.path("questions").fields().forEachRemaining(q -> {
            known("questions." + q.getKey(), q.getValue(), QUESTION_FIELDS);
            put(out, "questions." + q.getKey() + ".text", q.getValue().get("text"));
            put(out, "questions." + q.getKey() + ".help", q.getValue().get("help"));
        });
        return out;
    }

    /** The texts as a person reads them with the default thresholds (7 and 14 days). */
    static Map<String, String> rendered() {
        Map<String, String> out = new LinkedHashMap<>();
        raw().forEach((label, text) -> out.put(label, text
                .replace("{spasmReferralDays}", "7")
                .replace("{stiffnessReferralDays}", "14")));
        return out;
    }

    /** Where the shipped content keeps its catalogue (its manifest names it). */
    static final String CATALOGUE = "org/dorsal/content/catalogue.json";

    /** The catalogue as raw JSON, from the class path as built (content version filled in). */
    static JsonNode catalogue() {
        try (InputStream in = PatientTexts.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("no " + CATALOGUE + " on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void known(String label, JsonNode node, Set<String> fields) {
        if (!node.isObject()) {
            throw new IllegalStateException(label + " must be a JSON object");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                throw new IllegalStateException(label + " has a field '" + f + "' the text checks do not know");
            }
        });
    }

    private static void put(Map<String, String> out, String label, JsonNode text) {
        if (text != null) {
            out.put(label, text.asText());
        }
    }
}
