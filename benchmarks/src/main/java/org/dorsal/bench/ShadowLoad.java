package org.dorsal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What shadow mode costs the live path of the CDS service: two running servers, one without and one
 * with a shadow candidate, loaded alike with {@code POST /assess} on the intake mix, in rounds that
 * alternate between them (AB, BA, AB, ...) so that whatever else loads the machine hits both alike.
 * Before each round the shadowed server's queue is drained (its {@code /metrics} show every live
 * assessment compared, dropped or failed), so no round inherits the candidate's backlog.
 *
 * <p>Latency is measured by the client, per request, from send to the whole body read. Run by
 * {@code benchmarks/shadow-overhead}, which starts both servers; see BENCHMARKS.md.
 *
 * <pre>
 * ShadowLoad --plain URL --shadow URL [--clients 1,4] [--requests 2000] [--rounds 30] [--warmup 4]
 * </pre>
 */
public final class ShadowLoad {
    private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(2);

    private ShadowLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<byte[]> mix = Mix.weighted().stream().map(Mix.Item::json).toList();
        Server plain = new Server("without shadow", URI.create(o.get("plain")));
        Server shadow = new Server("with shadow", URI.create(o.get("shadow")));
        int requests = Integer.parseInt(o.getOrDefault("requests", "2000"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "4"));
        System.out.println("| clients | server | requests | throughput | p50 | p90 | p99 | mean | live assessment, server-side mean |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<String> notes = new ArrayList<>();
        for (String c : o.getOrDefault("clients", "1,4").split(",")) {
            int clients = Integer.parseInt(c.strip());
            Result a = new Result();
            Result b = new Result();
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                if (round == warmup) {
                    a.startServerSide(plain.metrics());
                    b.startServerSide(shadow.metrics());
                }
                // Alternate which goes first, so neither always follows the other's garbage or backlog.
                if (round % 2 == 0) {
                    run(plain, clients, requests, mix, round, measured ? a : null);
                    run(shadow, clients, requests, mix, round, measured ? b : null);
                } else {
                    run(shadow, clients, requests, mix, round, measured ? b : null);
                    run(plain, clients, requests, mix, round, measured ? a : null);
                }
            }
            Map<String, Double> plainEnd = plain.metrics();
            Map<String, Double> shadowEnd = shadow.metrics();
            System.out.println(a.row(clients, plain.name, plainEnd));
            System.out.println(b.row(clients, shadow.name, shadowEnd));
            notes.add(String.format(Locale.ROOT,
                    "%d client(s): with shadow p50 %+.1f%%, p99 %+.1f%%, mean %+.1f%%, throughput %+.1f%%; server-side live"
                            + " assessment mean %+.1f%%; shadow so far: %.0f compared (%.0f disagreed), %.0f dropped, %.0f failed",
                    clients, pct(b.percentile(50), a.percentile(50)), pct(b.percentile(99), a.percentile(99)),
                    pct(b.mean(), a.mean()), pct(b.throughput(), a.throughput()),
                    pct(b.serverSideMean(shadowEnd), a.serverSideMean(plainEnd)),
                    shadowEnd.getOrDefault("compared", 0.0), shadowEnd.getOrDefault("disagreed", 0.0),
                    shadowEnd.getOrDefault("dropped", 0.0), shadowEnd.getOrDefault("failed", 0.0)));
        }
        System.out.println();
        notes.forEach(System.out::println);
    }

    private static double pct(double with, double without) {
        return 100 * (with - without) / without;
    }

    /** One round: {@code clients} threads, each with its own connection, sending back to back. */
    private static void run(Server server, int clients, int requests, List<byte[]> mix, int round, Result into) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < clients; t++) {
                int offset = round * 7919 + t * (mix.size() / clients);
                int n = requests / clients;
                parts.add(pool.submit(() -> server.load(mix, offset, n)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> f : parts) {
                latencies.add(f.get());
            }
            long elapsed = System.nanoTime() - start;
            if (into != null) {
                into.add(latencies, elapsed);
            }
        } finally {
            pool.shutdown();
        }
        server.drain();
    }

    /** Per-request latencies and round times of one server at one client count. */
    private static final class Result {
        private long[] nanos = new long[0];
        private long requests;
        private long elapsed;
        private Map<String, Double> serverSideStart = Map.of();

        void add(List<long[]> latencies, long roundNanos) {
            for (long[] l : latencies) {
                int from = nanos.length;
                nanos = Arrays.copyOf(nanos, from + l.length);
                System.arraycopy(l, 0, nanos, from, l.length);
                requests += l.length;
            }
            elapsed += roundNanos;
        }

        void startServerSide(Map<String, Double> metrics) {
            serverSideStart = metrics;
        }

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, i)];
        }

        double mean() {
            return Arrays.stream(nanos).average().orElse(Double.NaN);
        }

        double throughput() {
            return requests / (elapsed / 1e9);
        }

        /** Mean seconds per live assessment over the measured rounds, from the server's own timer. */
        double serverSideMean(Map<String, Double> end) {
            double sum = end.get("sum") - serverSideStart.get("sum");
            double count = end.get("count") - serverSideStart.get("count");
            return sum / count;
        }

        String row(int clients, String server, Map<String, Double> end) {
            return String.format(Locale.ROOT, "| %d | %s | %,d | %,.0f /s | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.1f µs |",
                    clients, server, requests, throughput(), percentile(50) / 1e3, percentile(90) / 1e3,
                    percentile(99) / 1e3, mean() / 1e3, serverSideMean(end) * 1e6);
        }
    }

    /** A running service: its assess endpoint and the few metrics the load needs. */
    private static final class Server {
        final String name;
        final URI base;

        Server(String name, URI base) {
            this.name = name;
            this.base = base;
        }

        long[] load(List<byte[]> mix, int offset, int n) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI assess = base.resolve("/assess");
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                HttpRequest request = HttpRequest.newBuilder(assess).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mix.get((offset + i) % mix.size()))).build();
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                nanos[i] = System.nanoTime() - t;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(name + ": /assess answered " + r.statusCode());
                }
            }
            return nanos;
        }

        /** Waits until the shadow (if any) has compared, dropped or failed every live assessment so far. */
        void drain() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
            while (true) {
                Map<String, Double> m = metrics();
                if (!m.containsKey("compared") || m.get("compared") + m.get("dropped") + m.get("failed") >= m.get("count")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": the shadow queue did not drain: " + m);
                }
                Thread.sleep(20);
            }
        }

        /** count and sum of live /assess assessments; compared, disagreed, dropped, failed when shadowed. */
        Map<String, Double> metrics() throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String text = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> m = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("dorsal_assessments_seconds_count{route=\"assess\"}")) {
                    m.put("count", v);
                } else if (line.startsWith("dorsal_assessments_seconds_sum{route=\"assess\"}")) {
                    m.put("sum", v);
                } else if (line.startsWith("dorsal_shadow_comparisons_total{")) {
                    m.merge("compared", v, Double::sum);
                    if (line.contains("result=\"disagree\"")) {
                        m.put("disagreed", v);
                    }
                } else if (line.startsWith("dorsal_shadow_dropped_total")) {
                    m.put("dropped", v);
                } else if (line.startsWith("dorsal_shadow_errors_total")) {
                    m.put("failed", v);
                }
            }
            return m;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (!o.containsKey("plain") || !o.containsKey("shadow")) {
            throw new IllegalArgumentException("usage: ShadowLoad --plain URL --shadow URL [--clients 1,4] [--requests 2000]"
                    + " [--rounds 30] [--warmup 4]");
        }
        return o;
    }
}
