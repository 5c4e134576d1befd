package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dorsal.fhir.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator relies on: liveness and readiness (ready only after the warm-up, no longer
 * while stopping), the Prometheus metrics (requests by route and status with latency buckets,
 * assessments by disposition, feedback stored, nothing about a patient), and a graceful stop that
 * refuses new requests, finishes the one in flight and leaves its feedback in the log.
 */
class OperationsTest {
    private static final long PATIENCE_MILLIS = 60_000;

    @TempDir
    Path dir;

    private ServiceConfig config(String log) {
        return ServiceConfig.defaults().withPort(0).withFeedbackLog(dir.resolve(log));
    }

    @Test
    void ready_only_once_the_warm_up_has_run_and_live_all_along() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CdsServer server = CdsServer.start(config("f.jsonl"), DORSAL, null, (dorsal, fhir, context) -> {
            await(release);
            Warmup.run(dorsal, fhir, context);
        })) {
            Client client = new Client(server);
            assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> warming = client.get("/health/ready");
            assertThat(warming.statusCode()).isEqualTo(503);
            assertThat(Client.json(warming).get("error").asText()).isEqualTo("warming-up");
            assertThat(warming.headers().firstValue("Retry-After")).hasValue("1");
            release.countDown();
            assertThat(server.awaitReady(PATIENCE_MILLIS)).isTrue();
            HttpResponse<String> ready = client.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(Client.json(ready).get("status").asText()).isEqualTo("ready");
        }
    }

    @Test
    void a_warm_up_that_fails_leaves_the_service_not_ready() throws Exception {
        try (CdsServer server = CdsServer.start(config("f.jsonl"), DORSAL, null, (dorsal, fhir, context) -> {
            throw new IllegalStateException("the knowledge base cannot assess");
        })) {
            assertThat(server.awaitReady(PATIENCE_MILLIS)).isFalse();
            assertThat(new Client(server).get("/health/ready").statusCode()).isEqualTo(503);
            assertThat(new Client(server).get("/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metrics_count_requests_by_route_and_status_dispositions_and_feedback_and_say_nothing_about_patients() throws IOException {
        try (CdsServer server = CdsServer.start(config("f.jsonl"), DORSAL, null)) {
            Client client = new Client(server);
            assertThat(client.post("/assess", "application/json", Samples.json("self-care-spasm")).statusCode()).isEqualTo(200);
            assertThat(client.post("/assess", "application/json", "{\"hoursSinceOnset\": -1}").statusCode()).isEqualTo(400);
            HttpResponse<String> cards = client.post(CdsService.HOOK_PATH, "application/json",
                    Client.hook(MAPPINGS.questionnaireResponse(Samples.named("emergency-thunderclap").intake())));
            String uuid = Client.json(cards).get("cards").get(0).get("uuid").asText();
            assertThat(client.post(CdsService.FEEDBACK_PATH, "application/json", "{\"feedback\": ["
                    + "{\"card\": \"" + uuid + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-11-20T10:15:00Z\"},"
                    + "{\"card\": \"other\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-11-20T10:15:00Z\"}]}").statusCode())
                    .isEqualTo(200);

            String scrape = new Metrics(client).scrape();
            assertThat(Metrics.sum(scrape, "dorsal_http_requests_seconds_count", "route=assess", "status=200")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_http_requests_seconds_count", "route=assess", "status=400")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_http_requests_seconds_count", "route=patient-view", "status=200")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_http_requests_seconds_bucket", "route=assess", "status=200", "le=+Inf")).isEqualTo(1);
            assertThat(scrape).contains("dorsal_http_requests_seconds_bucket{route=\"assess\",status=\"200\",le=\"0.001\"}");
            assertThat(Metrics.sum(scrape, "dorsal_dispositions_total", "route=assess", "disposition=SELF_CARE")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_dispositions_total", "route=patient-view", "disposition=EMERGENCY")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_dispositions_total", "route=patient-view", "disposition=SELF_CARE")).isZero();
            assertThat(Metrics.sum(scrape, "dorsal_feedback_stored_total")).isEqualTo(2);
            assertThat(scrape).doesNotContain(Client.PATIENT_ID).doesNotContain(uuid).doesNotContain("Patient/");
        }
    }

    @Test
    void a_stop_refuses_new_requests_finishes_the_one_in_flight_and_keeps_its_feedback() throws Exception {
        Path log = dir.resolve("feedback.jsonl");
        CdsServer server = CdsServer.start(config("feedback.jsonl").withShutdownGraceSeconds(30), DORSAL, null);
        Client client = new Client(server);
        byte[] body = "{\"feedback\": [{\"card\": \"in-flight\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-11-20T10:15:00Z\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) PATIENCE_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + CdsService.FEEDBACK_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
            while (server.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.inFlight()).as("the request is being read").isEqualTo(1);

            AtomicReference<Throwable> closing = new AtomicReference<>();
            Thread closer = new Thread(() -> {
                try {
                    server.close();
                } catch (Throwable t) {
                    closing.set(t);
                }
            });
            closer.start();
            while (server.ready() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            HttpResponse<String> late = client.post("/assess", "application/json", Samples.json("self-care-spasm"));
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(Client.json(late).get("error").asText()).isEqualTo("shutting-down");
            assertThat(late.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(closer.isAlive()).as("close waits for the request in flight").isTrue();

            out.write(body, 10, body.length - 10);
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response).contains("{\"stored\":1}");
            closer.join(PATIENCE_MILLIS);
            assertThat(closer.isAlive()).isFalse();
            assertThat(closing.get()).isNull();
        }
        assertThat(FeedbackLog.read(log)).singleElement().satisfies(line -> {
            JsonNode record = Client.object(line);
            assertThat(record.get("card").asText()).isEqualTo("in-flight");
        });
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            b.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            int headersEnd = b.indexOf("\r\n\r\n");
            if (headersEnd >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(b);
                if (m.find() && b.length() - headersEnd - 4 >= Integer.parseInt(m.group(1))) {
                    break;
                }
            }
        }
        return b.toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
