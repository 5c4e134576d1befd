package org.dorsal.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.governance.Batch;
import org.dorsal.governance.SyntheticPopulation;

/**
 * The batch against the facade in alternating rounds in one JVM, so that load from elsewhere on the
 * machine hits all three alike (JMH runs one benchmark after another): each round assesses the same
 * synthetic intakes facade JSON in → JSON out, facade one-shot, and through {@link Batch}, on
 * {@code THREADS} threads. Prints lines per second per round, and the medians of the rounds after
 * the first (warm-up).
 *
 * <pre>java -cp benchmarks/target/dorsal-benchmarks.jar org.dorsal.bench.BatchRounds THREADS LINES ROUNDS</pre>
 */
public final class BatchRounds {
    private BatchRounds() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Dorsal dorsal = Dorsal.builder().build();
        SyntheticPopulation people = SyntheticPopulation.seeded(1);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        byte[][] json = new byte[n][];
        Intake[] intakes = new Intake[n];
        for (int i = 0; i < n; i++) {
            String line = people.line(i);
            lines.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            json[i] = line.replaceFirst("^\\{\"id\":\"[^\"]+\",", "{").getBytes(StandardCharsets.UTF_8);
            intakes[i] = people.get(i);
        }
        byte[] input = lines.toByteArray();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<double[]> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double jsonRate = parallel(pool, threads, n,
                    i -> DorsalJson.writeAssessment(dorsal.assess(DorsalJson.readIntake(json[i]))).length());
            double oneShot = parallel(pool, threads, n, i -> dorsal.assess(intakes[i]).recommendations().size());
            long start = System.nanoTime();
            Batch.of(dorsal).threads(threads).run(new ByteArrayInputStream(input), OutputStream.nullOutputStream());
            double batch = n * 1e9 / (System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "round %d: facade JSON %,.0f/s, facade one-shot %,.0f/s, batch %,.0f/s%n",
                    r, jsonRate, oneShot, batch);
            if (r > 0) {
                results.add(new double[] {jsonRate, oneShot, batch});
            }
        }
        pool.shutdown();
        double json1 = median(results, 0);
        double one = median(results, 1);
        double batch = median(results, 2);
        System.out.printf(Locale.ROOT, "threads=%d medians: facade JSON %,.0f/s, facade one-shot %,.0f/s, batch %,.0f/s;"
                + " batch = %.0f%% of facade JSON, %.0f%% of one-shot%n", threads, json1, one, batch,
                100 * batch / json1, 100 * batch / one);
        // For benchmarks/run (BatchTable): key=value lines.
        System.out.printf(Locale.ROOT, "rounds%d.json=%.0f%nrounds%d.oneShot=%.0f%nrounds%d.batch=%.0f%n",
                threads, json1, threads, one, threads, batch);
    }

    private static double parallel(ExecutorService pool, int threads, int n, IntToLongFunction work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long sink = 0;
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    sink += work.applyAsLong(i);
                }
                return sink;
            }));
        }
        for (Future<Long> f : futures) {
            f.get();
        }
        return n * 1e9 / (System.nanoTime() - start);
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
