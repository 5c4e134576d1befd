package org.dorsal.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.dorsal.Evidence;
import org.dorsal.Quantity;

/** Helpers the rules call to describe what triggered them. */
public final class Facts {
    private static final List<String> ORDER = order();

    private Facts() {
    }

    /**
     * The evidence for the given facts: {@link Answer}s, {@link Onset}, {@link SelfCare}, or
     * collections of them, in a fixed order (findings as declared, then quantities) so that the
     * same facts always give the same evidence whatever order they matched in.
     */
    public static List<Evidence> evidence(Object... facts) {
        List<Evidence> out = new ArrayList<>(facts.length);
        for (Object f : facts) {
            add(out, f);
        }
        out.sort(Comparator.comparingInt(e -> ORDER.indexOf(e.fact())));
        return List.copyOf(out);
    }

    private static void add(List<Evidence> out, Object fact) {
        if (fact instanceof Answer a) {
            out.add(Evidence.of(a.finding(), a.state()));
        } else if (fact instanceof Onset o) {
            out.add(Evidence.of(Quantity.HOURS_SINCE_ONSET, o.hours()));
        } else if (fact instanceof SelfCare s) {
            out.add(Evidence.of(Quantity.SELF_CARE_DAYS, s.days()));
        } else if (fact instanceof Collection<?> c) {
            c.forEach(x -> add(out, x));
        } else {
            throw new IllegalArgumentException("not a stated fact: " + fact);
        }
    }

    /** The order of facts in evidence and questions: findings as declared, then quantities. */
    public static List<String> order() {
        List<String> names = new ArrayList<>();
        for (org.dorsal.Finding f : org.dorsal.Finding.values()) {
            names.add(f.name());
        }
        for (Quantity q : Quantity.values()) {
            names.add(q.field());
        }
        return List.copyOf(names);
    }
}
