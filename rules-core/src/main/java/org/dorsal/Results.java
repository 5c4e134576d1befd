package org.dorsal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dorsal.kb.Advice;
import org.dorsal.kb.Ask;
import org.dorsal.kb.Flag;

/**
 * Turns the facts left in a session after the rules have fired into an {@link Assessment}. Every
 * list is sorted by a fixed key, so the same answers give an equal assessment whatever order the
 * facts were inserted or the rules fired in.
 */
final class Results {
    private final KnowledgeBase kb;
    private final Comparator<RedFlag> redFlagOrder;
    private final Comparator<Recommendation> recommendationOrder;
    private final Comparator<Question> questionOrder;

    Results(KnowledgeBase kb) {
        this.kb = kb;
        this.redFlagOrder = Comparator.comparing(RedFlag::disposition)
                .thenComparingInt(r -> kb.entry(r.id()).rank());
        this.recommendationOrder = Comparator.comparing(Recommendation::kind)
                .thenComparingInt(r -> kb.entry(r.id()).rank());
        this.questionOrder = Comparator.comparing(Question::couldLeadTo)
                .thenComparing(q -> !q.redFlag())
                .thenComparingInt(q -> kb.factRank(q.finding()));
    }

    Assessment read(Iterable<?> facts) {
        Disposition disposition = Disposition.SELF_CARE;
        List<RedFlag> redFlags = new ArrayList<>();
        List<Recommendation> recommendations = new ArrayList<>();
        Map<String, Ask> asks = new HashMap<>();
        for (Object fact : facts) {
            if (fact instanceof Flag f) {
                KnowledgeBase.Entry e = kb.entry(f.id());
                disposition = Disposition.mostUrgent(disposition, f.disposition());
                redFlags.add(new RedFlag(f.id(), f.disposition(), e.reason(), e.rule().source(), f.evidence()));
                recommendations.add(recommendation(e, f.evidence()));
            } else if (fact instanceof Advice a) {
                if (a.disposition() != null) {
                    disposition = Disposition.mostUrgent(disposition, a.disposition());
                }
                recommendations.add(recommendation(kb.entry(a.id()), a.evidence()));
            } else if (fact instanceof Ask q) {
                asks.merge(q.subject(), q, Results::stronger);
            }
        }
        List<Question> questions = new ArrayList<>(asks.size());
        boolean provisional = false;
        for (Ask q : asks.values()) {
            provisional |= q.redFlag();
            questions.add(new Question(q.subject(), q.redFlag(), q.couldLeadTo(), kb.questionText(q.subject())));
        }
        redFlags.sort(redFlagOrder);
        recommendations.sort(recommendationOrder);
        questions.sort(questionOrder);
        return new Assessment(disposition, provisional, redFlags, recommendations, questions, kb.contentVersion);
    }

    private static Recommendation recommendation(KnowledgeBase.Entry e, List<Evidence> evidence) {
        return new Recommendation(e.rule().id(), e.rule().kind(), e.text(), e.dose(), e.rule().source(), evidence);
    }

    /** Two rules may ask the same thing for different reasons: keep the more consequential. */
    private static Ask stronger(Ask a, Ask b) {
        Disposition level = Disposition.mostUrgent(a.couldLeadTo(), b.couldLeadTo());
        return new Ask(a.subject(), a.redFlag() || b.redFlag(), level);
    }
}
