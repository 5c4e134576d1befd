package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.RuleInfo;
import org.dorsal.Trace;

/**
 * Runs invariants over many intakes: assesses each (tracing the rules that fire), checks every
 * invariant, optionally checks monotonicity against each single-answer change, counts rule
 * firings, and on the first failure shrinks the intake and reports it as intake JSON. No test
 * framework needed: {@link Result#assertPassed()} throws a plain {@link AssertionError}.
 *
 * <pre>{@code
 * Dorsal dorsal = Dorsal.builder().build();
 * PropertyCheck.Result result = PropertyCheck.of(dorsal)
 *         .run(RandomIntakes.seeded(42, dorsal.thresholds()), 100_000);
 * System.out.println(result.report());   // per-rule firing counts
 * result.assertPassed();                 // on failure: seed, index, violations, shrunk intake JSON
 * result.assertEveryRuleReached(dorsal); // no rule left unexercised
 * }</pre>
 *
 * <p>Instances are immutable; the configuring methods return new ones.
 */
public final class PropertyCheck {
    /** Sees every assessment of a run, e.g. to keep dispositions for later comparison. Called from many threads. */
    @FunctionalInterface
    public interface Observer {
        void assessed(long index, Intake intake, Assessment assessment);
    }

    private final Dorsal dorsal;
    private final List<Invariant> invariants;
    private final boolean monotonic;
    private final boolean shrinking;
    private final boolean parallel;
    private final Observer observer;

    private PropertyCheck(Dorsal dorsal, List<Invariant> invariants, boolean monotonic, boolean shrinking,
                          boolean parallel, Observer observer) {
        this.dorsal = dorsal;
        this.invariants = List.copyOf(invariants);
        this.monotonic = monotonic;
        this.shrinking = shrinking;
        this.parallel = parallel;
        this.observer = observer;
    }

    /** Checks the specification's invariants ({@link SpecInvariants#all}) on {@code dorsal}, in parallel, shrinking failures. */
    public static PropertyCheck of(Dorsal dorsal) {
        return new PropertyCheck(Objects.requireNonNull(dorsal, "dorsal"), SpecInvariants.all(dorsal), false, true, true, null);
    }

    /** Checks exactly these invariants instead. */
    public PropertyCheck invariants(Collection<Invariant> replacement) {
        return new PropertyCheck(dorsal, List.copyOf(replacement), monotonic, shrinking, parallel, observer);
    }

    /** Checks these invariants as well. */
    public PropertyCheck and(Invariant... more) {
        List<Invariant> all = new ArrayList<>(invariants);
        all.addAll(List.of(more));
        return invariants(all);
    }

    /**
     * Also checks invariant 5 for each intake against each of its
     * {@link SpecInvariants#answerChanges single-answer changes}: some 20 to 40 more assessments per intake.
     */
    public PropertyCheck withMonotonicity() {
        return new PropertyCheck(dorsal, invariants, true, shrinking, parallel, observer);
    }

    /** Whether to shrink a failing intake (default: yes). */
    public PropertyCheck shrinking(boolean shrink) {
        return new PropertyCheck(dorsal, invariants, monotonic, shrink, parallel, observer);
    }

    /** Whether to spread the intakes over the common fork-join pool (default: yes). */
    public PropertyCheck parallel(boolean inParallel) {
        return new PropertyCheck(dorsal, invariants, monotonic, shrinking, inParallel, observer);
    }

    /** Shows every assessment to {@code observer} as well. */
    public PropertyCheck observe(Observer o) {
        return new PropertyCheck(dorsal, invariants, monotonic, shrinking, parallel, Objects.requireNonNull(o, "observer"));
    }

    /** Checks intakes 0 to {@code count − 1} of {@code random}; a failure report names the seed. */
    public Result run(RandomIntakes random, long count) {
        return run("seed " + random.seed(), count, random::get);
    }

    /** Checks every intake of {@code space}. */
    public Result run(IntakeSpace space) {
        return run("exhaustive space of " + space.size(), space.size(), space::get);
    }

    /**
     * Checks {@code intakes.apply(0)} to {@code intakes.apply(count − 1)}; stops early on a failure
     * and reports the one with the lowest index found.
     *
     * @param label says how to reproduce the run (a seed, a space), repeated in any failure report
     */
    public Result run(String label, long count, LongFunction<Intake> intakes) {
        RuleStatistics stats = new RuleStatistics();
        LongAdder checked = new LongAdder();
        LongAdder pairs = new LongAdder();
        AtomicReference<Failure> failure = new AtomicReference<>();
        LongStream indices = LongStream.range(0, count);
        (parallel ? indices.parallel() : indices).forEach(i -> {
            Failure seen = failure.get();
            if (seen != null && seen.index() < i) {
                return;
            }
            Intake intake = intakes.apply(i);
            List<Violation> violations;
            try {
                Trace trace = dorsal.trace(intake);
                stats.record(trace);
                if (observer != null) {
                    observer.assessed(i, intake, trace.assessment());
                }
                violations = violations(intake, trace.assessment(), pairs);
            } catch (RuntimeException e) {
                violations = List.of(crash(e));
            }
            checked.increment();
            if (!violations.isEmpty()) {
                Failure f = new Failure(i, intake, violations, null, List.of());
                failure.accumulateAndGet(f, (a, b) -> a == null || b.index() < a.index() ? b : a);
            }
        });
        Failure f = failure.get();
        if (f != null && shrinking) {
            f = shrink(f);
        }
        return new Result(label, checked.sum(), pairs.sum(), stats, Optional.ofNullable(f));
    }

