package org.dorsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The patient-facing text of the knowledge base: what each rule says, its dose, each red flag's
 * reason, and each question with its help text. Kept apart from the DRL so the wording can change
 * (or be translated) without touching the logic. Read once, at build time, from the resource the
 * content manifest names.
 */
record Catalogue(String resource, Map<String, Entry> rules, Map<Subject, Wording> questions) {

    /** The text of one rule; {@code reason} only for red flags, {@code dose} only where there is one. */
    record Entry(String text, String reason, Dose dose) {
    }

    /** A question and, where a yes or no alone could mislead, its help text (else null). */
    record Wording(String text, String help) {
    }

    static Catalogue load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DorsalConfigurationException("the knowledge base content is missing: no " + resource
                        + " on the class path");
            }
            return parse(resource, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new DorsalConfigurationException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static Catalogue parse(String resource, JsonNode root) {
        Map<String, Entry> rules = new HashMap<>();
        root.path("rules").fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            JsonNode d = n.get("dose");
            Dose dose = d == null ? null : dose(resource, e.getKey(), d);
            rules.put(e.getKey(), new Entry(text(resource, n, "text"), optional(n, "reason"), dose));
        });
        Map<Subject, Wording> questions = new HashMap<>();
        root.path("questions").fields().forEachRemaining(e -> {
            Subject subject = Subject.parse(e.getKey()).orElseThrow(() -> new DorsalConfigurationException(
                    resource + ": a question about '" + e.getKey() + "', which is neither a finding nor a quantity"));
            questions.put(subject, new Wording(text(resource, e.getValue(), "text"), optional(e.getValue(), "help")));
        });
        return new Catalogue(resource, Map.copyOf(rules), Map.copyOf(questions));
    }

    private static Dose dose(String resource, String rule, JsonNode d) {
        try {
            for (String bound : new String[]{"min", "max"}) {
                if (d.has(bound) && !d.get(bound).isInt()) {
                    throw new IllegalArgumentException(bound + " must be a whole number");
                }
            }
            Integer min = d.has("min") ? d.get("min").asInt() : null;
            Integer max = d.has("max") ? d.get("max").asInt() : null;
            return new Dose(min, max, Dose.Unit.valueOf(d.path("unit").asText()), d.path("note").asText(""));
        } catch (IllegalArgumentException e) {
            throw new DorsalConfigurationException(resource + ": the dose of " + rule + " is not valid: " + e.getMessage(), e);
        }
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String text(String resource, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new DorsalConfigurationException(resource + ": missing text field '" + field + "'");
        }
        return v.asText();
    }
}
