package org.dorsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the "Batch" table of BENCHMARKS.md from what {@code benchmarks/run batch} measured: JMH's
 * JSON result of {@link BatchBenchmark}, the medians of {@link BatchRounds} and the command line's
 * wall-clock runs ({@code batch.properties}).
 *
 * <pre>java -cp benchmarks/target/dorsal-benchmarks.jar org.dorsal.bench.BatchTable RESULTS_DIR</pre>
 */
public final class BatchTable {
    private final Map<String, Double> jmh = new HashMap<>();
    private final Properties cli = new Properties();
    private final int cores;

    private BatchTable(Path dir) throws IOException {
        for (JsonNode run : new ObjectMapper().readTree(dir.resolve("jmh-batch.json").toFile())) {
            String name = run.get("benchmark").asText();
            jmh.put(name.substring(name.lastIndexOf('.') + 1), run.get("primaryMetric").get("score").asDouble());
        }
        Path p = dir.resolve("batch.properties");
        if (Files.exists(p)) {
            try (var in = Files.newBufferedReader(p)) {
                cli.load(in);
            }
        }
        cores = Integer.parseInt(cli.getProperty("cores", Integer.toString(Runtime.getRuntime().availableProcessors())));
    }

    public static void main(String[] args) throws IOException {
        new BatchTable(Path.of(args.length > 0 ? args[0] : "benchmarks/target/results")).print();
    }

    private void print() {
        double facade1 = jmh.get("facade1Thread");
        double facadeAll = jmh.get("facade2Threads") / 2;
        double json1 = jmh.get("json1Thread");
        double jsonAll = jmh.get("json2Threads") / 2;
        System.out.println("| measure | lines/s | per core | vs facade one-shot, per core | vs facade JSON in → JSON out, per core |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        row("facade one-shot, 1 thread (JMH)", facade1, 1, facade1, json1);
        row("facade one-shot, 2 threads (JMH)", facadeAll * 2, 2, facadeAll, jsonAll);
        row("facade JSON in → JSON out, 1 thread (JMH)", json1, 1, facade1, json1);
        row("facade JSON in → JSON out, 2 threads (JMH)", jsonAll * 2, 2, facadeAll, jsonAll);
        double b1 = BatchBenchmark.LINES / jmh.get("batch1Thread");
        double bAll = BatchBenchmark.LINES / jmh.get("batchAllThreads");
        row("`Batch`, 1 worker (JMH, 1M lines)", b1, 1, facade1, json1);
        row("`Batch`, " + cores + " workers (JMH, 1M lines)", bAll, cores, facadeAll, jsonAll);
        for (int threads : new int[] {1, cores}) {
            String key = "rounds" + threads;
            if (cli.containsKey(key + ".batch")) {
                double json = Double.parseDouble(cli.getProperty(key + ".json"));
                double one = Double.parseDouble(cli.getProperty(key + ".oneShot"));
                double batch = Double.parseDouble(cli.getProperty(key + ".batch"));
                System.out.printf(Locale.ROOT, "| `BatchRounds`, %d thread%s, alternating rounds in one JVM: facade JSON %,.0f /s,"
                        + " facade one-shot %,.0f /s, batch | %,.0f | %,.0f | %.0f%% | %.0f%% |%n", threads, threads == 1 ? "" : "s",
                        json, one, batch, batch / threads, 100 * batch / one, 100 * batch / json);
            }
        }
        if (!cli.isEmpty() && cli.containsKey("batch1Millis")) {
            double lines = Double.parseDouble(cli.getProperty("lines"));
            double c1 = lines / (Double.parseDouble(cli.getProperty("batch1Millis")) / 1000);
            double cAll = lines / (Double.parseDouble(cli.getProperty("batchAllMillis")) / 1000);
            row("`./dorsal batch FILE --threads 1`, process start to exit, median of " + cli.getProperty("runs"), c1, 1, facade1, json1);
            row("`./dorsal batch FILE`, process start to exit, median of " + cli.getProperty("runs"), cAll, cores, facadeAll, jsonAll);
        }
    }

    private static void row(String what, double perSecond, int cores, double facade, double json) {
        double perCore = perSecond / cores;
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.0f%% | %.0f%% |%n", what, perSecond, perCore,
                100 * perCore / facade, 100 * perCore / json);
    }
}
