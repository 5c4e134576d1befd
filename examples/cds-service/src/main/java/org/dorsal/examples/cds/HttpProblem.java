package org.dorsal.examples.cds;

/**
 * A request the service cannot answer, with the status to answer it with. Thrown anywhere while a
 * request is handled; the handler turns it into an OperationOutcome (FHIR endpoints) or a JSON
 * error (the others). Never carries advice.
 *
 * @param status the HTTP status: 4xx for a request that cannot be read or answered, 500 only when
 *               the service itself fails
 * @param code a short, stable name for the problem, e.g. {@code invalid-intake}
 * @param field the field, linkId or header at fault, or null
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String field;

    HttpProblem(int status, String code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static HttpProblem badRequest(String code, String field, String message) {
        return new HttpProblem(400, code, field, message);
    }
}
