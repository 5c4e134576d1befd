package org.dorsal.kb;

import java.util.ArrayList;
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
        for (Object f : facts) {
            if (f instanceof Collection<?> c) {
                c.forEach(x -> put(slots, of(x)));
            } else {
                put(slots, of(f));
            }
        }
        return compact(slots);
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
        a.forEach(e -> put(slots, e));
        b.forEach(e -> put(slots, e));
        return compact(slots);
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

    private static void put(Evidence[] slots, Evidence e) {
        slots[e.subject().index()] = e;
    }

    private static List<Evidence> compact(Evidence[] slots) {
        List<Evidence> out = new ArrayList<>(4);
        for (Evidence e : slots) {
            if (e != null) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }
}
