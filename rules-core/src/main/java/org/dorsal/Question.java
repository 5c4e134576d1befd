package org.dorsal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Something still worth asking: an unknown finding or quantity whose answer could still change
 * the disposition or the advice. The knowledge base lists every such question and nothing else,
 * in its own order, most important first.
 *
 * @param subject what is asked about (written as {@code finding} in JSON)
 * @param redFlag true when it asks about a red flag; such a question makes the assessment provisional
 * @param couldLeadTo the most urgent disposition an answer to it could lead to; {@code SELF_CARE}
 *                    when only the advice could change (see {@link #changesOnlyAdvice()})
 * @param text the question, in plain language
 * @param help a short explanation that helps the person answer correctly, or {@code null} when the
 *             question needs none; every red-flag question has one
 */
public record Question(@JsonProperty("finding") Subject subject, boolean redFlag, Disposition couldLeadTo, String text, String help) {
    public Question {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(couldLeadTo, "couldLeadTo");
        Objects.requireNonNull(text, "text");
    }

    /** True when no answer to this question could change the disposition, only the advice. */
    public boolean changesOnlyAdvice() {
        return couldLeadTo == Disposition.SELF_CARE;
    }
}
