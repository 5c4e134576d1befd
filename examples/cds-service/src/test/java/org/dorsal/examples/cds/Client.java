package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.dorsal.fhir.FhirChecks;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** A real HTTP client against a running server, and the requests the tests send. */
class Client {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATIENT_ID = "pt-7F3A-identifying";

    private final HttpClient http;
    private final URI base;
    /** The Authorization header each request carries, or null for none. */
    private final java.util.function.Supplier<String> authorization;

    Client(CdsServer server) {
        this(server.baseUri(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build(), null);
    }

    Client(URI base, HttpClient http, java.util.function.Supplier<String> authorization) {
        this.base = base;
        this.http = http;
        this.authorization = authorization;
    }

    /** The same client, each request with {@code Authorization: Bearer} and a fresh token from {@code tokens} for its path. */
    Client withTokens(java.util.function.Function<String, String> tokens) {
        return new Client(base, http, null) {
            @Override
            HttpRequest.Builder builder(String path) {
                return super.builder(path).header("Authorization", "Bearer " + tokens.apply(path));
            }
        };
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
        if (authorization != null) {
            b.header("Authorization", authorization.get());
        }
        return b;
    }

    /** A request with the given headers (name, value, name, value...) and nothing else added. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> get(String path) {
        return send(builder(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path, contentType, body));
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String contentType, String body) {
        return http.sendAsync(request(path, contentType, body.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A patient-view request whose prefetch holds {@code response} in a search Bundle. */
    static String hook(QuestionnaireResponse response) {
        response.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + PATIENT_ID));
        org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle();
        bundle.setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(response);
        return hookWithPrefetch(FhirChecks.json(bundle));
    }

    /** A patient-view request whose prefetch.intake is the given JSON text. */
    static String hookWithPrefetch(String intakeJson) {
        return """
                {"hook": "patient-view", "hookInstance": "1f4a3b0e-2d3c-4a5b-9c8d-7e6f5a4b3c2d",
                 "context": {"userId": "Practitioner/example", "patientId": "%s"},
                 "prefetch": {"intake": %s}}""".formatted(PATIENT_ID, intakeJson);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
