package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.dorsal.internal.Text;

/** Reading requests and writing responses with the limits the service promises. */
final class Exchanges {
    static final String JSON = "application/json";
    static final String FHIR_JSON = "application/fhir+json";
    /** Prometheus' text exposition format; {@link #send} adds the charset. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";
    /** Past the limit, a body is read and dropped up to this size so that the 413 reaches the client. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private Exchanges() {
    }

    /** Refuses a request whose Content-Type is not {@code expected} (parameters allowed, charset UTF-8 only). */
    static void requireContentType(HttpExchange ex, String expected) {
        String header = ex.getRequestHeaders().getFirst("Content-Type");
        if (header == null) {
            throw new HttpProblem(415, "unsupported-media-type", "Content-Type", "no Content-Type; send " + expected);
        }
        String[] parts = header.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(expected)) {
            throw new HttpProblem(415, "unsupported-media-type", "Content-Type",
                    "Content-Type " + Text.echo(type) + " is not accepted here; send " + expected);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].strip().split("=", 2);
            if (kv[0].equalsIgnoreCase("charset") && kv.length == 2
                    && !kv[1].replace("\"", "").strip().equalsIgnoreCase("utf-8")) {
                throw new HttpProblem(415, "unsupported-media-type", "Content-Type", "only UTF-8 is accepted");
            }
        }
    }

    /** The whole body, or a 413 when it is longer than {@code limit} bytes (whatever Content-Length says). */
    static byte[] body(HttpExchange ex, int limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = ex.getRequestBody()) {
            if (declared != null) {
                long n;
                try {
                    n = Long.parseLong(declared.strip());
                } catch (NumberFormatException e) {
                    throw HttpProblem.badRequest("bad-content-length", "Content-Length", "Content-Length is not a number");
                }
                if (n > limit) {
                    drain(in);
                    throw tooLarge(limit);
                }
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                drain(in);
                throw tooLarge(limit);
            }
            if (body.length == 0) {
                throw HttpProblem.badRequest("empty-body", "body", "the request has no body");
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_LIMIT;
        byte[] sink = new byte[8192];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private static HttpProblem tooLarge(int limit) {
        return new HttpProblem(413, "too-large", "body", "the body is larger than the " + limit + " bytes accepted here");
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    static String read(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
