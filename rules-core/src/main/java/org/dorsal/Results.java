package org.dorsal;

import java.util.Arrays;
import java.util.List;
import org.dorsal.kb.Advice;
import org.dorsal.kb.Ask;
import org.dorsal.kb.Facts;
import org.dorsal.kb.Flag;

/**
 * Turns the facts left in a session after the rules have fired into an {@link Assessment}. Every
 * list is sorted by a fixed key, so the same answers give an equal assessment whatever order the
 * facts were inserted or the rules fired in.
 *
 * <p>This runs on every assessment, so what can be is worked out once, in {@link KnowledgeBase}:
 * each rule's rank in the specification and each possible {@link Question}. The keys are
 * <ul>
 *   <li>red flags: most urgent first, then the order of the specification;</li>
 *   <li>recommendations: by {@link Kind}, then the order of the specification;</li>
 *   <li>questions: by what an answer could lead to, red-flag questions first, then fact order.</li>
 * </ul>
 * A handful of items per list: an insertion sort on int keys, with no comparator or boxing.
 */
final class Results {
    private final KnowledgeBase kb;

    Results(KnowledgeBase kb) {
        this.kb = kb;
    }

    Assessment read(Iterable<?> facts) {
        Disposition disposition = Disposition.SELF_CARE;
        // By rule rank: a rule with several triggering findings leaves one fact per finding, and
        // says it once, with the evidence of all of them.
        List<Evidence>[] flagged = evidenceByRule();
        List<Evidence>[] advised = evidenceByRule();
        Disposition[] demanded = new Disposition[kb.outputRuleCount()];
        Disposition[] referred = new Disposition[kb.outputRuleCount()];
        // By the rank of their subject: two rules may ask the same thing for different reasons,
        // and the more consequential one is kept.
        Ask[] asks = new Ask[kb.factCount()];
        for (Object fact : facts) {
            if (fact instanceof Flag f) {
                disposition = Disposition.mostUrgent(disposition, f.disposition());
                int rank = kb.entry(f.id()).rank();
                demanded[rank] = f.disposition();
                join(flagged, rank, f.evidence());
            } else if (fact instanceof Advice a) {
                if (a.disposition() != null) {
                    disposition = Disposition.mostUrgent(disposition, a.disposition());
                }
                int rank = kb.entry(a.id()).rank();
                referred[rank] = a.disposition();
                join(advised, rank, a.evidence());
            } else if (fact instanceof Ask q) {
                int rank = kb.factRank(q.subject());
                Ask before = asks[rank];
                asks[rank] = before == null ? q : stronger(before, q);
            }
        }
        Sorted<RedFlag> redFlags = new Sorted<>(new RedFlag[4]);
        Sorted<Recommendation> recommendations = new Sorted<>(new Recommendation[16]);
        for (int rank = 0; rank < flagged.length; rank++) {
            if (flagged[rank] != null) {
                KnowledgeBase.Entry e = kb.entry(rank);
                Disposition d = demanded[rank];
                redFlags.add(d.ordinal() << 8 | rank,
                        new RedFlag(e.rule().id(), d, e.reason(), e.rule().source(), flagged[rank]));
                recommendations.add(e.rule().kind().ordinal() << 8 | rank, recommendation(e, d, flagged[rank]));
            }
            if (advised[rank] != null) {
                KnowledgeBase.Entry e = kb.entry(rank);
                recommendations.add(e.rule().kind().ordinal() << 8 | rank, recommendation(e, referred[rank], advised[rank]));
            }
        }
        Sorted<Question> questions = new Sorted<>(new Question[asks.length]);
        boolean provisional = false;
        for (int rank = 0; rank < asks.length; rank++) {
            Ask q = asks[rank];
            if (q != null) {
                provisional |= q.redFlag();
                questions.add(q.couldLeadTo().ordinal() << 16 | (q.redFlag() ? 0 : 1) << 8 | rank,
                        kb.question(rank, q.redFlag(), q.couldLeadTo()));
            }
        }
        return new Assessment(disposition, provisional, redFlags.list(), recommendations.list(), questions.list(),
                kb.contentVersion);
    }

    @SuppressWarnings("unchecked")
    private List<Evidence>[] evidenceByRule() {
        return (List<Evidence>[]) new List<?>[kb.outputRuleCount()];
    }

    private static void join(List<Evidence>[] byRule, int rank, List<Evidence> evidence) {
        List<Evidence> before = byRule[rank];
        byRule[rank] = before == null ? evidence : Facts.merge(before, evidence);
    }

    private static Recommendation recommendation(KnowledgeBase.Entry e, Disposition demands, List<Evidence> evidence) {
        return new Recommendation(e.rule().id(), e.rule().kind(), demands, e.text(), e.dose(), e.rule().source(), evidence);
    }

    /** Two rules may ask the same thing for different reasons: keep the more consequential. */
    private static Ask stronger(Ask a, Ask b) {
        Disposition level = Disposition.mostUrgent(a.couldLeadTo(), b.couldLeadTo());
        return new Ask(a.subject(), a.redFlag() || b.redFlag(), level);
    }

    /** A few items kept in order of an int key as they are added (insertion sort). */
    private static final class Sorted<T> {
        private T[] items;
        private int[] keys;
        private int size;

        Sorted(T[] items) {
            this.items = items;
            this.keys = new int[items.length];
        }

        void add(int key, T item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
                keys = Arrays.copyOf(keys, 2 * size);
            }
            int i = size++;
            while (i > 0 && keys[i - 1] > key) {
                items[i] = items[i - 1];
                keys[i] = keys[i - 1];
                i--;
            }
            items[i] = item;
            keys[i] = key;
        }

        List<T> list() {
            return List.of(Arrays.copyOf(items, size));
        }
    }
}
