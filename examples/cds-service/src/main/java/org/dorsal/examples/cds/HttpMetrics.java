package org.dorsal.examples.cds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the HTTP layer counts: every request by route and status, with its time, and every refused
 * token by the check it failed. Labels are route names, status codes and check names: fixed sets,
 * never anything taken from a request.
 */
final class HttpMetrics {
    static final String REQUESTS = "dorsal.http.requests";
    static final String AUTH_REFUSED = "dorsal.auth.refused";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    void request(String route, int status, long nanos) {
        Timer.builder(REQUESTS).tag("route", route).tag("status", Integer.toString(status))
                .description("HTTP requests by route and status, from the handler's start to the answer sent")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void authRefused(String check) {
        Counter.builder(AUTH_REFUSED).tag("reason", check)
                .description("CDS Hooks calls refused 401, by the token check that failed")
                .register(registry).increment();
    }
}
