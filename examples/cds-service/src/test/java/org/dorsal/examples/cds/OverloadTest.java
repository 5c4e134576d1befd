package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dorsal.fhir.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More load than the service can serve, on loopback: a small pool (2 workers, 4 waiting) is first
 * measured at its sustainable rate (closed loop, as many clients as workers), then offered 2x and
 * 10x that rate open loop (sent on schedule whatever the answers), bounded in count and time.
 * Every answer must be 200 or 503 with Retry-After (no other status, no dropped connection), and
 * every feedback item answered 200 must be in the log afterwards; none answered 503 may be.
 * Timings are printed, not asserted.
 */
class OverloadTest {
    private static final int WORKERS = 2;
    private static final int QUEUE = 4;
    private static final int CALIBRATION = 200;
    private static final long PHASE_MILLIS = 3_000;
    private static final int MAX_PER_PHASE = 3_000;

    @TempDir
    Path dir;

    record Answered(HttpResponse<String> response, double millis) {
    }

    record Sent(boolean feedback, String card, CompletableFuture<Answered> answer) {
    }

    @Test
    void past_its_bounds_the_service_answers_503_fast_and_loses_no_accepted_feedback() throws Exception {
        Path log = dir.resolve("feedback.jsonl");
        String hook = Client.hook(MAPPINGS.questionnaireResponse(Samples.named("provisional-spasm").intake()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        Set<String> stored = new HashSet<>();
        Set<String> refused = new HashSet<>();
        List<String> report = new ArrayList<>();
        try (CdsServer server = CdsServer.start(ServiceConfig.defaults().withPort(0).withFeedbackLog(log).withWorkers(WORKERS, QUEUE),
                DORSAL, null)) {
            assertThat(server.awaitReady(120_000)).isTrue();
            String base = server.baseUri().toString();

            // Sustainable rate: as many clients in a closed loop as there are workers.
            long start = System.nanoTime();
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            int perLoop = CALIBRATION / WORKERS;
            for (int c = 0; c < WORKERS; c++) {
                CompletableFuture<Void> loop = CompletableFuture.completedFuture(null);
                for (int i = 0; i < perLoop; i++) {
                    loop = loop.thenCompose(v -> http.sendAsync(post(base, CdsService.HOOK_PATH, hook), HttpResponse.BodyHandlers.ofString())
                            .thenAccept(r -> assertThat(r.statusCode()).isEqualTo(200)));
                }
                loops.add(loop);
            }
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            double sustainable = CALIBRATION / ((System.nanoTime() - start) / 1e9);
            report.add(String.format("sustainable: %.0f requests/s (%d hook calls, %d closed-loop clients, %d workers, queue %d)",
                    sustainable, CALIBRATION, WORKERS, WORKERS, QUEUE));

            for (int factor : new int[] {2, 10}) {
                double rate = factor * sustainable;
                int count = (int) Math.min(MAX_PER_PHASE, rate * PHASE_MILLIS / 1000);
                long interval = (long) (1e9 / rate);
                List<Sent> sent = new ArrayList<>(count);
                long phaseStart = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long due = phaseStart + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    boolean feedback = i % 4 == 0;
                    String card = "load-" + factor + "x-" + i;
                    HttpRequest request = feedback
                            ? post(base, CdsService.FEEDBACK_PATH, "{\"feedback\": [{\"card\": \"" + card
                                    + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-11-20T10:15:00Z\"}]}")
                            : post(base, CdsService.HOOK_PATH, hook);
                    long sentAt = System.nanoTime();
                    sent.add(new Sent(feedback, card, http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                            .thenApply(r -> new Answered(r, (System.nanoTime() - sentAt) / 1e6))));
                }
                Map<Integer, Integer> statuses = new TreeMap<>();
                List<Double> ok = new ArrayList<>();
                List<Double> busy = new ArrayList<>();
                for (Sent s : sent) {
                    Answered a = s.answer().get(5, TimeUnit.MINUTES);
                    HttpResponse<String> r = a.response();
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
                    if (r.statusCode() == 200) {
                        ok.add(a.millis());
                        if (s.feedback()) {
                            stored.add(s.card());
                        }
                    } else {
                        busy.add(a.millis());
                        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                        assertThat(Client.json(r).get("error").asText()).isEqualTo("overloaded");
                        if (s.feedback()) {
                            refused.add(s.card());
                        }
                    }
                }
                double seconds = (System.nanoTime() - phaseStart) / 1e9;
                report.add(String.format("%dx: %d requests offered at %.0f/s in %.1f s; statuses %s; 200s p50 %.1f ms p99 %.1f ms;"
                        + " 503s p50 %.1f ms p99 %.1f ms", factor, count, rate, seconds, statuses,
                        percentile(ok, 50), percentile(ok, 99), percentile(busy, 50), percentile(busy, 99)));
            }
        }
        // After the stop: every feedback item answered 200 is on disk; none answered 503 is.
        Set<String> inLog = new HashSet<>();
        for (String line : FeedbackLog.read(log)) {
            inLog.add(Client.object(line).get("card").asText());
        }
        assertThat(inLog).containsAll(stored);
        assertThat(inLog).doesNotContainAnyElementsOf(refused);
        assertThat(inLog).hasSize(stored.size());
        report.add(String.format("feedback: %d items answered 200, all %d in the log; %d answered 503, none in the log",
                stored.size(), inLog.size(), refused.size()));
        System.out.println("Overload on loopback:");
        report.forEach(l -> System.out.println("  " + l));
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static HttpRequest post(String base, String path, String body) {
        return HttpRequest.newBuilder(java.net.URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
