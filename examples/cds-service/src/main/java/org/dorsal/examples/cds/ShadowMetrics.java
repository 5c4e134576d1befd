package org.dorsal.examples.cds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Collection;
import org.dorsal.governance.Comparison;
import org.dorsal.governance.Engine;

/**
 * What shadow mode counts. Every tag value is a disposition, {@code true}/{@code false} or a rule
 * ID of one of the two knowledge bases, so the number of series is bounded by the content, never by
 * the traffic: nothing about a request or a patient can become a label.
 */
final class ShadowMetrics {
    static final String COMPARISONS = "dorsal.shadow.comparisons";
    static final String DISAGREEMENTS = "dorsal.shadow.disagreements";
    static final String RULE_CHANGES = "dorsal.shadow.rule.changes";
    static final String PROVISIONAL_CHANGES = "dorsal.shadow.provisional.changes";
    static final String DROPPED = "dorsal.shadow.dropped";
    static final String ERRORS = "dorsal.shadow.errors";
    static final String QUEUE = "dorsal.shadow.queue.size";
    /**
     * Far above any content's rule count (41 today): a candidate that somehow named more rules
     * stops adding series rather than growing the scrape without end. Micrometer wants filters in
     * place before the first meter, so the server sets this one on a new registry.
     */
    static final MeterFilter RULE_TAG_LIMIT = MeterFilter.maximumAllowableTags(RULE_CHANGES, "rule", 500, MeterFilter.deny());

    private final MeterRegistry registry;
    private final Counter agree;
    private final Counter disagree;
    private final Counter dropped;
    private final Counter errors;

    /** Registers the counters at zero, so a dashboard sees shadow mode on before the first request. */
    ShadowMetrics(MeterRegistry registry, Engine candidate, Collection<?> queue) {
        this.registry = registry;
        this.agree = comparisons(registry, "agree");
        this.disagree = comparisons(registry, "disagree");
        this.dropped = Counter.builder(DROPPED)
                .description("Live assessments not compared because the shadow queue was full")
                .register(registry);
        this.errors = Counter.builder(ERRORS)
                .description("Live assessments not compared because the candidate failed")
                .register(registry);
        Gauge.builder(QUEUE, queue, Collection::size)
                .description("Live assessments waiting for the candidate")
                .register(registry);
        Assessor.engineInfo(registry, "shadow", candidate.contentVersion(), candidate.thresholds());
    }

    private static Counter comparisons(MeterRegistry registry, String result) {
        return Counter.builder(COMPARISONS).tag("result", result)
                .description("Live assessments the candidate assessed too, by whether it agreed on disposition, provisional and every rule ID")
                .register(registry);
    }

    void count(Comparison c) {
        if (c.agrees()) {
            agree.increment();
            return;
        }
        disagree.increment();
        Counter.builder(DISAGREEMENTS)
                .tag("from", c.before().disposition().name()).tag("to", c.after().disposition().name())
                .description("Disagreements by disposition, live (from) to candidate (to); from = to when only rules or provisional differ")
                .register(registry).increment();
        if (c.provisionalChanged()) {
            Counter.builder(PROVISIONAL_CHANGES)
                    .tag("from", Boolean.toString(c.before().provisional())).tag("to", Boolean.toString(c.after().provisional()))
                    .description("Disagreements on whether the assessment is provisional, live (from) to candidate (to)")
                    .register(registry).increment();
        }
        c.added().forEach(id -> ruleChange(id, "added"));
        c.removed().forEach(id -> ruleChange(id, "removed"));
    }

    private void ruleChange(String ruleId, String change) {
        Counter.builder(RULE_CHANGES).tag("rule", ruleId).tag("change", change)
                .description("Rule IDs only the candidate fired (added) or only the live engine fired (removed)")
                .register(registry).increment();
    }

    void dropped() {
        dropped.increment();
    }

    void failed() {
        errors.increment();
    }
}
