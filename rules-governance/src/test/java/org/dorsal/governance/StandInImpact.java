package org.dorsal.governance;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.State;
import org.dorsal.Thresholds;
import org.dorsal.testkit.RandomIntakes;

/**
 * Makes an impact report of other Dorsal jars (before) against this build's content (after), over
 * the testkit's {@link RandomIntakes} as a stand-in population. {@code docs/impact/make-1.0.0-vs-1.1.0}
 * runs it; it stays in test scope until {@code ./dorsal synth | ./dorsal impact} can do the same.
 * It also checks, on every intake, what the content changelog claims of that change, and prints the
 * counts ({@code docs/impact/README.md} quotes them).
 *
 * <pre>
 * java -cp ... org.dorsal.governance.StandInImpact --before-jars CORE.jar:CONTENT.jar --count 100000 --seed 1 --out DIR
 * </pre>
 */
public final class StandInImpact {
    private StandInImpact() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> jars = List.of();
        long count = 100_000;
        long seed = 1;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--before-jars" -> jars = Arrays.stream(args[i + 1].split(File.pathSeparator)).map(Path::of).toList();
                case "--count" -> count = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (jars.isEmpty() || out == null || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: --before-jars CORE.jar:CONTENT.jar [--count N] [--seed S] --out DIR");
        }
        Thresholds thresholds = Thresholds.defaults();
        Engine before = EngineConfig.jars(thresholds, jars).open();
        Dorsal host = Dorsal.builder().thresholds(thresholds).build();
        Engine after = EngineConfig.of(host);
        System.err.println("before: " + before.describe() + "; after: " + after.describe());

        long start = System.nanoTime();
        Checks checks = new Checks(host);
        ImpactTally tally = tally(before, after, RandomIntakes.seeded(seed, thresholds), count, checks);
        System.err.printf("assessed %d intakes twice in %.1f s%n", tally.intakes(), (System.nanoTime() - start) / 1e9);
        checks.print();

        String population = String.format(Locale.ROOT, "synthetic stand-in: %,d intakes from the testkit's"
                + " RandomIntakes, seed %d (a test generator that favours red flags and threshold edges, not a clinical"
                + " case mix)", count, seed);
        start = System.nanoTime();
        ImpactReport.of(tally, before, after, population).write(out);
        System.err.printf("report with shrunk examples in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, out);
    }

    /**
     * What the content changelog claims of 1.0.0 → 1.1.0, checked on every intake rather than on the
     * report's few examples: a fully known intake keeps its disposition and rule IDs, and an intake
     * that stops being provisional has a red flag standing and only moot red-flag questions left
     * (answering any of them either way changes neither the disposition nor the rule IDs).
     */
    private static final class Checks {
        private final Set<Finding> redFlagFindings;
        private final LongAdder fullyKnown = new LongAdder();
        private final LongAdder fullyKnownChanged = new LongAdder();
        private final LongAdder noLongerProvisional = new LongAdder();
        private final LongAdder withoutRedFlag = new LongAdder();
        private final LongAdder openRedFlagAnswers = new LongAdder();
        private final LongAdder answersThatMatter = new LongAdder();

        Checks(Dorsal host) {
            this.redFlagFindings = host.redFlagFindings().keySet();
        }

        void add(Intake intake, Comparison c, Engine after) {
            boolean known = Arrays.stream(Finding.values()).noneMatch(f -> intake.state(f) == State.UNKNOWN)
                    && intake.hoursSinceOnset().isPresent() && intake.selfCareDays().isPresent();
            if (known) {
                fullyKnown.increment();
                if (c.dispositionChanged() || !c.before().ruleIds().equals(c.after().ruleIds())) {
                    fullyKnownChanged.increment();
                }
            }
            if (!(c.before().provisional() && !c.after().provisional())) {
                return;
            }
            noLongerProvisional.increment();
            if (c.after().ruleIds().stream().noneMatch(id -> id.startsWith("RF-"))) {
                withoutRedFlag.increment();
            }
            for (Finding f : redFlagFindings) {
                if (intake.state(f) != State.UNKNOWN) {
                    continue;
                }
                for (State answer : List.of(State.PRESENT, State.ABSENT)) {
                    openRedFlagAnswers.increment();
                    Outcome o = after.assess(intake.toBuilder().answer(f, answer).build());
                    if (o.disposition() != c.after().disposition() || !o.ruleIds().equals(c.after().ruleIds())) {
                        answersThatMatter.increment();
                    }
                }
            }
        }

        void print() {
            System.err.printf("fully known intakes: %d, with another disposition or other rule IDs: %d%n",
                    fullyKnown.sum(), fullyKnownChanged.sum());
            System.err.printf("no longer provisional: %d, of which without a red flag standing: %d;"
                    + " open red-flag questions answered either way: %d, answers that change the disposition or"
                    + " rule IDs: %d%n", noLongerProvisional.sum(), withoutRedFlag.sum(), openRedFlagAnswers.sum(),
                    answersThatMatter.sum());
        }
    }

    /** Two workers, each its own tally over a contiguous half, merged: the same counts as one pass. */
    private static ImpactTally tally(Engine before, Engine after, RandomIntakes intakes, long count, Checks checks)
            throws Exception {
        int workers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<ImpactTally>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long from = count * w / workers;
                long to = count * (w + 1) / workers;
                parts.add(pool.submit(() -> {
                    ImpactTally part = new ImpactTally();
                    for (long i = from; i < to; i++) {
                        Intake intake = intakes.get(i);
                        Comparison comparison = Comparison.of(before, after, intake);
                        part.add(i, intake, comparison);
                        checks.add(intake, comparison, after);
                    }
                    return part;
                }));
            }
            ImpactTally tally = new ImpactTally();
            for (Future<ImpactTally> part : parts) {
                tally.merge(part.get());
            }
            return tally;
        } finally {
            pool.shutdown();
        }
    }
}
