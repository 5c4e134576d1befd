package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patient-facing web interview: one HTML page and its script, style sheet and icon, read from
 * the classpath ({@code /interview/...}) once, at start. The page asks the knowledge base's own
 * questions by posting the answers so far to {@code POST /assess}; this handler only serves the
 * files, so the server stays stateless and holds nothing about the patient.
 *
 * <p>Only the four names of {@link #pages} exist: a request path is looked up, never resolved against
 * a directory, so no path can reach another file. Every answer forbids anything the page does not
 * load from this service itself (Content-Security-Policy, no inline script or style), and caches
 * are told to check back before reusing a file ({@code no-cache} with a strong ETag).
 */
final class InterviewPages implements HttpHandler {
    static final String CONTEXT = "/interview";

    /**
     * Self only. {@code form-action 'none'}: the page never submits a form the browser's way, so
     * even with its script broken no answer can end up in a URL. {@code frame-ancestors 'self'}:
     * an app that embeds the interview serves it from its own origin, through its proxy.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    /** A served file: the route name the log uses, its content type, its bytes and their ETag. */
    private record Page(String route, String contentType, byte[] bytes, String etag) {
        /** Reads {@code /interview/<name>} from the classpath. */
        static Page load(String route, String name, String contentType) {
            String resource = "/interview/" + name;
            try (InputStream in = InterviewPages.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the web interview's " + resource + " is missing from the classpath");
                }
                byte[] bytes = in.readAllBytes();
                return new Page(route, contentType, bytes, strongEtag(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);

    /** Request path → file; nothing else is served. */
    private final Map<String, Page> pages;
    /** The same request metric as every other route's, by this handler's route names. */
    private final HttpMetrics metrics;

    /** Reads every file now: a service missing one of them does not start. */
    InterviewPages(HttpMetrics metrics) {
        this.metrics = metrics;
        this.pages = Map.of(
                CONTEXT, Page.load("interview", "index.html", "text/html"),
                CONTEXT + "/app.js", Page.load("interview-script", "app.js", "text/javascript"),
                CONTEXT + "/interview.css", Page.load("interview-style", "interview.css", "text/css"),
                CONTEXT + "/icon.svg", Page.load("interview-icon", "icon.svg", "image/svg+xml"));
    }

    private static String strongEtag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void handle(HttpExchange ex) {
        long start = System.nanoTime();
        String route = "unknown";
        int status = 500;
        try {
            secure(ex);
            String method = ex.getRequestMethod();
            // The raw path, undecoded: "/interview/%2e%2e/x" is not a name here, and neither is "/interview/../x".
            String path = ex.getRequestURI().getRawPath();
            Page page = pages.get(path);
            if (page == null && path.equals(CONTEXT + "/")) {
                route = "interview-slash";
                // The page's links are relative to /interview; a relative Location keeps any proxy prefix.
                ex.getResponseHeaders().set("Location", "../interview");
                status = 301;
                ex.sendResponseHeaders(status, -1);
            } else if (page == null) {
                status = 404;
                Exchanges.send(ex, status, Exchanges.JSON, "{\"error\":\"not-found\",\"message\":\"no such page\"}");
            } else {
                route = page.route();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    status = 405;
                    ex.getResponseHeaders().set("Allow", "GET, HEAD");
                    Exchanges.send(ex, status, Exchanges.JSON, "{\"error\":\"method-not-allowed\",\"message\":\""
                            + method.replaceAll("[^A-Z]", "") + " is not allowed here; use GET\"}");
                } else {
                    status = send(ex, page, method.equals("HEAD"));
                }
            }
        } catch (IOException e) {
            status = 499;
            LOG.debug("{}: connection lost: {}", route, e.toString());
        } catch (RuntimeException e) {
            status = 500;
            LOG.error("{}: internal error {}", route, e.getClass().getName(), e);
        } finally {
            ex.close();
            long nanos = System.nanoTime() - start;
            metrics.request(route, status, nanos);
            LOG.info("{} {} -> {} in {} ms", ex.getRequestMethod(), route, status, nanos / 1_000_000);
        }
    }

    private static int send(HttpExchange ex, Page page, boolean head) throws IOException {
        var headers = ex.getResponseHeaders();
        headers.set("Cache-Control", "no-cache");
        headers.set("ETag", page.etag());
        if (matches(ex.getRequestHeaders().getFirst("If-None-Match"), page.etag())) {
            ex.sendResponseHeaders(304, -1);
            return 304;
        }
        headers.set("Content-Type", page.contentType() + (page.contentType().startsWith("image/") ? "" : "; charset=utf-8"));
        if (head) {
            headers.set("Content-Length", Integer.toString(page.bytes().length));
            ex.sendResponseHeaders(200, -1);
        } else {
            ex.sendResponseHeaders(200, page.bytes().length);
            ex.getResponseBody().write(page.bytes());
        }
        return 200;
    }

    /** True when an If-None-Match header names this ETag (or is {@code *}); weak validators compare too. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The headers every answer of this handler carries, errors included. */
    private static void secure(HttpExchange ex) {
        var headers = ex.getResponseHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
