package org.dorsal.bench;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Interview;
import org.dorsal.Quantity;
import org.dorsal.Thresholds;
import org.dorsal.oracle.Oracle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per call on the {@link Mix}, as a distribution (median and tail), through the facade and
 * through the {@link Oracle}, the lower bound: a one-shot assessment, JSON in to JSON out, and a
 * whole interview answered answer by answer with the assessment read after every answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssessBenchmark {
    Dorsal dorsal;
    Oracle plain;
    Mix.Item[] mix;

    /** Each thread walks the mix from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup
        public void start() {
            next = (int) (Thread.currentThread().getId() * 389) & (Mix.SIZE - 1);
        }

        Mix.Item next(Mix.Item[] mix) {
            Mix.Item item = mix[next];
            next = (next + 1) & (Mix.SIZE - 1);
            return item;
        }
    }

    @Setup
    public void setUp() {
        dorsal = Dorsal.builder().build();
        plain = Oracle.of(Thresholds.defaults());
        mix = Mix.weighted().toArray(new Mix.Item[0]);
        // Both sides must say the same for the comparison to mean anything.
        for (Mix.Item i : mix) {
            if (!dorsal.assess(i.intake()).equals(plain.assess(i.intake()))) {
                throw new IllegalStateException("the facade and the oracle disagree on " + i.file());
            }
        }
    }

    @Benchmark
    public Assessment assessFacade(Cursor c) {
        return dorsal.assess(c.next(mix).intake());
    }

    @Benchmark
    public Assessment assessPlain(Cursor c) {
        return plain.assess(c.next(mix).intake());
    }

    @Benchmark
    public String jsonFacade(Cursor c) {
        return DorsalJson.writeAssessment(dorsal.assess(DorsalJson.readIntake(c.next(mix).json())));
    }

    @Benchmark
    public String jsonPlain(Cursor c) {
        return DorsalJson.writeAssessment(plain.assess(DorsalJson.readIntake(c.next(mix).json())));
    }

    /** A conversation: one answer at a time, the assessment read after each. */
    @Benchmark
    public Assessment interviewFacade(Cursor c) {
        Intake target = c.next(mix).intake();
        Assessment a = null;
        try (Interview interview = dorsal.newInterview()) {
            for (Map.Entry<Finding, org.dorsal.State> answer : target.findings().entrySet()) {
                a = interview.answer(answer.getKey(), answer.getValue()).assessment();
            }
            for (Quantity q : Quantity.values()) {
                OptionalInt v = target.quantity(q);
                if (v.isPresent()) {
                    a = interview.quantity(q, v).assessment();
                }
            }
        }
        return a;
    }

    /** The same conversation, each step assessed afresh by the oracle. */
    @Benchmark
    public Assessment interviewPlain(Cursor c) {
        Intake target = c.next(mix).intake();
        Intake.Builder b = Intake.builder();
        Assessment a = null;
        for (Map.Entry<Finding, org.dorsal.State> answer : target.findings().entrySet()) {
            a = plain.assess(b.answer(answer.getKey(), answer.getValue()).build());
        }
        for (Quantity q : Quantity.values()) {
            OptionalInt v = target.quantity(q);
            if (v.isPresent()) {
                a = plain.assess(b.quantity(q, v).build());
            }
        }
        return a;
    }

    /** Answers per conversation in the mix, to turn time per interview into time per answer. */
    public static double answersPerInterview() {
        List<Mix.Item> items = Mix.weighted();
        long answers = 0;
        for (Mix.Item i : items) {
            answers += i.intake().findings().size();
            answers += i.intake().hoursSinceOnset().isPresent() ? 1 : 0;
            answers += i.intake().selfCareDays().isPresent() ? 1 : 0;
        }
        return (double) answers / items.size();
    }
}
