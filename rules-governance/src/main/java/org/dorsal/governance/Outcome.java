package org.dorsal.governance;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dorsal.Assessment;
import org.dorsal.Disposition;

/**
 * The part of an assessment that governance compares: what the person is told to do, whether that
 * is still a floor, and which rules decided. Texts are left out on purpose: a wording change is a
 * content review's business, not a population count's.
 *
 * @param disposition the assessment's disposition
 * @param provisional whether the assessment was provisional
 * @param ruleIds the IDs of the red flags and recommendations it holds, sorted
 * @param contentVersion the content version that decided
 */
public record Outcome(Disposition disposition, boolean provisional, SortedSet<String> ruleIds, String contentVersion)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Outcome {
        Objects.requireNonNull(disposition, "disposition");
        ruleIds = Collections.unmodifiableSortedSet(new TreeSet<>(ruleIds));
        Objects.requireNonNull(contentVersion, "contentVersion");
    }

    /** An outcome from rule IDs in any order. */
    public static Outcome of(Disposition disposition, boolean provisional, Collection<String> ruleIds, String contentVersion) {
        return new Outcome(disposition, provisional, new TreeSet<>(ruleIds), contentVersion);
    }

    /** The outcome of an assessment of this engine's own version. */
    public static Outcome of(Assessment assessment) {
        TreeSet<String> ids = new TreeSet<>();
        assessment.redFlags().forEach(r -> ids.add(r.id()));
        assessment.recommendations().forEach(r -> ids.add(r.id()));
        return new Outcome(assessment.disposition(), assessment.provisional(), ids, assessment.contentVersion());
    }
}
