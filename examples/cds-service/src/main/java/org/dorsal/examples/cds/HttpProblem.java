package org.dorsal.examples.cds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service cannot answer, with the status to answer it with. Thrown anywhere while a
 * request is handled; {@link ErrorRenderer} turns it into an OperationOutcome (FHIR endpoints) or a
 * JSON error (the others). Never carries advice.
 *
 * <p>{@code status} is 4xx for a request that cannot be read or answered, 503 when the service is
 * overloaded or stopping, 500 only when the service itself fails; {@code code} is a short, stable
 * name for the problem, e.g. {@code invalid-intake}; {@code field} is the field, linkId, header or
 * token check at fault, or null.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String field;
    /** Response headers the status calls for: Allow on 405, WWW-Authenticate on 401, Retry-After on 503. */
    final Map<String, String> headers;

    HttpProblem(int status, String code, String field, String message) {
        this(status, code, field, message, Map.of());
    }

    private HttpProblem(int status, String code, String field, String message, Map<String, String> headers) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem is a 4xx or 5xx answer, got " + status);
        }
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    static HttpProblem badRequest(String code, String field, String message) {
        return new HttpProblem(400, code, field, message);
    }

    static HttpProblem methodNotAllowed(String method, String allowed) {
        return new HttpProblem(405, "method-not-allowed", null, method + " is not allowed here; use " + allowed)
                .withHeader("Allow", allowed);
    }

    /** Too busy or stopping: the client may try again after {@code seconds}. */
    static HttpProblem unavailable(String code, String message, int seconds) {
        return new HttpProblem(503, code, null, message).withHeader("Retry-After", Integer.toString(seconds));
    }

    HttpProblem withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpProblem(status, code, field, getMessage(), h);
    }

    /** The same problem found inside {@code at}, e.g. {@code feedback[2]}: its field and message say where. */
    HttpProblem at(String at) {
        return new HttpProblem(status, code, field == null ? at : at + "." + field, at + "." + getMessage(), headers);
    }
}
