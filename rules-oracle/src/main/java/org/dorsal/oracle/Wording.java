package org.dorsal.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.dorsal.Dose;
import org.dorsal.Thresholds;

/**
 * What the oracle takes from the content rather than from the specification: the patient-facing
 * wording of each rule and question, and the content version, read from rules-content's catalogue
 * on the class path. The decisions never depend on it.
 */
final class Wording {
    static final String CATALOGUE = "org/dorsal/content/catalogue.json";
    /** The content manifest, for the content version only. */
    static final String MANIFEST = "META-INF/dorsal/content.json";

    /** One rule's wording, rendered for the thresholds, and its citation in full; {@code reason} only for red flags. */
    record Said(String text, String reason, Dose dose, String source) {
    }

    final String contentVersion;
    private final Said[] rules = new Said[Rule.values().length];
    private final Map<String, String> questions = new HashMap<>();
    private final Map<String, String> help = new HashMap<>();
    private final java.util.List<String> headings = new java.util.ArrayList<>();

    Wording(Thresholds thresholds) {
        JsonNode catalogue = read(CATALOGUE);
        JsonNode manifest = read(MANIFEST);
        contentVersion = manifest.path("contentVersion").asText();
        manifest.path("sources").fields().forEachRemaining(e -> e.getValue().path("sections")
                .forEach(h -> headings.add(e.getKey() + " §" + h.asText())));
        for (Rule r : Rule.values()) {
            JsonNode n = catalogue.path("rules").path(r.id);
            if (!n.hasNonNull("text")) {
                throw new IllegalStateException(CATALOGUE + " has no text for " + r.id);
            }
            String text = n.get("text").asText()
                    .replace("{spasmReferralDays}", Integer.toString(thresholds.spasmReferralDays()))
                    .replace("{stiffnessReferralDays}", Integer.toString(thresholds.stiffnessReferralDays()));
            rules[r.ordinal()] = new Said(text, n.hasNonNull("reason") ? n.get("reason").asText() : null, dose(r, n.get("dose")),
                    cite(r.source));
        }
        catalogue.path("questions").fields().forEachRemaining(e -> {
            questions.put(e.getKey(), e.getValue().path("text").asText());
            if (e.getValue().hasNonNull("help")) {
                help.put(e.getKey(), e.getValue().get("help").asText());
            }
        });
    }

    /**
     * The specification's figures where its table gives them, with the catalogue's note on how the
     * amount is taken; otherwise no figure at all (§5), only the catalogue's note.
     */
    private static Dose dose(Rule r, JsonNode d) {
        String note = d == null ? "" : d.path("note").asText("");
        if (r.amount != null) {
            return new Dose(r.amount.min(), r.amount.max(), r.amount.unit(), note);
        }
        if (d == null) {
            return null;
        }
        // §5: where the specification gives no number, neither does the dose.
        return new Dose(null, null, Dose.Unit.valueOf(d.path("unit").asText()), note);
    }

    Said of(Rule r) {
        return rules[r.ordinal()];
    }

    /**
     * A citation in full: a section the specification shortens with "…" is completed from the
     * headings the content lists (only the wording of the citation; which section is the oracle's).
     */
    private String cite(String citations) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String c : citations.split("; ")) {
            if (c.endsWith("…")) {
                String prefix = c.substring(0, c.length() - 1);
                c = headings.stream().filter(h -> h.startsWith(prefix)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no section starts " + prefix));
            }
            out.add(c);
        }
        return String.join("; ", out);
    }

    /** The help text of the question about {@code subject}, or null. */
    String help(String subject) {
        return help.get(subject);
    }

    /** The question about a finding (its name) or a quantity (its field name). */
    String question(String subject) {
        String text = questions.get(subject);
        if (text == null) {
            throw new IllegalStateException(CATALOGUE + " has no question for " + subject);
        }
        return text;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Wording.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path: the oracle takes its wording from "
                        + "dorsal-rules-content, which must be on the class path too");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
