package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP handler of one route: it admits the request (or answers 503 when the workers are full
 * or the service is stopping), checks the EHR's token on CDS Hooks calls, checks the method, lets
 * the {@link Endpoint} answer, renders any refusal in the route's format, and logs and counts the
 * outcome. A path the JDK server matched only by prefix is handed to {@code fallback}.
 *
 * <p>The log has one line per request (method, route name, status, time) and never the path, a
 * patient identifier, a finding or a token.
 */
final class Dispatch implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);
    static final int RETRY_AFTER_SECONDS = 1;

    /** What every route shares: the client check (null when off), the workers, the error format, the metrics. */
    record Shared(ClientAuth auth, Workers workers, ErrorRenderer errors, HttpMetrics metrics) {
    }

    private final Route route;
    private final Endpoint endpoint;
    private final Shared shared;
    private final boolean subPaths;
    private final HttpHandler fallback;

    /**
     * @param subPaths whether paths under the route's path ({@code path + "/..."}) are the route's too
     * @param fallback the handler of a path that is neither
     */
    Dispatch(Route route, Endpoint endpoint, Shared shared, boolean subPaths, HttpHandler fallback) {
        this.route = route;
        this.endpoint = endpoint;
        this.shared = shared;
        this.subPaths = subPaths;
        this.fallback = fallback;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean mine = path.equals(route.path()) || subPaths && path.startsWith(route.path() + "/");
        if (!mine && fallback != null) {
            fallback.handle(ex);
            return;
        }
        long start = System.nanoTime();
        int status = 500;
        try {
            admit(ex);
            if (route.cdsHooks() && shared.auth() != null) {
                shared.auth().check(ex.getRequestHeaders().getFirst("Authorization"), path, route.name());
            }
            if (route.method() != null && !route.method().equals(ex.getRequestMethod())) {
                throw HttpProblem.methodNotAllowed(ex.getRequestMethod(), route.method());
            }
            Reply reply = endpoint.answer(ex);
            Exchanges.send(ex, status = reply.status(), reply.contentType(), reply.body());
        } catch (ClientAuth.Refused r) {
            status = 401;
            shared.metrics().authRefused(r.check());
            refuse(ex, r.problem());
        } catch (HttpProblem p) {
            status = p.status;
            refuse(ex, p);
        } catch (IOException e) {
            // The client went away mid-request: there is no one left to answer.
            status = 499;
            LOG.debug("{}: connection lost: {}", route.name(), e.toString());
        } catch (RuntimeException e) {
            status = 500;
            LOG.error("{}: internal error {}", route.name(), e.getClass().getName(), e);
            refuse(ex, new HttpProblem(500, "internal-error", null, "the service failed; nothing was advised"));
        } finally {
            ex.close();
            long nanos = System.nanoTime() - start;
            shared.metrics().request(route.name(), status, nanos);
            LOG.info("{} {} -> {} in {} ms", ex.getRequestMethod(), route.name(), status, nanos / 1_000_000);
        }
    }

    /** Past the workers' bounds, or once stopping, everything but the health and metrics routes is 503. */
    private void admit(HttpExchange ex) {
        if (route.operational()) {
            return;
        }
        if (Workers.shedding()) {
            // The body is left unread, so the connection is closed after the 503 rather than kept for a
            // next request: a client must not send another one on it and meet a closed socket.
            ex.getResponseHeaders().set("Connection", "close");
            throw HttpProblem.unavailable("overloaded", "the service is at capacity; nothing was read or advised", RETRY_AFTER_SECONDS);
        }
        if (shared.workers().draining()) {
            ex.getResponseHeaders().set("Connection", "close");
            throw HttpProblem.unavailable("shutting-down", "the service is stopping; nothing was read or advised", RETRY_AFTER_SECONDS);
        }
    }

    private void refuse(HttpExchange ex, HttpProblem p) {
        try {
            shared.errors().send(ex, p, route.fhirErrors());
        } catch (IOException e) {
            LOG.debug("could not send the error: {}", e.toString());
        }
    }
}
