package org.dorsal.examples.cds;

/**
 * {@code GET /health/live} and {@code GET /health/ready}. Live while the process answers at all;
 * ready once the knowledge base is built and warmed, until the service starts to stop.
 */
final class Health {
    private volatile boolean ready;
    private volatile boolean stopping;

    void ready() {
        ready = true;
    }

    void stopping() {
        stopping = true;
    }

    boolean isReady() {
        return ready && !stopping;
    }

    Endpoint live() {
        return ex -> Reply.json("{\"status\":\"live\"}");
    }

    Endpoint readiness() {
        return ex -> {
            if (!isReady()) {
                throw HttpProblem.unavailable(stopping ? "stopping" : "warming-up",
                        stopping ? "the service is stopping" : "the knowledge base is being warmed up", Dispatch.RETRY_AFTER_SECONDS);
            }
            return Reply.json("{\"status\":\"ready\"}");
        };
    }
}
