package org.dorsal.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.dorsal.Evidence;
import org.dorsal.Finding;
import org.dorsal.Quantity;
import org.dorsal.State;

/** Helpers the rules call to describe what triggered them. */
public final class Facts {
    private static final Finding[] FINDINGS = Finding.values();
    /** Evidence of a finding's state never changes: one value per finding and state, built once. */
    private static final Evidence[][] STATED = new Evidence[FINDINGS.length][State.values().length];

    static {
        for (Finding f : FINDINGS) {
            for (State s : State.values()) {
                STATED[f.ordinal()][s.ordinal()] = Evidence.of(f, s);
            }
        }
    }

    private Facts() {
    }

    /**
     * The evidence for the given facts: {@link Answer}s, {@link Onset}, {@link SelfCare}, or
     * collections of them, in a fixed order (findings as declared, then quantities) so that the
     * same facts always give the same evidence whatever order they matched in.
     */
    public static List<Evidence> evidence(Object... facts) {
        // Each fact's place in that order is its rank: a finding's ordinal, then the quantities.
        // A rule cites a handful of facts, so an insertion sort on ranks is all the sorting needed.
        Evidence[] out = new Evidence[8];
        int[] rank = new int[8];
        int n = 0;
        for (Object f : facts) {
            if (f instanceof Collection<?> c) {
                for (Object x : c) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, 2 * n);
                        rank = Arrays.copyOf(rank, 2 * n);
                    }
                    n = add(out, rank, n, x);
                }
            } else {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                    rank = Arrays.copyOf(rank, 2 * n);
                }
                n = add(out, rank, n, f);
            }
        }
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(out[0]);
            case 2 -> List.of(out[0], out[1]);
            default -> List.of(Arrays.copyOf(out, n));
        };
    }

    /** Inserts the evidence of {@code fact} into the first {@code n} (sorted) slots; returns the new count. */
    private static int add(Evidence[] out, int[] rank, int n, Object fact) {
        Evidence e;
        int r;
        if (fact instanceof Answer a) {
            e = STATED[a.finding().ordinal()][a.state().ordinal()];
            r = a.finding().ordinal();
        } else if (fact instanceof Onset o) {
            e = Evidence.of(Quantity.HOURS_SINCE_ONSET, o.hours());
            r = FINDINGS.length + Quantity.HOURS_SINCE_ONSET.ordinal();
        } else if (fact instanceof SelfCare s) {
            e = Evidence.of(Quantity.SELF_CARE_DAYS, s.days());
            r = FINDINGS.length + Quantity.SELF_CARE_DAYS.ordinal();
        } else {
            throw new IllegalArgumentException("not a stated fact: " + fact);
        }
        int i = n;
        while (i > 0 && rank[i - 1] > r) {
            out[i] = out[i - 1];
            rank[i] = rank[i - 1];
            i--;
        }
        out[i] = e;
        rank[i] = r;
        return n + 1;
    }

    /**
     * The union of two evidence lists made by {@link #evidence}, in the same order: for a rule that
     * fired once per triggering finding, the evidence of all its firings.
     */
    public static List<Evidence> merge(List<Evidence> a, List<Evidence> b) {
        if (a.equals(b) || b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Evidence[] out = new Evidence[a.size() + b.size()];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.size() || j < b.size()) {
            int ra = i < a.size() ? rank(a.get(i)) : Integer.MAX_VALUE;
            int rb = j < b.size() ? rank(b.get(j)) : Integer.MAX_VALUE;
            if (ra <= rb) {
                out[n++] = a.get(i++);
                if (ra == rb) {
                    j++;   // the same fact, cited by both firings
                }
            } else {
                out[n++] = b.get(j++);
            }
        }
        return List.of(Arrays.copyOf(out, n));
    }

    private static int rank(Evidence e) {
        for (Quantity q : Quantity.values()) {
            if (q.field().equals(e.fact())) {
                return FINDINGS.length + q.ordinal();
            }
        }
        return Finding.valueOf(e.fact()).ordinal();
    }

    /** The order of facts in evidence and questions: findings as declared, then quantities. */
    public static List<String> order() {
        List<String> names = new ArrayList<>();
        for (Finding f : FINDINGS) {
            names.add(f.name());
        }
        for (Quantity q : Quantity.values()) {
            names.add(q.field());
        }
        return List.copyOf(names);
    }
}
