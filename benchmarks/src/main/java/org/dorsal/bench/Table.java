package org.dorsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the results table of BENCHMARKS.md from what {@code benchmarks/run} measured: JMH's JSON
 * result and the start-up and footprint figures ({@code key=value} lines).
 *
 * <pre>java -cp benchmarks/target/dorsal-benchmarks.jar org.dorsal.bench.Table RESULTS_DIR</pre>
 */
public final class Table {
    private final Map<String, JsonNode> jmh = new LinkedHashMap<>();
    private final Properties startup = new Properties();

    private Table(Path dir) throws IOException {
        for (JsonNode run : new ObjectMapper().readTree(dir.resolve("jmh.json").toFile())) {
            String name = run.get("benchmark").asText();
            jmh.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), run);
        }
        Path s = dir.resolve("startup.properties");
        if (Files.exists(s)) {
            try (var in = Files.newBufferedReader(s)) {
                startup.load(in);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        new Table(Path.of(args.length > 0 ? args[0] : "benchmarks/target/results")).print();
    }

    private void print() {
        double answers = AssessBenchmark.answersPerInterview();
        System.out.println("| measure | Dorsal (Drools) | lower bound (plain Java) | ratio | target | met |");
        System.out.println("| --- | ---: | ---: | ---: | --- | --- |");
        double median = percentile("AssessBenchmark.assessFacade", "50.0");
        double plainMedian = percentile("AssessBenchmark.assessPlain", "50.0");
        row("one-shot assessment, median", us(median), us(plainMedian), ratio(median, plainMedian),
                "≤ 5 µs and ≤ 15× the lower bound", median <= 5 && median / plainMedian <= 15);
        row("one-shot assessment, mean", us(score("AssessBenchmark.assessFacade")), us(score("AssessBenchmark.assessPlain")),
                ratio(score("AssessBenchmark.assessFacade"), score("AssessBenchmark.assessPlain")), "", null);
        row("one-shot assessment, p99", us(percentile("AssessBenchmark.assessFacade", "99.0")),
                us(percentile("AssessBenchmark.assessPlain", "99.0")),
                ratio(percentile("AssessBenchmark.assessFacade", "99.0"), percentile("AssessBenchmark.assessPlain", "99.0")), "", null);
        double json = percentile("AssessBenchmark.jsonFacade", "50.0");
        double jsonPlain = percentile("AssessBenchmark.jsonPlain", "50.0");
        row("JSON in → assessment → JSON out, median", us(json), us(jsonPlain), ratio(json, jsonPlain), "", null);
        double interview = percentile("AssessBenchmark.interviewFacade", "50.0");
        double interviewPlain = percentile("AssessBenchmark.interviewPlain", "50.0");
        row(String.format(Locale.ROOT, "interview, whole conversation (%.1f answers, assessment read after each), median", answers),
                us(interview), us(interviewPlain), ratio(interview, interviewPlain), "", null);
        row("interview, per answer (median ÷ answers)", us(interview / answers), us(interviewPlain / answers), "", "", null);
        double t1 = score("ThroughputBenchmark.facade1Thread");
        double t2 = score("ThroughputBenchmark.facade2Threads");
        row("throughput, 1 thread", ops(t1), ops(score("ThroughputBenchmark.plain1Thread")),
                ratio(score("ThroughputBenchmark.plain1Thread"), t1), "", null);
        row("throughput, 2 threads sharing one facade", ops(t2), ops(score("ThroughputBenchmark.plain2Threads")),
                ratio(score("ThroughputBenchmark.plain2Threads"), t2), "≥ 200,000 /s", t2 >= 200_000);
        double alloc = secondary("AssessBenchmark.assessFacade", "gc.alloc.rate.norm");
        double allocPlain = secondary("AssessBenchmark.assessPlain", "gc.alloc.rate.norm");
        row("allocated per assessment", bytes(alloc), bytes(allocPlain), ratio(alloc, allocPlain), "≤ 8 KB", alloc <= 8 * 1024);
        if (!startup.isEmpty()) {
            double assess = Double.parseDouble(startup.getProperty("dorsalAssessMillis"));
            row("`./dorsal assess FILE`, process start to exit, median of " + startup.getProperty("runs"),
                    ms(assess), ms(Double.parseDouble(startup.getProperty("plainAssessMillis"))), "",
                    "≤ 0.5 s", assess <= 500);
            row("same, `java -jar` without the launcher script, median", ms(Double.parseDouble(startup.getProperty("javaAssessMillis"))),
                    "", "", "", null);
            row("peak RSS of `./dorsal assess`", startup.getProperty("peakRssMiB") + " MiB",
                    startup.getProperty("plainPeakRssMiB") + " MiB", "", "", null);
            row("KIE base build (`Dorsal.builder().build()`, cold JVM), median", ms(Double.parseDouble(startup.getProperty("buildMillis"))),
                    "", "", "", null);
            row("runtime jars of a host embedding rules-core + rules-content", startup.getProperty("embedJars") + " jars, "
                    + startup.getProperty("embedMiB") + " MiB", "", "", "as small as works", null);
        }
    }

    private JsonNode metric(String bench) {
        JsonNode run = jmh.get(bench);
        if (run == null) {
            throw new IllegalStateException("no JMH result for " + bench + " (have " + jmh.keySet() + ")");
        }
        return run.get("primaryMetric");
    }

    private double score(String bench) {
        return metric(bench).get("score").asDouble();
    }

    private double percentile(String bench, String p) {
        return metric(bench).get("scorePercentiles").get(p).asDouble();
    }

    private double secondary(String bench, String name) {
        return jmh.get(bench).get("secondaryMetrics").get(name).get("score").asDouble();
    }

    private static void row(String what, String dorsal, String plain, String ratio, String target, Boolean met) {
        System.out.printf("| %s | %s | %s | %s | %s | %s |%n", what, dorsal, plain, ratio, target,
                met == null ? "" : met ? "yes" : "**no**");
    }

    private static String us(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f µs" : "%.1f µs", v);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    private static String ops(double v) {
        return String.format(Locale.ROOT, "%,.0f /s", v);
    }

    private static String bytes(double v) {
        return String.format(Locale.ROOT, "%,.0f B", v);
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.1f×", a / b);
    }
}
