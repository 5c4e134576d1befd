package org.dorsal.governance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dorsal.Disposition;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;

/**
 * Counts what a change does to a population: the disposition transition matrix, each rule ID's
 * fires before and after, provisional changes, and a few example intakes per kind of change.
 *
 * <p>Tallies merge, and a merge gives the same tally whatever the partitioning: examples are the
 * ones with the smallest keys (line numbers or synthetic indexes), not the first ones seen. So one
 * machine's threads, a Spark job's partitions and a service's requests all count the same way. A
 * tally is not thread-safe: give each thread its own and merge them, or guard it.
 */
public final class ImpactTally implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Examples kept per kind of change, before shrinking. */
    public static final int EXAMPLES_PER_KIND = 3;

    private static final int D = Disposition.values().length;

    private long intakes;
    private long badLines;
    private long agreements;
    private final long[][] transitions = new long[D][D];
    private final long[][] provisional = new long[2][2];
    private final TreeMap<String, Long> firesBefore = new TreeMap<>();
    private final TreeMap<String, Long> firesAfter = new TreeMap<>();
    private final TreeMap<String, Long> kinds = new TreeMap<>();
    private final TreeMap<String, ArrayList<Example>> examples = new TreeMap<>();

    /**
     * An intake that shows a kind of change.
     *
     * @param key its line number or index in the population, which orders examples
     * @param intakeJson the intake, in the JSON contract
     */
    public record Example(long key, String intakeJson) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Counts one intake both configurations assessed. */
    public void add(long key, Intake intake, Comparison comparison) {
        intakes++;
        if (comparison.agrees()) {
            agreements++;
        }
        transitions[comparison.before().disposition().ordinal()][comparison.after().disposition().ordinal()]++;
        provisional[comparison.before().provisional() ? 1 : 0][comparison.after().provisional() ? 1 : 0]++;
        comparison.before().ruleIds().forEach(id -> firesBefore.merge(id, 1L, Long::sum));
        comparison.after().ruleIds().forEach(id -> firesAfter.merge(id, 1L, Long::sum));
        String json = null;
        for (String kind : comparison.kinds()) {
            kinds.merge(kind, 1L, Long::sum);
            List<Example> kept = examples.computeIfAbsent(kind, k -> new ArrayList<>());
            if (kept.size() < EXAMPLES_PER_KIND || key < kept.get(kept.size() - 1).key()) {
                if (json == null) {
                    json = DorsalJson.writeIntake(intake);
                }
                keep(kind, new Example(key, json));
            }
        }
    }

    /** Counts an input line that was refused, so that no bad line goes unnoticed. */
    public void addBadLine() {
        badLines++;
    }

    /** Adds everything {@code other} counted to this tally and returns this one. */
    public ImpactTally merge(ImpactTally other) {
        intakes += other.intakes;
        badLines += other.badLines;
        agreements += other.agreements;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                transitions[i][j] += other.transitions[i][j];
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                provisional[i][j] += other.provisional[i][j];
            }
        }
        other.firesBefore.forEach((id, n) -> firesBefore.merge(id, n, Long::sum));
        other.firesAfter.forEach((id, n) -> firesAfter.merge(id, n, Long::sum));
        other.kinds.forEach((kind, n) -> kinds.merge(kind, n, Long::sum));
        other.examples.forEach((kind, list) -> list.forEach(e -> keep(kind, e)));
        return this;
    }

    private void keep(String kind, Example example) {
        ArrayList<Example> kept = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (kept.stream().anyMatch(e -> e.key() == example.key())) {
            return;
        }
        kept.add(example);
        kept.sort(Comparator.comparingLong(Example::key));
        while (kept.size() > EXAMPLES_PER_KIND) {
            kept.remove(kept.size() - 1);
        }
    }

    /** Intakes both configurations assessed. */
    public long intakes() {
        return intakes;
    }

    /** Input lines refused. */
    public long badLines() {
        return badLines;
    }

    /** Intakes on which both agree on disposition, provisional and every rule ID. */
    public long agreements() {
        return agreements;
    }

    /** Intakes assessed with {@code from} before and {@code to} after. */
    public long transitions(Disposition from, Disposition to) {
        return transitions[from.ordinal()][to.ordinal()];
    }

    /** Intakes provisional {@code before} and provisional {@code after}. */
    public long provisional(boolean before, boolean after) {
        return provisional[before ? 1 : 0][after ? 1 : 0];
    }

    /** Intakes on which each rule ID fired, before the change. */
    public SortedMap<String, Long> firesBefore() {
        return Collections.unmodifiableSortedMap(firesBefore);
    }

    /** Intakes on which each rule ID fired, after the change. */
    public SortedMap<String, Long> firesAfter() {
        return Collections.unmodifiableSortedMap(firesAfter);
    }

    /** Intakes per kind of change (see {@link Comparison#kinds()}). */
    public SortedMap<String, Long> kinds() {
        return Collections.unmodifiableSortedMap(kinds);
    }

    /** Up to {@link #EXAMPLES_PER_KIND} intakes per kind of change, smallest key first. */
    public Map<String, List<Example>> examples() {
        TreeMap<String, List<Example>> copy = new TreeMap<>();
        examples.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
