package org.dorsal;

import java.util.ArrayList;
import java.util.List;
import org.dorsal.kb.Advice;
import org.dorsal.kb.Ask;
import org.dorsal.kb.Facts;
import org.dorsal.kb.Flag;

/**
 * Turns the facts left in a session after the rules have fired into an {@link Assessment}. Every
 * list has a fixed order, so the same answers give an equal assessment whatever order the facts
 * were inserted or the rules fired in.
 *
 * <p>The order is worked out once, in {@link KnowledgeBase}: each red flag, recommendation and
 * question has a slot. Here the slots are filled and read out in order:
 * <ul>
 *   <li>red flags: most urgent first, then the manifest's order;</li>
 *   <li>recommendations: by {@link Kind}, then the manifest's order;</li>
 *   <li>questions: the manifest's question order.</li>
 * </ul>
 */
final class Results {
    private final KnowledgeBase kb;

    Results(KnowledgeBase kb) {
        this.kb = kb;
    }

    Assessment read(Iterable<?> facts) {
        int rules = kb.ruleCount();
        // By rule: a rule with several triggering findings leaves one fact per finding, and says
        // it once, with the evidence of all of them.
        // Most assessments raise no red flag: their slots are made when the first one is met.
        KnowledgeBase.Entry[] flagged = null;
        List<Evidence>[] flagEvidence = null;
        KnowledgeBase.Entry[] advised = new KnowledgeBase.Entry[rules];
        List<Evidence>[] adviceEvidence = evidenceSlots(rules);
        // By subject: two rules may ask the same thing for different reasons; the more
        // consequential is kept.
        Ask[] asks = new Ask[Subject.all().size()];
        Disposition disposition = Disposition.SELF_CARE;
        for (Object fact : facts) {
            if (fact instanceof Flag f) {
                KnowledgeBase.Entry e = kb.entry(f.id());
                if (!e.redFlag()) {
                    throw new IllegalStateException("rule " + f.id() + " raised a red flag but is not declared one");
                }
                disposition = Disposition.mostUrgent(disposition, e.rule().disposition());
                if (flagged == null) {
                    flagged = new KnowledgeBase.Entry[rules];
                    flagEvidence = evidenceSlots(rules);
                }
                flagged[e.flagSlot()] = e;
                flagEvidence[e.flagSlot()] = join(flagEvidence[e.flagSlot()], f.evidence());
            } else if (fact instanceof Advice a) {
                KnowledgeBase.Entry e = kb.entry(a.id());
                if (e.rule().disposition() != null) {
                    disposition = Disposition.mostUrgent(disposition, e.rule().disposition());
                }
                advised[e.adviceSlot()] = e;
                adviceEvidence[e.adviceSlot()] = join(adviceEvidence[e.adviceSlot()], a.evidence());
            } else if (fact instanceof Ask q) {
                int slot = kb.questionSlot(q.subject());
                Ask before = asks[slot];
                asks[slot] = before == null ? q : stronger(before, q);
            }
        }
        List<RedFlag> redFlags = new ArrayList<>(2);
        for (int slot = 0; flagged != null && slot < rules; slot++) {
            KnowledgeBase.Entry e = flagged[slot];
            if (e != null) {
                redFlags.add(new RedFlag(e.rule().id(), e.rule().disposition(), e.reason(), e.rule().source(), flagEvidence[slot]));
                // A red flag is also advice (an escalation), listed among the recommendations.
                advised[e.adviceSlot()] = e;
                adviceEvidence[e.adviceSlot()] = flagEvidence[slot];
            }
        }
        List<Recommendation> recommendations = new ArrayList<>(8);
        for (int slot = 0; slot < rules; slot++) {
            KnowledgeBase.Entry e = advised[slot];
            if (e != null) {
                recommendations.add(new Recommendation(e.rule().id(), e.rule().kind(), e.rule().disposition(), e.text(),
                        e.dose(), e.rule().source(), adviceEvidence[slot]));
            }
        }
        List<Question> questions = new ArrayList<>(asks.length);
        boolean provisional = false;
        for (Ask q : asks) {
            if (q != null) {
                provisional |= q.redFlag();
                questions.add(kb.question(q.subject(), q.redFlag(), q.couldLeadTo()));
            }
        }
        return new Assessment(disposition, provisional, redFlags, recommendations, questions, kb.content.version());
    }

    @SuppressWarnings("unchecked")
    private static List<Evidence>[] evidenceSlots(int rules) {
        return (List<Evidence>[]) new List<?>[rules];
    }

    private static List<Evidence> join(List<Evidence> before, List<Evidence> evidence) {
        return before == null ? evidence : Facts.merge(before, evidence);
    }

    /** Two rules may ask the same thing for different reasons: keep the more consequential. */
    private static Ask stronger(Ask a, Ask b) {
        return Ask.of(a.subject(), a.redFlag() || b.redFlag(), Disposition.mostUrgent(a.couldLeadTo(), b.couldLeadTo()));
    }
}