    /** Every violation of the configured invariants on {@code intake}. */
    public List<Violation> check(Intake intake) {
        try {
            return violations(intake, dorsal.assess(intake), new LongAdder());
        } catch (RuntimeException e) {
            return List.of(crash(e));
        }
    }

    /** An assessment that throws gives no disposition at all: reported, with seed and shrunk intake, like any other failure. */
    private static Violation crash(RuntimeException e) {
        return new Violation("§8.1 one disposition", "the assessment threw " + e);
    }

    private List<Violation> violations(Intake intake, Assessment a, LongAdder pairs) {
        List<Violation> out = new ArrayList<>();
        for (Invariant inv : invariants) {
            inv.violation(intake, a).ifPresent(out::add);
        }
        if (monotonic) {
            PairInvariant m = SpecInvariants.monotonic();
            for (Intake changed : SpecInvariants.answerChanges(intake, dorsal.thresholds())) {
                pairs.increment();
                m.check(intake, a, changed, dorsal.assess(changed))
                        .ifPresent(d -> out.add(new Violation(m.name(), d + "; after: " + DorsalJson.writeIntake(changed))));
            }
        }
        return out;
    }

    private Failure shrink(Failure f) {
        Set<String> names = f.violations().stream().map(Violation::invariant).collect(Collectors.toSet());
        Intake shrunk = Shrinker.of(dorsal.thresholds()).shrink(f.intake(),
                candidate -> check(candidate).stream().anyMatch(v -> names.contains(v.invariant())));
        return new Failure(f.index(), f.intake(), f.violations(), shrunk, check(shrunk));
    }

    /**
     * The first failure of a run.
     *
     * @param index the failing intake's index in the run
     * @param intake the failing intake
     * @param violations what failed on it
     * @param shrunk the minimal intake that still fails the same way, or {@code null} when not shrunk
     * @param shrunkViolations what fails on the shrunk intake
     */
    public record Failure(long index, Intake intake, List<Violation> violations, Intake shrunk,
                          List<Violation> shrunkViolations) {
        public Failure {
            violations = List.copyOf(violations);
            shrunkViolations = List.copyOf(shrunkViolations);
        }

        /** The intake to save as a case file: the shrunk one if there is one. */
        public Intake minimal() {
            return shrunk == null ? intake : shrunk;
        }
    }

    /**
     * What a run found.
     *
     * @param label how to reproduce the run (a seed, a space)
     * @param checked how many intakes were assessed and checked
     * @param pairs how many single-answer changes were compared for monotonicity
     * @param statistics how often each rule fired
     * @param failure the first failure, if any
     */
    public record Result(String label, long checked, long pairs, RuleStatistics statistics, Optional<Failure> failure) {

        public boolean passed() {
            return failure.isEmpty();
        }

        /** @throws AssertionError with the label, the failing index, the violations and the shrunk intake as JSON */
        public Result assertPassed() {
            failure.ifPresent(f -> {
                throw new AssertionError(describe(f));
            });
            return this;
        }

        /**
         * @throws AssertionError naming the rules of {@code dorsal}'s knowledge base this run never
         *                        {@linkplain RuleStatistics#neverReached reached}
         */
        public Result assertEveryRuleReached(Dorsal dorsal) {
            return assertEveryRuleReached(dorsal.rules());
        }

        /** @throws AssertionError naming those of {@code rules} this run never reached */
        public Result assertEveryRuleReached(Collection<RuleInfo> rules) {
            List<String> idle = statistics.neverReached(rules);
            if (!idle.isEmpty()) {
                throw new AssertionError("[" + label + "] these rules were never reached in " + checked
                        + " assessments, so the run proves nothing about them: " + idle);
            }
            return this;
        }

        /** One line of totals, then the per-rule table of {@link RuleStatistics#report}. */
        public String report(Collection<RuleInfo> rules) {
            return "[" + label + "] " + checked + " intakes checked" + (pairs > 0 ? ", " + pairs + " monotonicity pairs" : "")
                    + (passed() ? ", all invariants hold" : ", FAILED") + System.lineSeparator() + statistics.report(rules);
        }

        /** {@link #report(Collection)} over the rules of {@code dorsal}'s knowledge base. */
        public String report(Dorsal dorsal) {
            return report(dorsal.rules());
        }

        private String describe(Failure f) {
            String nl = System.lineSeparator();
            StringBuilder s = new StringBuilder();
            s.append("[").append(label).append("] property failed at intake #").append(f.index()).append(nl);
            f.violations().forEach(v -> s.append("  ").append(v).append(nl));
            s.append("intake:").append(nl).append(DorsalJson.writeIntake(f.intake())).append(nl);
            if (f.shrunk() != null) {
                s.append("shrunk to (save it as a case file):").append(nl).append(DorsalJson.writeIntake(f.shrunk())).append(nl);
                f.shrunkViolations().forEach(v -> s.append("  ").append(v).append(nl));
            }
            return s.toString();
        }
    }
}
