package org.dorsal;

import java.util.Objects;

/**
 * Something still worth asking: an unknown finding or quantity whose answer could change the
 * assessment.
 *
 * @param finding a {@link Finding} name, or a {@link Quantity#field()} name for a quantity
 * @param redFlag true when it asks about a red flag; such a question makes the assessment provisional
 * @param couldLeadTo the most urgent disposition an answer to it could lead to
 *                    ({@code SELF_CARE} when only the advice could change)
 * @param text the question, in plain language
 */
public record Question(String finding, boolean redFlag, Disposition couldLeadTo, String text) {
    public Question {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(couldLeadTo, "couldLeadTo");
        Objects.requireNonNull(text, "text");
    }
}
