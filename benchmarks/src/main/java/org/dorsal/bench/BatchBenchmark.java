package org.dorsal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.governance.Batch;
import org.dorsal.governance.SyntheticPopulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch assessment against the facade, on the same population: {@value #LINES} synthetic intakes
 * (seed 1) as an NDJSON file go through {@link Batch} (read, assessed, written as output lines to
 * nowhere) with one worker and with one per core; the facade's baselines assess the first
 * {@value #DISTINCT} intakes of the same population over and over, one-shot (intake in, assessment
 * out) and JSON in to JSON out, with one and two threads. The batch does the JSON baseline's work
 * and more (ids, line numbers, order), so that is its fair baseline; the one-shot one is the ceiling.
 *
 * <p>The facade's warm-up is longer than {@link ThroughputBenchmark}'s 8 s: over 65,536 different
 * intakes its throughput was still climbing after 4 iterations of 3 s and steady after about 6; the
 * batch warms up on a whole first run of a million lines.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BatchBenchmark {
    public static final long LINES = 1_000_000;
    static final int DISTINCT = 1 << 16;

    Dorsal dorsal;
    Path file;
    Intake[] intakes;
    byte[][] json;

    /** Each thread walks the intakes from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup
        public void start() {
            next = (int) (Thread.currentThread().getId() * 7919) & (DISTINCT - 1);
        }

        int next() {
            int i = next;
            next = (next + 1) & (DISTINCT - 1);
            return i;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dorsal = Dorsal.builder().build();
        SyntheticPopulation people = SyntheticPopulation.seeded(1);
        file = Files.createTempFile("dorsal-batch-", ".ndjson");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            people.write(LINES, w);
        }
        intakes = new Intake[DISTINCT];
        json = new byte[DISTINCT][];
        for (int i = 0; i < DISTINCT; i++) {
            intakes[i] = people.get(i);
            // The contract's input, compact as the batch lines are, without the id the contract lacks.
            json[i] = people.line(i).replaceFirst("^\\{\"id\":\"[^\"]+\",", "{").getBytes(StandardCharsets.UTF_8);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Batch.Summary batch1Thread() throws IOException {
        return run(1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Batch.Summary batchAllThreads() throws IOException {
        return run(Runtime.getRuntime().availableProcessors());
    }

    private Batch.Summary run(int threads) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Batch.Summary s = Batch.of(dorsal).threads(threads).run(in, OutputStream.nullOutputStream());
            if (s.lines() != LINES || s.refused() != 0) {
                throw new IllegalStateException("the batch did not assess every line: " + s);
            }
            return s;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 10, time = 3)
    @Measurement(iterations = 5, time = 2)
    @Threads(1)
    public Assessment facade1Thread(Cursor c) {
        return dorsal.assess(intakes[c.next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 10, time = 3)
    @Measurement(iterations = 5, time = 2)
    @Threads(2)
    public Assessment facade2Threads(Cursor c) {
        return dorsal.assess(intakes[c.next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 10, time = 3)
    @Measurement(iterations = 5, time = 2)
    @Threads(1)
    public String json1Thread(Cursor c) {
        return DorsalJson.writeAssessment(dorsal.assess(DorsalJson.readIntake(json[c.next()])));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 10, time = 3)
    @Measurement(iterations = 5, time = 2)
    @Threads(2)
    public String json2Threads(Cursor c) {
        return DorsalJson.writeAssessment(dorsal.assess(DorsalJson.readIntake(json[c.next()])));
    }
}
