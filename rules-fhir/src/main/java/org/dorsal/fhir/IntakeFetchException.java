package org.dorsal.fhir;

/**
 * {@link IntakeFetcher} could not tell what the patient's newest intake is. The message says what
 * went wrong in words a host may pass on to its caller: it never holds the access token, the
 * patient id, or anything the FHIR server sent back.
 */
public final class IntakeFetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the fetch failed; a host maps each to its own answer (see docs/integration.md for the CDS service's). */
    public enum Failure {
        /** The FHIR server answered 401: it did not accept the access token. */
        UNAUTHORIZED,
        /** The FHIR server answered 403: the token does not allow reading the patient's responses. */
        FORBIDDEN,
        /** The FHIR server answered with a redirect, which is not followed: the token goes to the base URL only. */
        REDIRECTED,
        /** The FHIR server refused the search with another 4xx. */
        REFUSED,
        /** The FHIR server answered 5xx. */
        SERVER_ERROR,
        /** No connection within the connect timeout, or no byte of the answer within the read timeout. */
        TIMEOUT,
        /** The FHIR server could not be reached (connection refused, unknown host, TLS failure). */
        UNREACHABLE,
        /** The answer is not a FHIR R4 search Bundle that reads strictly. */
        UNREADABLE,
        /** The answer says it is longer than the bound ({@link IntakeFetcher.Builder#maxBytes(long)}). */
        TOO_LARGE,
        /** The answer holds a response about someone other than the patient asked for. */
        OTHER_PATIENT,
        /** A {@code next} link points away from the FHIR server's base URL; the token is not sent there. */
        FOREIGN_LINK,
        /** The pages allowed were read without finding an intake, and more pages remain. */
        TOO_MANY_PAGES
    }

    private final Failure failure;

    IntakeFetchException(Failure failure, String message) {
        super(message, null, false, false);
        this.failure = failure;
    }

    /** Why the fetch failed. */
    public Failure failure() {
        return failure;
    }
}
