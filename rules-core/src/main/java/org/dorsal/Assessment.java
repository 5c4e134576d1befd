package org.dorsal;

import java.util.List;
import java.util.Objects;

/**
 * What Dorsal advises for one intake. Decision support: it escalates and advises, it does not
 * diagnose.
 *
 * @param disposition the most urgent disposition any rule demands; {@code SELF_CARE} when none does
 * @param provisional true while a red-flag question is unanswered: the disposition is then a floor
 * @param redFlags the red flags found, most urgent first
 * @param recommendations the advice, escalation first
 * @param questions what is still worth asking, most severe first
 * @param contentVersion the version of the knowledge base that decided
 */
public record Assessment(Disposition disposition, boolean provisional, List<RedFlag> redFlags,
                         List<Recommendation> recommendations, List<Question> questions, String contentVersion) {
    public Assessment {
        Objects.requireNonNull(disposition, "disposition");
        redFlags = List.copyOf(redFlags);
        recommendations = List.copyOf(recommendations);
        questions = List.copyOf(questions);
        Objects.requireNonNull(contentVersion, "contentVersion");
    }

    /** True when the recommendation or red flag with this rule ID is part of the assessment. */
    public boolean has(String ruleId) {
        return redFlags.stream().anyMatch(r -> r.id().equals(ruleId))
                || recommendations.stream().anyMatch(r -> r.id().equals(ruleId));
    }
}
