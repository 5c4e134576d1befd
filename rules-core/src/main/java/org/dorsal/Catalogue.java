package org.dorsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The patient-facing text of the knowledge base: what each rule says, its dose, each red flag's
 * reason, and each question. Kept apart from the DRL so the wording can change (or be translated)
 * without touching the logic. Read once, at build time.
 */
record Catalogue(String contentVersion, Map<String, Entry> rules, Map<String, String> questions) {
    static final String RESOURCE = "org/dorsal/content/catalogue.json";

    /** The text of one rule; {@code reason} only for red flags, {@code dose} only where there is one. */
    record Entry(String text, String reason, Dose dose) {
    }

    static Catalogue load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DorsalConfigurationException("the knowledge base content is missing: no " + RESOURCE
                        + " on the class path (is dorsal-rules-content a dependency?)");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new DorsalConfigurationException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Catalogue parse(JsonNode root) {
        String version = text(root, "contentVersion");
        Map<String, Entry> rules = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("rules").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            JsonNode d = n.get("dose");
            Dose dose = d == null ? null : new Dose(d.path("min").asInt(), d.path("max").asInt(),
                    Dose.Unit.valueOf(d.path("unit").asText()), d.path("note").asText(""));
            rules.put(e.getKey(), new Entry(text(n, "text"), n.hasNonNull("reason") ? n.get("reason").asText() : null, dose));
        }
        Map<String, String> questions = new HashMap<>();
        root.path("questions").fields().forEachRemaining(e -> questions.put(e.getKey(), e.getValue().asText()));
        return new Catalogue(version, Map.copyOf(rules), Map.copyOf(questions));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new DorsalConfigurationException(RESOURCE + ": missing text field '" + field + "'");
        }
        return v.asText();
    }
}
