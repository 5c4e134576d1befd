package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
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

/**
 * A CDS Hooks service and a small FHIR and JSON API around the Dorsal facade, on the JDK's own
 * HTTP server, bound to the loopback interface only.
 *
 * <pre>
 * java -jar examples/cds-service/target/dorsal-cds-service.jar --port 8080
 * </pre>
 *
 * <p>Endpoints: {@code GET /cds-services}, {@code POST /cds-services/dorsal-patient-view},
 * {@code POST /cds-services/dorsal-patient-view/feedback}, {@code POST /assess},
 * {@code GET /fhir/Questionnaire/dorsal-intake}, {@code GET /fhir/CodeSystem/{id}} and
 * {@code POST /fhir/QuestionnaireResponse/$assess}. See docs/integration.md.
 *
 * <p>Plain HTTP on loopback: put a TLS-terminating proxy with authentication in front of it before
 * anything else may reach it.
 */
public final class CdsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final FeedbackLog feedback;

    private CdsServer(HttpServer server, ExecutorService executor, FeedbackLog feedback) {
        this.server = server;
        this.executor = executor;
        this.feedback = feedback;
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
        FeedbackLog log = new FeedbackLog(feedbackLog);
        try {
            CdsService service = new CdsService(dorsal, FhirContext.forR4Cached(), log);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "cds-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.createContext("/", service);
            server.setExecutor(executor);
            server.start();
            return new CdsServer(server, executor, log);
        } catch (IOException | RuntimeException e) {
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

    /** Stops accepting requests, lets running ones finish for up to two seconds, and closes the feedback log. */
    @Override
    public void close() throws IOException {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        feedback.close();
    }

    /** {@code [--port N] [--feedback-log FILE]}; defaults 8080 and dorsal-feedback.jsonl in the working directory. */
    public static void main(String[] args) throws IOException {
        int port = 8080;
        Path log = Path.of("dorsal-feedback.jsonl");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--feedback-log" -> log = Path.of(value(args, ++i, "--feedback-log"));
                case "-h", "--help" -> {
                    System.out.println("usage: CdsServer [--port N] [--feedback-log FILE]\n"
                            + "Serves the Dorsal CDS Hooks service on http://127.0.0.1:N (default 8080);"
                            + " feedback is appended to FILE (default dorsal-feedback.jsonl).");
                    return;
                }
                default -> fail("unknown option " + args[i] + " (try --help)");
            }
        }
        CdsServer server = start(port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("closing the feedback log failed: " + e.getMessage());
            }
        }, "cds-shutdown"));
        System.out.println("Dorsal CDS Hooks service on " + server.baseUri() + "/cds-services (feedback log "
                + log.toAbsolutePath() + "); Ctrl-C stops it");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65_535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--port must be a number from 0 to 65535, got " + s);
        return -1;
    }

    private static void fail(String message) {
        System.err.println("CdsServer: " + message);
        System.exit(2);
    }
}
