package org.dorsal.spark.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.governance.Batch;
import org.dorsal.governance.BatchReader;
import org.dorsal.governance.EngineConfig;
import org.dorsal.governance.SyntheticPopulation;
import org.dorsal.spark.DorsalSparkJob;
import org.dorsal.spark.PerJvm;

/**
 * Batch throughput per core, one measurement per JVM (run by {@code examples/spark/run-benchmark}):
 *
 * <ul>
 *   <li>{@code generate N FILE}: what {@code ./dorsal synth --count N --seed 1} writes;
 *   <li>{@code facade FILE}: {@code dorsal.assess} alone on one thread, the intakes read beforehand;
 *   <li>{@code batch FILE OUT}: the command line's batch ({@link Batch}) with {@code -Dworkers=N}
 *       workers (default 1);
 *   <li>{@code spark FILE OUT}: the Spark job's batch, on the master {@code spark.master} names.
 * </ul>
 *
 * <p>Every mode builds its knowledge base before the clock starts, so each figure is the steady
 * cost of the batch, not of starting up; Spark's session start is reported apart. Prints one line:
 * {@code mode=… lines=… seconds=… cores=… perCore=…}.
 */
public final class Throughput {
    private static final PrintStream OUT = System.out;

    private Throughput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: generate N FILE | facade FILE | batch FILE OUT | spark FILE OUT");
        }
        switch (args[0]) {
            case "generate" -> generate(Long.parseLong(args[1]), Path.of(args[2]));
            case "facade" -> facade(Path.of(args[1]));
            case "batch" -> batch(Path.of(args[1]), Path.of(args[2]), Integer.getInteger("workers", 1));
            case "spark" -> spark(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** The command line's synthetic population, seed 1: the same file as the batch benchmarks'. */
    private static void generate(long n, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticPopulation.seeded(1).write(n, w);
        }
    }

    private static void facade(Path file) throws IOException {
        Dorsal dorsal = Dorsal.builder().build();
        BatchReader reader = new BatchReader(dorsal);
        List<Intake> intakes = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                intakes.add(reader.read(intakes.size() + 1, line).intake());
            }
        }
        long start = System.nanoTime();
        long checksum = 0;
        for (Intake intake : intakes) {
            checksum += dorsal.assess(intake).recommendations().size();
        }
        report("facade", intakes.size(), System.nanoTime() - start, 1, "checksum=" + checksum);
    }

    private static void batch(Path file, Path out, int workers) throws IOException {
        Batch batch = Batch.of(Dorsal.builder().build()).threads(workers);
        long start = System.nanoTime();
        Batch.Summary summary;
        try (InputStream in = Files.newInputStream(file); OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
            summary = batch.run(in, o);
        }
        report("batch_" + workers + "_worker" + (workers == 1 ? "" : "s"), summary.lines(), System.nanoTime() - start, workers, "");
    }

    private static void spark(Path file, Path out) {
        long sessionStart = System.nanoTime();
        SparkSession spark = SparkSession.builder().appName("dorsal throughput")
                .master(System.getProperty("spark.master", "local[*]")).getOrCreate();
        int cores = spark.sparkContext().defaultParallelism();
        // In local mode the driver is the executor: building here is what the first task would do.
        PerJvm.dorsal(EngineConfig.host(Thresholds.defaults()));
        long sessionNanos = System.nanoTime() - sessionStart;
        long lines;
        try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
            lines = stream.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        int status = DorsalSparkJob.run(new String[] {"batch", file.toString(), "--output", out.toString()}, System.out, System.err);
        long nanos = System.nanoTime() - start;
        spark.stop();
        if (status != 0) {
            throw new IllegalStateException("the Spark batch failed with status " + status);
        }
        report("spark " + spark.sparkContext().master(), lines, nanos, cores,
                String.format(Locale.ROOT, "sessionAndBuildSeconds=%.1f", sessionNanos / 1e9));
    }

    private static void report(String mode, long lines, long nanos, int cores, String extra) {
        double seconds = nanos / 1e9;
        OUT.printf(Locale.ROOT, "mode=%s lines=%d seconds=%.2f cores=%d perSecond=%.0f perCore=%.0f %s%n",
                mode.replace(' ', '_'), lines, seconds, cores, lines / seconds, lines / seconds / cores, extra);
    }
}
