package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dorsal.Dorsal;
import org.dorsal.governance.Engine;

/**
 * A CDS Hooks service and a small FHIR and JSON API around the Dorsal facade, on the JDK's own
 * HTTP server, bound to the loopback interface only.
 *
 * <pre>
 * java -jar examples/cds-service/target/dorsal-cds-service.jar --port 8080
 * java -jar examples/cds-service/target/dorsal-cds-service.jar --shadow-spasm-referral-days 10
 * </pre>
 *
 * <p>Endpoints: {@code GET /cds-services}, {@code POST /cds-services/dorsal-patient-view},
 * {@code POST /cds-services/dorsal-patient-view/feedback}, {@code POST /assess},
 * {@code GET /fhir/Questionnaire/dorsal-intake}, {@code GET /fhir/CodeSystem/{id}},
 * {@code POST /fhir/QuestionnaireResponse/$assess} and {@code GET /metrics}. In shadow mode a
 * candidate configuration assesses every request too, off the live path (see {@link Shadow}). See
 * docs/integration.md.
 *
 * <p>Plain HTTP on loopback: put a TLS-terminating proxy with authentication in front of it before
 * anything else may reach it.
 */
public final class CdsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final FeedbackLog feedback;
    private final Shadow shadow;

    private CdsServer(HttpServer server, ExecutorService executor, FeedbackLog feedback, Shadow shadow) {
        this.server = server;
        this.executor = executor;
        this.feedback = feedback;
        this.shadow = shadow;
    }

    /**
     * Builds the facade with its defaults and starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @param feedbackLog the append-only file clinicians' feedback goes to; created if missing
     */
    public static CdsServer start(int port, Path feedbackLog) throws IOException {
        return start(port, feedbackLog, Dorsal.builder().build());
    }

    static CdsServer start(int port, Path feedbackLog, Dorsal dorsal) throws IOException {
        return start(port, feedbackLog, dorsal, null, 0);
    }

    /**
     * Starts serving {@code dorsal}'s assessments; with a candidate, in shadow mode.
     *
     * @param candidate the engine to compare every live assessment with, already opened; null for none
     * @param shadowQueue how many assessments may wait for the candidate before further ones are dropped
     */
    static CdsServer start(int port, Path feedbackLog, Dorsal dorsal, Engine candidate, int shadowQueue) throws IOException {
        FeedbackLog log = new FeedbackLog(feedbackLog);
        Shadow shadow = null;
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            metrics.config().meterFilter(ShadowMetrics.RULE_TAG_LIMIT);
            shadow = candidate == null ? null : new Shadow(candidate, shadowQueue, metrics);
            CdsService service = new CdsService(dorsal, new Assessor(dorsal, metrics, shadow), metrics,
                    FhirContext.forR4Cached(), log);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "cds-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.createContext("/", service);
            server.createContext(InterviewPages.CONTEXT, new InterviewPages());
            server.setExecutor(executor);
            server.start();
            return new CdsServer(server, executor, log, shadow);
        } catch (IOException | RuntimeException e) {
            if (shadow != null) {
                shadow.close();
            }
            log.close();
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    /**
     * Stops accepting requests, lets running ones finish for up to two seconds, gives queued shadow
     * comparisons a second, and closes the feedback log.
     */
    @Override
    public void close() throws IOException {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shadow != null) {
            shadow.close();
        }
        feedback.close();
    }

    /**
     * Starts the service; {@code --help} lists the options. Exits with status 2 when an option or the
     * shadow candidate is refused, 1 when the server cannot start (a port or feedback log in use).
     */
    public static void main(String[] args) {
        int status = ServeCommand.run(args);
        // Status 0 leaves the JVM to the server's threads; exiting here would stop it.
        if (status != 0) {
            System.exit(status);
        }
    }
}
