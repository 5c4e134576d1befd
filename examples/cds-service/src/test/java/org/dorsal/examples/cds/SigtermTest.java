package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as started from the command line, stopped by SIGTERM (what systemd, Docker and
 * Kubernetes send) while a feedback request is in flight: it stops being ready, finishes that
 * request with 200, and exits with its feedback in the log.
 */
class SigtermTest {
    @TempDir
    Path dir;

    @Test
    void sigterm_finishes_the_request_in_flight_and_keeps_its_feedback() throws Exception {
        Path log = dir.resolve("feedback.jsonl");
        Path stderr = dir.resolve("stderr.log");
        Subprocess service = Subprocess.start(stderr, CdsServer.class.getName(), "--port", "0", "--feedback-log", log.toString());
        try {
            URI base = service.awaitServing();
            Client client = new Client(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(), null);
            byte[] body = "{\"feedback\": [{\"card\": \"before-sigterm\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-11-20T10:15:00Z\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + CdsService.FEEDBACK_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                // Let the server take the request before the signal; had it not, the answer would be 503 and the test fail.
                awaitLog(stderr, "ready: warmed up");
                Thread.sleep(200);

                service.process.destroy();                                 // SIGTERM
                HttpResponse<String> ready = client.get("/health/ready");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (ready.statusCode() == 200 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    ready = client.get("/health/ready");
                }
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(Client.json(ready).get("error").asText()).isEqualTo("stopping");

                out.write(body, 10, body.length - 10);
                out.flush();
                String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 200").contains("{\"stored\":1}");
            }
            assertThat(service.waitForExit()).isEqualTo(143);                 // 128 + SIGTERM, after the shutdown hook
        } finally {
            service.process.destroyForcibly();
        }
        assertThat(Files.readString(stderr)).contains("stopped in").doesNotContain("cut off");
        assertThat(FeedbackLog.read(log)).singleElement().satisfies(l -> assertThat(l).contains("\"card\":\"before-sigterm\""));
    }

    private static void awaitLog(Path stderr, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.readString(stderr).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service never logged " + text);
            }
            Thread.sleep(50);
        }
    }

    /** The response, up to the end of its body (the server keeps the connection open). */
    private static byte[] readAll(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
            String s = b.toString(StandardCharsets.UTF_8);
            int end = s.indexOf("\r\n\r\n");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(s);
            if (end >= 0 && m.find() && s.length() - end - 4 >= Integer.parseInt(m.group(1))) {
                break;
            }
        }
        return b.toByteArray();
    }
}
