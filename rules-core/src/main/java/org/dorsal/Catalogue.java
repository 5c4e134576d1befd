package org.dorsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The patient-facing text of the knowledge base: what each rule says, its dose, each red flag's
 * reason, and each question with its optional help text. Kept apart from the DRL so the wording can
 * change (or be translated) without touching the logic. Read once, at build time.
 *
 * <p>A question is {@code {"text": "...", "help": "..."}}: {@link #questions()} maps each finding or
 * quantity to its text, {@link #questionHelp()} to its help where it has one.
 */
record Catalogue(String contentVersion, Map<String, Entry> rules, Map<String, String> questions,
                 Map<String, String> questionHelp, Map<String, List<String>> sections) {
    static final String RESOURCE = "org/dorsal/content/catalogue.json";
    /** The clinical sources by key, with their section headings, so citations can be checked and expanded. */
    static final String SOURCES = "org/dorsal/content/sources.json";

    /** The text of one rule; {@code reason} only for red flags, {@code dose} only where there is one. */
    record Entry(String text, String reason, Dose dose) {
    }

    static Catalogue load(ClassLoader loader) {
        JsonNode sources = read(loader, SOURCES);
        Map<String, List<String>> sections = new HashMap<>();
        sources.fields().forEachRemaining(e -> {
            List<String> headings = new ArrayList<>();
            e.getValue().path("sections").forEach(h -> headings.add(h.asText()));
            sections.put(e.getKey(), List.copyOf(headings));
        });
        return parse(read(loader, RESOURCE), Map.copyOf(sections));
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DorsalConfigurationException("the knowledge base content is missing: no " + resource
                        + " on the class path (is dorsal-rules-content a dependency?)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new DorsalConfigurationException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The full form of a rule's {@code @source}: citations are {@code KEY §Heading}, separated by
     * "; ", and a heading may be shortened to a prefix ending in "…" (as the specification does).
     * Returns null when a citation names no known section.
     */
    String expand(String source) {
        if (source.equals("policy")) {
            return source;
        }
        List<String> out = new ArrayList<>();
        for (String citation : source.split("; ")) {
            String[] parts = citation.split(" §", 2);
            List<String> headings = parts.length == 2 ? sections.get(parts[0]) : null;
            if (headings == null) {
                return null;
            }
            String heading = parts[1];
            boolean shortened = heading.endsWith("…");
            String prefix = heading.substring(0, heading.length() - (shortened ? 1 : 0));
            List<String> matches = headings.stream()
                    .filter(h -> shortened ? h.startsWith(prefix) : h.equals(heading)).toList();
            if (matches.size() != 1) {
                return null;
            }
            out.add(parts[0] + " §" + matches.get(0));
        }
        return String.join("; ", out);
    }

    private static Catalogue parse(JsonNode root, Map<String, List<String>> sections) {
        String version = text(root, "contentVersion");
        Map<String, Entry> rules = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("rules").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            JsonNode d = n.get("dose");
            Dose dose = d == null ? null : dose(e.getKey(), d);
            rules.put(e.getKey(), new Entry(text(n, "text"), n.hasNonNull("reason") ? n.get("reason").asText() : null, dose));
        }
        Map<String, String> questions = new HashMap<>();
        Map<String, String> help = new HashMap<>();
        root.path("questions").fields().forEachRemaining(e -> {
            JsonNode q = e.getValue();
            if (!q.isObject()) {
                throw new DorsalConfigurationException(RESOURCE + ": the question for " + e.getKey()
                        + " must be an object {\"text\": ..., \"help\": ...}");
            }
            questions.put(e.getKey(), text(q, "text"));
            if (q.has("help")) {
                help.put(e.getKey(), text(q, "help"));
            }
        });
        return new Catalogue(version, Map.copyOf(rules), Map.copyOf(questions), Map.copyOf(help), sections);
    }

    private static Dose dose(String rule, JsonNode d) {
        try {
            for (String bound : List.of("min", "max")) {
                if (d.has(bound) && !d.get(bound).isInt()) {
                    throw new IllegalArgumentException(bound + " must be a whole number");
                }
            }
            Integer min = d.has("min") ? d.get("min").asInt() : null;
            Integer max = d.has("max") ? d.get("max").asInt() : null;
            return new Dose(min, max, Dose.Unit.valueOf(d.path("unit").asText()), d.path("note").asText(""));
        } catch (IllegalArgumentException e) {
            throw new DorsalConfigurationException(RESOURCE + ": the dose of " + rule + " is not valid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new DorsalConfigurationException(RESOURCE + ": missing text field '" + field + "'");
        }
        return v.asText();
    }
}
