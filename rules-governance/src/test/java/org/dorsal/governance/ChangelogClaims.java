package org.dorsal.governance;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * Checks, on every intake of a synthetic population rather than on a report's few examples, what
 * the content changelog claims of a change from other Dorsal jars (before) to this build's content
 * (after), and prints the counts ({@code docs/impact/README.md} quotes them). The report itself is
 * made by {@code ./dorsal impact}; {@code docs/impact/make-1.0.0-vs-1.1.0} runs both on the same
 * population ({@code ./dorsal synth} with the same count and seed).
 *
 * <pre>
 * java -cp ... org.dorsal.governance.ChangelogClaims --before-jars CORE.jar:CONTENT.jar --count 100000 --seed 1
 * </pre>
 */
public final class ChangelogClaims {
    private ChangelogClaims() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> jars = List.of();
        long count = 100_000;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--before-jars" -> jars = Arrays.stream(args[i + 1].split(File.pathSeparator)).map(Path::of).toList();
                case "--count" -> count = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (jars.isEmpty() || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: --before-jars CORE.jar:CONTENT.jar [--count N] [--seed S]");
        }
        Thresholds thresholds = Thresholds.defaults();
        Engine before = EngineConfig.jars(thresholds, jars).open();
        Dorsal host = Dorsal.builder().thresholds(thresholds).build();
        Engine after = EngineConfig.of(host);
        System.err.println("before: " + before.describe() + "; after: " + after.describe());

        long start = System.nanoTime();
        Checks checks = new Checks(host);
        long changed = check(before, after, SyntheticPopulation.seeded(seed), count, checks);
        System.err.printf("%s: %d intakes assessed twice in %.1f s, %d changed%n",
                SyntheticPopulation.seeded(seed).describe(count), count, (System.nanoTime() - start) / 1e9, changed);
        checks.print();
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

    /** Two workers, each over a contiguous half; returns how many intakes the two configurations disagree on. */
    private static long check(Engine before, Engine after, SyntheticPopulation population, long count, Checks checks)
            throws Exception {
        int workers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long from = count * w / workers;
                long to = count * (w + 1) / workers;
                parts.add(pool.submit(() -> {
                    long changed = 0;
                    for (long i = from; i < to; i++) {
                        Intake intake = population.get(i);
                        Comparison comparison = Comparison.of(before, after, intake);
                        if (!comparison.agrees()) {
                            changed++;
                        }
                        checks.add(intake, comparison, after);
                    }
                    return changed;
                }));
            }
            long changed = 0;
            for (Future<Long> part : parts) {
                changed += part.get();
            }
            return changed;
        } finally {
            pool.shutdown();
        }
    }
}
