package org.dorsal.kb;

import java.util.Collection;
import java.util.List;
import org.dorsal.Evidence;
import org.dorsal.Finding;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Subject;

/**
 * Helpers the rules call to describe what triggered them. Evidence is always listed in the order
 * of {@link Subject#all()} (findings as declared, then quantities), so that the same facts give
 * the same evidence whatever order they matched in.
 */
public final class Facts {
    private static final int SUBJECTS = Subject.all().size();
    /** Evidence of a finding's state never changes: one value per finding and state, built once. */
    private static final Evidence[][] STATED = new Evidence[Finding.values().length][State.values().length];

    static {
        for (Finding f : Finding.values()) {
            for (State s : State.values()) {
                STATED[f.ordinal()][s.ordinal()] = Evidence.of(f, s);
            }
        }
    }

    private Facts() {
    }

    /** The evidence for the given facts: {@link Answer}s, {@link Onset}, {@link SelfCare}, or collections of them. */
    public static List<Evidence> evidence(Object... facts) {
        // Each subject has one slot: filling the slots and reading them out in order sorts the evidence.
        Evidence[] slots = new Evidence[SUBJECTS];
        int n = 0;
        for (Object f : facts) {
            if (f instanceof Collection<?> c) {
                for (Object x : c) {
                    n += put(slots, of(x));
                }
            } else {
                n += put(slots, of(f));
            }
        }
        return compact(slots, n);
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
        Evidence[] slots = new Evidence[SUBJECTS];
        int n = 0;
        for (Evidence e : a) {
            n += put(slots, e);
        }
        for (Evidence e : b) {
            n += put(slots, e);
        }
        return compact(slots, n);
    }

    private static Evidence of(Object fact) {
        if (fact instanceof Answer a) {
            return STATED[a.finding().ordinal()][a.state().ordinal()];
        } else if (fact instanceof Onset o) {
            return Evidence.of(Quantity.HOURS_SINCE_ONSET, o.hours());
        } else if (fact instanceof SelfCare s) {
            return Evidence.of(Quantity.SELF_CARE_DAYS, s.days());
        }
        throw new IllegalArgumentException("not a stated fact: " + fact);
    }

    /** Puts {@code e} in its subject's slot; returns 1 when the slot was empty, so callers can count. */
    private static int put(Evidence[] slots, Evidence e) {
        int i = e.subject().index();
        int added = slots[i] == null ? 1 : 0;
        slots[i] = e;
        return added;
    }

    /** The {@code n} filled slots, in slot order. */
    private static List<Evidence> compact(Evidence[] slots, int n) {
        // Most rules cite one or two facts: List.of(a) and List.of(a, b) hold them in fields,
        // where List.of(array) would copy an array made for it.
        Evidence first = null;
        Evidence[] out = n > 2 ? new Evidence[n] : null;
        int k = 0;
        for (Evidence e : slots) {
            if (e == null) {
                continue;
            }
            if (out != null) {
                out[k++] = e;
            } else if (first == null) {
                first = e;
            } else {
                return List.of(first, e);
            }
        }
        if (out != null) {
            return List.of(out);
        }
        return first == null ? List.of() : List.of(first);
    }
}
