package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writing responses: the media types the service speaks, UTF-8, never cached. Bodies are read by {@link BodyDecoder}. */
final class Exchanges {
    static final String JSON = "application/json";
    static final String FHIR_JSON = "application/fhir+json";
    /** Prometheus' text exposition format; {@link #send} adds the charset. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";

    private Exchanges() {
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
