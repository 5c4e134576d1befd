package org.dorsal.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dorsal.Disposition;

/**
 * What two configurations said about the same intake.
 *
 * @param before the outcome of the configuration in use
 * @param after the outcome of the candidate
 */
public record Comparison(Outcome before, Outcome after) {
    public Comparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Compares what both engines say about one intake. */
    public static Comparison of(Engine before, Engine after, org.dorsal.Intake intake) {
        return new Comparison(before.assess(intake), after.assess(intake));
    }

    /** True when the candidate sends the person to less urgent care: the change to look at first. */
    public boolean downgrade() {
        return before.disposition().isMoreUrgentThan(after.disposition());
    }

    public boolean dispositionChanged() {
        return before.disposition() != after.disposition();
    }

    public boolean provisionalChanged() {
        return before.provisional() != after.provisional();
    }

    /** Rule IDs only the candidate fired. */
    public SortedSet<String> added() {
        TreeSet<String> added = new TreeSet<>(after.ruleIds());
        added.removeAll(before.ruleIds());
        return added;
    }

    /** Rule IDs only the configuration in use fired. */
    public SortedSet<String> removed() {
        TreeSet<String> removed = new TreeSet<>(before.ruleIds());
        removed.removeAll(after.ruleIds());
        return removed;
    }

    /** True when the two agree on disposition, provisional and every rule ID. */
    public boolean agrees() {
        return !dispositionChanged() && !provisionalChanged() && before.ruleIds().equals(after.ruleIds());
    }

    /**
     * Each kind of change this intake shows, as a stable key: {@code disposition URGENT -> SELF_CARE},
     * {@code provisional true -> false}, {@code adds EX-CHIN-TUCK}, {@code drops PREV-LIFTING}.
     * Examples are collected and shrunk per kind.
     */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        if (dispositionChanged()) {
            kinds.add(dispositionKind(before.disposition(), after.disposition()));
        }
        if (provisionalChanged()) {
            kinds.add("provisional " + before.provisional() + " -> " + after.provisional());
        }
        added().forEach(id -> kinds.add("adds " + id));
        removed().forEach(id -> kinds.add("drops " + id));
        return kinds;
    }

    static String dispositionKind(Disposition from, Disposition to) {
        return "disposition " + from + " -> " + to;
    }
}
