package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.dorsal.fhir.IntakeFetchException;
import org.dorsal.fhir.IntakeFetcher;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The hook request's way to the intake when it has no prefetch: its {@code fhirServer} queried with
 * its {@code fhirAuthorization} (CDS Hooks 2.0), through {@link IntakeFetcher}. The access token is
 * transient: read from the request, sent to {@code fhirServer} only, never logged, never kept, never
 * put in an answer.
 *
 * <p>Answers when the fetch fails (none gives advice): 412 when the EHR's authorization did not let
 * the service read, which is the CDS Hooks status for "unable to retrieve the necessary FHIR data";
 * 502 when the FHIR server failed or answered something that cannot be trusted; 504 when it did not
 * answer in time. See docs/integration.md.
 */
final class FhirFallback {
    static final String SERVER = "fhirServer";
    static final String AUTHORIZATION = "fhirAuthorization";
    /** A CDS hook has a few seconds in all; the FHIR server gets most of them. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final IntakeFetcher fetcher;

    FhirFallback(IntakeFetcher fetcher) {
        this.fetcher = fetcher;
    }

    static FhirFallback withDefaults() {
        return new FhirFallback(IntakeFetcher.builder().connectTimeout(CONNECT_TIMEOUT).readTimeout(READ_TIMEOUT).build());
    }

    /** Whether the request lets the service query the FHIR server itself. */
    static boolean offered(HookRequest request) {
        return request.fhirServer() != null && request.fhirAuthorization() != null;
    }

    /** The patient's newest intake on the request's FHIR server; empty when there is none. */
    Optional<QuestionnaireResponse> newest(HookRequest request) {
        String patientId = request.patientId();
        URI server = server(request.fhirServer());
        String token = token(request.fhirAuthorization(), patientId);
        try {
            return fetcher.newest(server, token, patientId);
        } catch (IllegalArgumentException e) {
            // The server and token were checked above, so this is the patient id.
            throw HttpProblem.badRequest("invalid-request", "context.patientId", "context.patientId must be a FHIR id"
                    + " to be searched for: 1 to 64 letters, digits, '-' or '.'");
        } catch (IntakeFetchException e) {
            throw problem(e);
        }
    }

    private static URI server(JsonNode node) {
        String at = SERVER;
        if (!node.isTextual()) {
            throw HttpProblem.badRequest("invalid-request", at, at + " must be a string");
        }
        try {
            URI uri = new URI(node.asText());
            // The fetcher's own check, run here so that the answer names the field.
            IntakeFetcher.requireServer(uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid-request", at, at + " must be the FHIR server's base URL: https (http to"
                    + " a loopback address only), with a host and no user info, query or fragment");
        }
    }

    /**
     * The access token, once the rest of fhirAuthorization checks out (all its fields are required
     * in CDS Hooks 2.0, {@code patient} excepted). No message here quotes the token.
     */
    private static String token(JsonNode auth, String patientId) {
        String at = AUTHORIZATION;
        if (!auth.isObject()) {
            throw HttpProblem.badRequest("invalid-request", at, at + " must be a JSON object");
        }
        String token = required(auth, "access_token");
        if (!required(auth, "token_type").toLowerCase(Locale.ROOT).equals("bearer")) {
            throw HttpProblem.badRequest("invalid-request", at + ".token_type", at + ".token_type must be Bearer");
        }
        JsonNode expires = auth.get("expires_in");
        if (expires == null || !expires.canConvertToLong() || !expires.isIntegralNumber() || expires.asLong() <= 0) {
            throw HttpProblem.badRequest("invalid-request", at + ".expires_in", at + ".expires_in must be a positive whole number of seconds");
        }
        required(auth, "scope");
        required(auth, "subject");
        JsonNode patient = auth.get("patient");
        if (patient != null && !(patient.isTextual() && patient.asText().equals(patientId))) {
            throw HttpProblem.badRequest("invalid-request", at + ".patient", at + ".patient is not the patient in context");
        }
        try {
            IntakeFetcher.requireToken(token);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid-request", at + ".access_token", at + ".access_token must be a bearer token (RFC 6750)");
        }
        return token;
    }

    private static String required(JsonNode auth, String field) {
        JsonNode v = auth.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            String path = AUTHORIZATION + "." + field;
            throw HttpProblem.badRequest("invalid-request", path, path + " is required and must be a non-empty string");
        }
        return v.asText();
    }

    private static HttpProblem problem(IntakeFetchException e) {
        return switch (e.failure()) {
            case UNAUTHORIZED -> new HttpProblem(412, "fhir-unauthorized", AUTHORIZATION, e.getMessage());
            case FORBIDDEN -> new HttpProblem(412, "fhir-forbidden", AUTHORIZATION, e.getMessage());
            case TIMEOUT -> new HttpProblem(504, "fhir-timeout", SERVER, e.getMessage());
            case UNREACHABLE -> new HttpProblem(502, "fhir-unreachable", SERVER, e.getMessage());
            case REDIRECTED -> new HttpProblem(502, "fhir-redirected", SERVER, e.getMessage());
            case REFUSED -> new HttpProblem(502, "fhir-refused", SERVER, e.getMessage());
            case SERVER_ERROR -> new HttpProblem(502, "fhir-server-error", SERVER, e.getMessage());
            case UNREADABLE -> new HttpProblem(502, "fhir-unreadable", SERVER, e.getMessage());
            case TOO_LARGE -> new HttpProblem(502, "fhir-too-large", SERVER, e.getMessage());
            case OTHER_PATIENT -> new HttpProblem(502, "fhir-subject-mismatch", SERVER, e.getMessage());
            case FOREIGN_LINK -> new HttpProblem(502, "fhir-foreign-link", SERVER, e.getMessage());
            case TOO_MANY_PAGES -> new HttpProblem(502, "fhir-too-many-pages", SERVER, e.getMessage());
        };
    }
}
