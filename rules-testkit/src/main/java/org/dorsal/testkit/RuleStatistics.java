package org.dorsal.testkit;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.dorsal.Assessment;
import org.dorsal.RuleInfo;
import org.dorsal.Trace;

/**
 * How often each rule took part in a run, counted once per assessment: evidence that a property
 * was exercised on inputs that reach each rule, not passed vacuously. Safe to record into from many
 * threads.
 *
 * <p>Two counts per rule, because firing is not deciding: a rule may fire and then lose its
 * conclusion to truth maintenance when a red flag turns up later in the same session (the trace
 * lists it anyway). <em>Fired</em> counts assessments whose {@link Trace} lists the rule;
 * <em>shown</em> counts those whose final assessment carries the rule ID (as a red flag or a
 * recommendation). A rule that gives advice is {@linkplain #neverReached reached} only when
 * shown; a helper rule (questions, phases) leaves no ID in an assessment, so fired is all there is.
 *
 * <pre>{@code
 * RuleStatistics stats = new RuleStatistics();
 * random.stream(10_000).map(dorsal::trace).forEach(stats::record);
 * System.out.println(stats.report(dorsal.rules()));
 * List<String> idle = stats.neverReached(dorsal.rules());   // should be empty
 * }</pre>
 */
public final class RuleStatistics {
    private final Map<String, LongAdder> fired = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> shown = new ConcurrentHashMap<>();
    private final LongAdder assessments = new LongAdder();

    /** Counts the rules a trace lists as fired and the rule IDs its assessment shows. */
    public void record(Trace trace) {
        assessments.increment();
        count(fired, new HashSet<>(trace.firedRules()));
        count(shown, idsOf(trace.assessment()));
    }

    /** Counts the rule IDs an assessment shows; without a trace nothing counts as fired. */
    public void record(Assessment assessment) {
        assessments.increment();
        count(shown, idsOf(assessment));
    }

    /** Adds another run's counts to these. */
    public void add(RuleStatistics other) {
        other.fired.forEach((id, n) -> fired.computeIfAbsent(id, k -> new LongAdder()).add(n.sum()));
        other.shown.forEach((id, n) -> shown.computeIfAbsent(id, k -> new LongAdder()).add(n.sum()));
        assessments.add(other.assessments.sum());
    }

    /** How many assessments were recorded. */
    public long assessments() {
        return assessments.sum();
    }

    /** In how many recorded assessments the rule fired (its conclusion may have been withdrawn later). */
    public long fired(String ruleId) {
        return sum(fired, ruleId);
    }

    /** In how many recorded assessments the rule ID appears as a red flag or a recommendation. */
    public long shown(String ruleId) {
        return sum(shown, ruleId);
    }

    /** Every rule ID seen, with the number of assessments it was shown in, or fired in if never shown. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        fired.keySet().forEach(id -> out.put(id, fired(id)));
        shown.keySet().forEach(id -> out.put(id, shown(id)));
        return out;
    }

    /** The IDs of those {@code rules} the run never reached: advice never shown, helpers never fired. */
    public List<String> neverReached(Collection<RuleInfo> rules) {
        return rules.stream().filter(r -> r.kind() != null ? shown(r.id()) == 0 : fired(r.id()) == 0)
                .map(RuleInfo::id).toList();
    }

    /** A table, one line per rule of {@code rules} (zeros included), then any other rule seen. */
    public String report(Collection<RuleInfo> rules) {
        Set<String> ids = new LinkedHashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        ids.addAll(new TreeMap<>(fired).keySet());
        ids.addAll(new TreeMap<>(shown).keySet());
        long total = Math.max(1, assessments());
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-32s %12s %12s %9s%n", "rule", "fired in", "shown in", "shown %"));
        for (String id : ids) {
            out.append(String.format("%-32s %12d %12d %8.3f%%%n", id, fired(id), shown(id), 100.0 * shown(id) / total));
        }
        out.append(String.format("%-32s %12d%n", "(assessments)", assessments()));
        return out.toString();
    }

    private static void count(Map<String, LongAdder> counts, Set<String> ids) {
        for (String id : ids) {
            counts.computeIfAbsent(id, k -> new LongAdder()).increment();
        }
    }

    private static long sum(Map<String, LongAdder> counts, String id) {
        LongAdder n = counts.get(id);
        return n == null ? 0 : n.sum();
    }

    private static Set<String> idsOf(Assessment a) {
        Set<String> ids = new HashSet<>();
        a.redFlags().forEach(r -> ids.add(r.id()));
        a.recommendations().forEach(r -> ids.add(r.id()));
        return ids;
    }
}
