package org.dorsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content manifest: what a knowledge base says about itself, so that the engine needs to know
 * no clinical rule, prefix or red-flag level of its own. Read once, at build time, from
 * {@value #RESOURCE} of the content jar.
 *
 * @param version the content version, reported in every assessment; versioned apart from the engine
 * @param modelIndex the resource that lists the executable model classes of the KIE base
 * @param catalogue the resource that holds the patient-facing text
 * @param rules the rules whose IDs appear in assessments, in the order the content sets
 * @param helpers the IDs of rules that only derive facts for other rules (questions, phases)
 * @param redFlagFindings each red-flag finding with the disposition it could lead to, in declared order
 * @param questionOrder every finding and quantity, in the order questions about them are listed
 * @param sources the citable sources by key
 */
record Content(String version, String modelIndex, String catalogue, List<Rule> rules, Set<String> helpers,
               Map<Finding, Disposition> redFlagFindings, List<Subject> questionOrder, Map<String, Source> sources) {
    static final String RESOURCE = "META-INF/dorsal/content.json";

    /**
     * A rule as the manifest declares it: {@code disposition} only for rules that demand one, and
     * {@code redFlag} for those that raise a red flag (and so need a reason and suppress self-care).
     */
    record Rule(String id, Kind kind, Disposition disposition, boolean redFlag) {
    }

    /**
     * A citable source: its sections, or none when it is cited whole (e.g. {@code policy}, for what
     * the specification sets and the texts do not state).
     */
    record Source(String title, List<String> sections) {
    }

    static Content load(ClassLoader loader) {
        JsonNode root;
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DorsalConfigurationException("the knowledge base is missing: no " + RESOURCE
                        + " on the class path (is a content jar such as dorsal-rules-content a dependency?)");
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new DorsalConfigurationException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new DorsalConfigurationException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Content parse(JsonNode root) {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : array(root, "rules")) {
            String id = text(r, "id");
            if (!ids.add(id)) {
                throw new IllegalArgumentException("rule " + id + " is declared twice");
            }
            Kind kind = Kind.valueOf(text(r, "kind"));
            Disposition d = r.hasNonNull("disposition") ? Disposition.valueOf(text(r, "disposition")) : null;
            boolean redFlag = r.path("redFlag").asBoolean(false);
            if (redFlag && d == null) {
                throw new IllegalArgumentException("red flag " + id + " declares no disposition");
            }
            rules.add(new Rule(id, kind, d, redFlag));
        }
        Set<String> helpers = new HashSet<>();
        for (JsonNode h : array(root, "helpers")) {
            if (ids.contains(h.asText()) || !helpers.add(h.asText())) {
                throw new IllegalArgumentException("helper rule " + h.asText() + " is declared twice");
            }
        }
        Map<Finding, Disposition> redFlags = new LinkedHashMap<>();
        for (JsonNode f : array(root, "redFlagFindings")) {
            Finding finding = Finding.valueOf(text(f, "finding"));
            if (redFlags.put(finding, Disposition.valueOf(text(f, "level"))) != null) {
                throw new IllegalArgumentException("red-flag finding " + finding + " is declared twice");
            }
        }
        List<Subject> order = new ArrayList<>();
        for (JsonNode s : array(root, "questionOrder")) {
            Subject subject = Subject.parse(s.asText())
                    .orElseThrow(() -> new IllegalArgumentException("questionOrder names no finding or quantity: " + s.asText()));
            if (order.contains(subject)) {
                throw new IllegalArgumentException("questionOrder names " + subject.key() + " twice");
            }
            order.add(subject);
        }
        if (order.size() != Subject.all().size()) {
            List<Subject> missing = new ArrayList<>(Subject.all());
            missing.removeAll(order);
            throw new IllegalArgumentException("questionOrder leaves out " + missing.stream().map(Subject::key).toList());
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        root.path("sources").fields().forEachRemaining(e -> {
            List<String> sections = new ArrayList<>();
            e.getValue().path("sections").forEach(h -> sections.add(h.asText()));
            sources.put(e.getKey(), new Source(text(e.getValue(), "title"), List.copyOf(sections)));
        });
        return new Content(text(root, "contentVersion"), text(root, "modelIndex"), text(root, "catalogue"),
                List.copyOf(rules), Set.copyOf(helpers), java.util.Collections.unmodifiableMap(redFlags),
                List.copyOf(order), java.util.Collections.unmodifiableMap(sources));
    }

    /**
     * The full form of a citation: {@code KEY §Heading} items separated by "; ", where a heading may
     * be shortened to a prefix ending in "…" (as the specification does), or a bare {@code KEY} for
     * a source cited whole. Returns null when a citation names no known section.
     */
    String expand(String citations) {
        List<String> out = new ArrayList<>();
        for (String citation : citations.split("; ")) {
            String[] parts = citation.split(" §", 2);
            Source source = sources.get(parts[0]);
            if (source == null) {
                return null;
            }
            if (parts.length == 1) {
                if (!source.sections().isEmpty()) {
                    return null;   // a source with sections is cited by section
                }
                out.add(parts[0]);
                continue;
            }
            String heading = parts[1];
            boolean shortened = heading.endsWith("…");
            String prefix = heading.substring(0, heading.length() - (shortened ? 1 : 0));
            List<String> matches = source.sections().stream()
                    .filter(h -> shortened ? h.startsWith(prefix) : h.equals(heading)).toList();
            if (matches.size() != 1) {
                return null;
            }
            out.add(parts[0] + " §" + matches.get(0));
        }
        return String.join("; ", out);
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode a = root.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        return a;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return v.asText();
    }
}
