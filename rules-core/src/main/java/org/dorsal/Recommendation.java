package org.dorsal;

import java.util.List;
import java.util.Objects;

/**
 * One piece of advice, with what it rests on.
 *
 * @param id the rule ID that produced it, e.g. {@code TH-COLD-ACUTE}
 * @param kind what kind of advice it is
 * @param disposition for an {@link Kind#ESCALATION}, the disposition it demands (a red flag's, or
 *                    ROUTINE for a referral threshold); {@code null} for all other advice
 * @param text the advice, in plain language
 * @param dose how much, or {@code null} when the advice has no dose
 * @param source the clinical source the rule cites ({@code policy} where the specification sets it)
 * @param evidence the facts that triggered it; empty only for advice given to everyone
 *                 without a red flag ({@code SN-WATCH-FOR})
 */
public record Recommendation(String id, Kind kind, Disposition disposition, String text, Dose dose, String source,
                             List<Evidence> evidence) {
    public Recommendation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        evidence = List.copyOf(evidence);
    }
}
