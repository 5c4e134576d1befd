package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.governance.Engine;
import org.dorsal.governance.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate never holds up or breaks a live answer: a stuck candidate makes the queue overflow,
 * which drops comparisons and counts them; a failing one is counted and logged by exception class only.
 */
class ShadowIsolationTest {
    private static final String ANSWER = DorsalJson.writeAssessment(DORSAL.assess(ShadowModeTest.SPASM_8_DAYS));

    @TempDir
    Path dir;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void captureLog() {
        // slf4j-simple looks System.err up on every write: this catches the service's log lines.
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(stderr);
    }

    /** A candidate of the live configuration whose assessments a test decides. */
    abstract static class TestEngine implements Engine {
        @Override
        public String contentVersion() {
            return DORSAL.contentVersion();
        }

        @Override
        public Thresholds thresholds() {
            return DORSAL.thresholds();
        }
    }

    /** Assesses nothing until released, and says when the first intake reached it. */
    static final class StuckEngine extends TestEngine {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Outcome assess(Intake intake) {
            entered.countDown();
            try {
                if (!release.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Outcome.of(DORSAL.assess(intake));
        }
    }

    private HttpResponse<String> assess(Client client) {
        HttpResponse<String> r = client.post("/assess", "application/json", DorsalJson.writeIntake(ShadowModeTest.SPASM_8_DAYS));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(ANSWER);
        return r;
    }

    @Test
    void a_full_queue_drops_and_counts_the_comparison_while_the_answer_goes_out() throws Exception {
        StuckEngine stuck = new StuckEngine();
        try (CdsServer server = CdsServer.start(0, dir.resolve("feedback.jsonl"), DORSAL, stuck, 1)) {
            Client client = new Client(server);
            Metrics metrics = new Metrics(client);
            assess(client);
            assertThat(stuck.entered.await(30, TimeUnit.SECONDS)).as("the candidate took the first intake").isTrue();
            assess(client);
            assertThat(metrics.get("dorsal_shadow_queue_size")).as("the second waits in the queue").isEqualTo(1);
            // Answered while the candidate is stuck and the queue full: the drop is counted before the answer goes out.
            assess(client);
            assertThat(metrics.get("dorsal_shadow_dropped_total")).isEqualTo(1);
            assertThat(metrics.get("dorsal_shadow_comparisons_total")).isZero();

            stuck.release.countDown();
            metrics.await(2, "dorsal_shadow_comparisons_total", "result=agree");
            assertThat(metrics.get("dorsal_shadow_dropped_total")).isEqualTo(1);
            assertThat(metrics.get("dorsal_shadow_queue_size")).isZero();
            assertThat(metrics.get("dorsal_assessments_seconds_count", "route=assess")).isEqualTo(3);
        }
    }

    @Test
    void a_failing_candidate_is_counted_and_logged_by_exception_class_only() throws IOException {
        Engine failing = new TestEngine() {
            @Override
            public Outcome assess(Intake intake) {
                throw new IllegalStateException("cannot assess " + Client.PATIENT_ID + " with " + DorsalJson.writeIntake(intake));
            }
        };
        try (CdsServer server = CdsServer.start(0, dir.resolve("feedback.jsonl"), DORSAL, failing, 4)) {
            Client client = new Client(server);
            assess(client);
            assess(client);
            Metrics metrics = new Metrics(client);
            metrics.await(2, "dorsal_shadow_errors_total");
            assertThat(metrics.get("dorsal_shadow_comparisons_total")).isZero();
        }
        String captured = log.toString(StandardCharsets.UTF_8);
        assertThat(captured).contains("org.dorsal.shadow - candidate failed: java.lang.IllegalStateException");
        assertThat(captured).doesNotContain(Client.PATIENT_ID).doesNotContain("MUSCLE_SPASM").doesNotContain("cannot assess");
    }
}
