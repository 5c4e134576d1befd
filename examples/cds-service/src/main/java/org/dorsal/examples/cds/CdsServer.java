package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.dorsal.Dorsal;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.governance.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CDS Hooks service and a small FHIR and JSON API around the Dorsal facade, on the JDK's own
 * HTTP server (HTTPS with a PKCS#12 keystore when configured).
 *
 * <pre>
 * java -jar examples/cds-service/target/dorsal-cds-service.jar --port 8080
 * java -jar examples/cds-service/target/dorsal-cds-service.jar --config /etc/dorsal/cds-service.yaml
 * </pre>
 *
 * <p>Endpoints: {@code GET /cds-services}, {@code POST /cds-services/dorsal-patient-view},
 * {@code POST /cds-services/dorsal-patient-view/feedback} (these three only with a trusted EHR's
 * JWT when trusted issuers are configured), {@code POST /assess},
 * {@code GET /fhir/Questionnaire/dorsal-intake}, {@code GET /fhir/CodeSystem/{id}},
 * {@code POST /fhir/QuestionnaireResponse/$assess}, {@code GET /metrics}, {@code GET /health/live}
 * and {@code GET /health/ready}. In shadow mode a candidate configuration assesses every request
 * too, off the live path (see {@link Shadow}). See docs/integration.md.
 */
public final class CdsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);
    /** Connections the OS may hold for the server before it accepts them. */
    private static final int BACKLOG = 512;

    static {
        // The JDK server sends a response's headers and body as two writes; with Nagle's algorithm
        // the body waits for the client's delayed ACK of the headers, some 40 ms per answer. Read
        // once, when the JDK server's configuration class loads: set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final Workers workers;
    private final FeedbackLog feedback;
    private final Shadow shadow;
    private final Health health;
    private final ServiceConfig config;
    private final Thread warmup;

    private CdsServer(HttpServer server, Workers workers, FeedbackLog feedback, Shadow shadow, Health health,
                      ServiceConfig config, Thread warmup) {
        this.server = server;
        this.workers = workers;
        this.feedback = feedback;
        this.shadow = shadow;
        this.health = health;
        this.config = config;
        this.warmup = warmup;
    }

    /**
     * Builds the facade with its defaults and starts serving on 127.0.0.1, without client
     * authentication (for a developer's machine; see {@code --config} for anything else).
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
     * Starts serving {@code dorsal}'s assessments on loopback; with a candidate, in shadow mode.
     *
     * @param candidate the engine to compare every live assessment with, already opened; null for none
     * @param shadowQueue how many assessments may wait for the candidate before further ones are dropped
     */
    static CdsServer start(int port, Path feedbackLog, Dorsal dorsal, Engine candidate, int shadowQueue) throws IOException {
        ServiceConfig config = ServiceConfig.defaults().withPort(port).withFeedbackLog(feedbackLog)
                .withShadow(candidate == null ? null : new ServiceConfig.ShadowSettings(null, null, null, shadowQueue));
        return start(config, dorsal, candidate);
    }

    /**
     * Starts serving as {@code config} says. Refuses (DorsalConfigurationException) a configuration
     * that would listen beyond loopback without trusted issuers, before opening anything.
     *
     * @param candidate the shadow engine, already opened, or null
     */
    static CdsServer start(ServiceConfig config, Dorsal dorsal, Engine candidate) throws IOException {
        return start(config, dorsal, candidate, Warmup::run);
    }

    /** What runs before the service says it is ready; tests replace it to watch readiness or to measure a cold start. */
    @FunctionalInterface
    interface WarmUp {
        void run(Dorsal dorsal, DorsalFhir fhir, FhirContext context);
    }

    static CdsServer start(ServiceConfig config, Dorsal dorsal, Engine candidate, WarmUp warmUp) throws IOException {
        config.requireSecure();
        SSLContext tls = config.tls() == null ? null : tls(config.tls());
        FeedbackLog log = new FeedbackLog(config.feedbackLog());
        Shadow shadow = null;
        Workers workers = null;
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            metrics.config().meterFilter(ShadowMetrics.RULE_TAG_LIMIT);
            int shadowQueue = config.shadow() == null || config.shadow().queue() == null ? Shadow.DEFAULT_QUEUE : config.shadow().queue();
            shadow = candidate == null ? null : new Shadow(candidate, shadowQueue, metrics);
            FhirContext fhirContext = FhirContext.forR4Cached();
            DorsalFhir fhir = DorsalFhir.of(dorsal);
            FhirJson fhirJson = new FhirJson(fhirContext);
            Health health = new Health();
            InetSocketAddress address = new InetSocketAddress(config.bind(), config.port());
            HttpServer server = tls == null ? HttpServer.create(address, BACKLOG) : https(address, tls);
            URI base = baseUri(server, tls != null);
            ClientAuth auth = config.clientAuth() ? JwtClientAuth.of(config, base) : null;
            workers = new Workers(config.workers(), config.queue());
            HttpMetrics httpMetrics = new HttpMetrics(metrics);
            CdsService.register(server, new CdsService.Parts(dorsal, fhir, fhirJson, new Assessor(dorsal, metrics, shadow), log,
                    new IssuedCards(), metrics, health, Cards.interview(config.audience() == null ? base : config.audience())),
                    new Dispatch.Shared(auth, workers, new ErrorRenderer(fhirJson), httpMetrics));
            // Static files for patients' browsers: no token, no body, answered on the same bounded workers.
            server.createContext(InterviewPages.CONTEXT, new InterviewPages(httpMetrics));
            server.setExecutor(workers);
            server.start();
            if (auth == null) {
                LOG.warn("CLIENT AUTHENTICATION IS OFF: no trustedIssuers are configured, so /cds-services answers any caller."
                        + " Allowed on loopback ({}) only; configure trustedIssuers before an EHR calls this service.", config.bind());
            } else {
                LOG.info("CDS Hooks calls need a JWT from one of {} trusted issuers, audience {}", config.trustedIssuers().size(),
                        config.audience() == null ? base : config.audience());
            }
            Thread warmup = new Thread(() -> warm(warmUp, dorsal, fhir, fhirContext, health), "cds-warmup");
            warmup.setDaemon(true);
            warmup.start();
            return new CdsServer(server, workers, log, shadow, health, config, warmup);
        } catch (IOException | RuntimeException e) {
            if (workers != null) {
                workers.shutdown();
            }
            if (shadow != null) {
                shadow.close();
            }
            log.close();
            throw e;
        }
    }

    private static void warm(WarmUp warmUp, Dorsal dorsal, DorsalFhir fhir, FhirContext context, Health health) {
        long start = System.nanoTime();
        try {
            warmUp.run(dorsal, fhir, context);
            health.ready();
            LOG.info("ready: warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // Not ready, and saying why: a knowledge base that cannot assess must not take traffic.
            LOG.error("warm-up failed, not ready: {}", e.getClass().getName(), e);
        }
    }

    private static SSLContext tls(ServiceConfig.Tls tls) throws IOException {
        char[] password;
        try {
            List<String> lines = Files.readAllLines(tls.passwordFile(), StandardCharsets.UTF_8);
            password = (lines.isEmpty() ? "" : lines.get(0)).toCharArray();
        } catch (IOException e) {
            throw new DorsalConfigurationException("tls.passwordFile cannot be read: " + tls.passwordFile());
        }
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new DorsalConfigurationException("tls.keystore " + tls.keystore() + " cannot be used as a PKCS#12 keystore with"
                    + " that password: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** TLS 1.3 and 1.2 only, whatever the JDK would otherwise allow. */
    static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static HttpsServer https(InetSocketAddress address, SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(address, BACKLOG);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setProtocols(TLS_PROTOCOLS.toArray(String[]::new));
                params.setSSLParameters(p);
            }
        });
        return server;
    }

    private static URI baseUri(HttpServer server, boolean https) {
        String host = server.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((https ? "https" : "http") + "://" + host + ":" + server.getAddress().getPort());
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port}, or {@code https://...} with TLS. */
    public URI baseUri() {
        return baseUri(server, server instanceof HttpsServer);
    }

    /** Whether the warm-up has finished and the service is not stopping: what {@code GET /health/ready} says. */
    public boolean ready() {
        return health.isReady();
    }

    /** Requests accepted and not yet answered. */
    int inFlight() {
        return workers.unfinished();
    }

    /** Waits up to {@code millis} for the warm-up; true once ready. */
    boolean awaitReady(long millis) throws InterruptedException {
        warmup.join(millis);
        return health.isReady();
    }

    /**
     * Stops gracefully: no longer ready, every new request answered 503, the requests already
     * accepted given up to the configured grace to finish, then the listener closed, the shadow's
     * queue given a second, and the feedback log (forced to disk on every append) closed.
     */
    @Override
    public void close() throws IOException {
        long start = System.nanoTime();
        health.stopping();
        workers.drain();
        boolean finished = true;
        try {
            finished = workers.awaitIdle(config.shutdownGraceSeconds() * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // JDK 17's stop(n) waits the whole n seconds even when nothing is in flight; the wait above is the bound.
        server.stop(0);
        workers.shutdown();
        if (shadow != null) {
            shadow.close();
        }
        feedback.close();
        LOG.info("stopped in {} ms{}", (System.nanoTime() - start) / 1_000_000,
                finished ? "" : "; requests still running after " + config.shutdownGraceSeconds() + " s were cut off");
    }

    /**
     * Starts the service; {@code --help} lists the options. Exits with status 2 when an option, the
     * configuration or the shadow candidate is refused, 1 when the server cannot start (a port or
     * feedback log in use).
     */
    public static void main(String[] args) {
        int status = ServeCommand.run(args);
        // Status 0 leaves the JVM to the server's threads; exiting here would stop it.
        if (status != 0) {
            System.exit(status);
        }
    }
}
