package org.dorsal.bench;

import java.util.concurrent.TimeUnit;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Assessments per second on the {@link Mix} with one and two threads sharing one facade. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThroughputBenchmark {
    Dorsal dorsal;
    Oracle plain;
    Mix.Item[] mix;

    @Setup
    public void setUp() {
        dorsal = Dorsal.builder().build();
        plain = Oracle.of(Thresholds.defaults());
        mix = Mix.weighted().toArray(new Mix.Item[0]);
    }

    @Benchmark
    @Threads(1)
    public Assessment facade1Thread(AssessBenchmark.Cursor c) {
        return dorsal.assess(c.next(mix).intake());
    }

    @Benchmark
    @Threads(2)
    public Assessment facade2Threads(AssessBenchmark.Cursor c) {
        return dorsal.assess(c.next(mix).intake());
    }

    @Benchmark
    @Threads(1)
    public Assessment plain1Thread(AssessBenchmark.Cursor c) {
        return plain.assess(c.next(mix).intake());
    }

    @Benchmark
    @Threads(2)
    public Assessment plain2Threads(AssessBenchmark.Cursor c) {
        return plain.assess(c.next(mix).intake());
    }
}
