package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;
import static org.dorsal.fhir.FhirTestServer.PATIENT_A;
import static org.dorsal.fhir.FhirTestServer.PATIENT_B;
import static org.dorsal.fhir.FhirTestServer.TOKEN;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.dorsal.fhir.FhirTestServer;
import org.dorsal.fhir.IntakeResponses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patient-view request without prefetch but with fhirServer and fhirAuthorization: the running
 * service queries a real HAPI plain server on loopback (rules-fhir's {@link FhirTestServer}) with the
 * token, and answers as it would have with the prefetch; every failure is an error without advice,
 * and the token is in no log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirFallbackTest {
    private static final String HOOK = "/cds-services/dorsal-patient-view";
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream stderr;
    private static FhirTestServer fhir;
    private static CdsServer server;
    private static Client client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        // slf4j-simple looks System.err up on every write: this catches every log line of the JVM.
        stderr = System.err;
        System.setErr(new PrintStream(LOG, true, StandardCharsets.UTF_8));
        fhir = FhirTestServer.start(MAPPINGS);
        server = CdsServer.start(0, dir.resolve("feedback.jsonl"), DORSAL);
        client = new Client(server);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.close();
            fhir.close();
        } finally {
            System.setErr(stderr);
        }
    }

    @BeforeEach
    void clear() {
        fhir.clear();
    }

    @Test
    void without_prefetch_the_service_reads_the_fhir_server_with_the_token_and_answers_as_with_prefetch() throws Exception {
        for (String patient : new String[] {PATIENT_A, PATIENT_B}) {
            String bundle = searchAsTheEhrWould(patient);
            fhir.clear();

            HttpResponse<String> fetched = client.post(HOOK, "application/json", hook(patient, fhir.base().toString(), authorization(TOKEN)));
            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
            assertThat(fhir.seen()).singleElement().satisfies(seen -> {
                assertThat(seen.authorization()).isEqualTo("Bearer " + TOKEN);
                assertThat(seen.query()).isEqualTo(IntakeResponses.search(patient).substring("QuestionnaireResponse?".length()));
            });

            HttpResponse<String> prefetched = client.post(HOOK, "application/json", prefetchHook(patient, bundle));
            assertThat(prefetched.statusCode()).isEqualTo(200);
            JsonNode cards = withoutUuids(Client.json(fetched).get("cards"));
            assertThat(cards).isNotEmpty().isEqualTo(withoutUuids(Client.json(prefetched).get("cards")));
            // pat-a's newest intake is urgent-radiculopathy, pat-b's emergency-vascular.
            assertThat(cards.get(0).get("indicator").asText()).isEqualTo(patient.equals(PATIENT_A) ? "warning" : "critical");
        }
    }

    @Test
    void a_patient_with_no_intake_on_the_fhir_server_gets_no_cards() {
        HttpResponse<String> r = client.post(HOOK, "application/json",
                hook(FhirTestServer.PATIENT_NONE, fhir.base().toString(), authorization(TOKEN)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Client.json(r).get("cards")).isEmpty();
    }

    @Test
    void a_token_the_fhir_server_refuses_is_412_without_advice() {
        JsonNode e = error(hook(PATIENT_A, fhir.base().toString(), authorization("tok.expired")), 412, "fhir-unauthorized");
        assertThat(e.get("field").asText()).isEqualTo("fhirAuthorization");
        assertThat(fhir.seen()).singleElement().extracting(FhirTestServer.Seen::authorization).isEqualTo("Bearer tok.expired");
        error(hook(PATIENT_A, fhir.base().toString(), authorization(FhirTestServer.READ_NOTHING_TOKEN)), 412, "fhir-forbidden");
    }

    @Test
    void an_answer_about_another_patient_is_refused() {
        error(hook(PATIENT_B, fhir.base("lax").toString(), authorization(TOKEN)), 502, "fhir-subject-mismatch");
    }

    @Test
    void a_failing_fhir_server_is_502_and_one_that_stalls_504() throws IOException {
        error(hook(FhirTestServer.PATIENT_BROKEN, fhir.base().toString(), authorization(TOKEN)), 502, "fhir-server-error");
        error(hook(PATIENT_A, fhir.base("misaddressed").toString(), authorization(TOKEN)), 502, "fhir-foreign-link");
        assertThat(fhir.foreignRequests()).isEmpty();
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + stalled.getLocalPort() + "/fhir";
            // The service waits FhirFallback.READ_TIMEOUT (3 s), then answers.
            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> error(hook(PATIENT_A, base, authorization(TOKEN)), 504, "fhir-timeout"));
        }
    }

    @Test
    void without_fhir_server_and_fhir_authorization_a_missing_prefetch_is_still_412() {
        String bare = """
                {"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "%s"}}""".formatted(PATIENT_A);
        error(bare, 412, "prefetch-missing");
        ObjectNode serverOnly = Client.object(hook(PATIENT_A, fhir.base().toString(), authorization(TOKEN)));
        serverOnly.remove("fhirAuthorization");
        error(serverOnly.toString(), 412, "prefetch-missing");
        ObjectNode authorizationOnly = Client.object(hook(PATIENT_A, fhir.base().toString(), authorization(TOKEN)));
        authorizationOnly.remove("fhirServer");
        error(authorizationOnly.toString(), 412, "prefetch-missing");
        assertThat(fhir.seen()).isEmpty();
    }

    @Test
    void a_fhir_authorization_that_is_not_as_cds_hooks_defines_it_is_refused_naming_the_field() {
        String base = fhir.base().toString();
        assertField(hook(PATIENT_A, base, authorization(TOKEN).replace("\"Bearer\"", "\"MAC\"")), "fhirAuthorization.token_type");
        assertField(hook(PATIENT_A, base, authorization(TOKEN).replace("\"expires_in\": 300", "\"expires_in\": \"300\"")),
                "fhirAuthorization.expires_in");
        assertField(hook(PATIENT_A, base, authorization(TOKEN).replace("\"scope\"", "\"scopes\"")), "fhirAuthorization.scope");
        assertField(hook(PATIENT_A, base, authorization(TOKEN).replace("}", ", \"patient\": \"" + PATIENT_B + "\"}")),
                "fhirAuthorization.patient");
        assertField(hook(PATIENT_A, base, authorization("tok.with space")), "fhirAuthorization.access_token");
        assertField(hook(PATIENT_A, base, "\"a string\""), "fhirAuthorization");
        assertField(hook(PATIENT_A, "http://ehr.example.org/fhir", authorization(TOKEN)), "fhirServer");
        assertField(hook(PATIENT_A, base + "?x=1", authorization(TOKEN)), "fhirServer");
        assertField(hook("a&subject=Patient/" + PATIENT_B, base, authorization(TOKEN)), "context.patientId");
        // With the patient it names, the token reads as usual.
        HttpResponse<String> ok = client.post(HOOK, "application/json",
                hook(PATIENT_A, base, authorization(TOKEN).replace("}", ", \"patient\": \"" + PATIENT_A + "\"}")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(fhir.seen()).hasSize(1);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void the_log_holds_request_lines_and_never_a_token() {
        // Runs last, over everything the tests above made the service and the FHIR server log.
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST patient-view -> 200", "POST patient-view -> 412", "POST patient-view -> 502",
                "POST patient-view -> 504", "POST patient-view -> 400");
        assertThat(log).doesNotContain(TOKEN).doesNotContain(FhirTestServer.READ_NOTHING_TOKEN).doesNotContain("tok.")
                .doesNotContain("Bearer");
        assertThat(log).doesNotContain(PATIENT_A).doesNotContain(PATIENT_B);
    }

    private static void assertField(String request, String field) {
        assertThat(error(request, 400, "invalid-request").get("field").asText()).isEqualTo(field);
    }

    /** The error answer, checked for its status and code, for carrying no cards, and for not quoting the token. */
    private static JsonNode error(String request, int status, String code) {
        HttpResponse<String> r = client.post(HOOK, "application/json", request);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = Client.json(r);
        assertThat(e.get("error").asText()).isEqualTo(code);
        assertThat(e.has("cards")).isFalse();
        assertThat(r.body()).doesNotContain("tok.");
        return e;
    }

    private static String authorization(String token) {
        return """
                {"access_token": "%s", "token_type": "Bearer", "expires_in": 300,
                 "scope": "patient/QuestionnaireResponse.read", "subject": "dorsal-cds"}""".formatted(token);
    }

    private static String hook(String patientId, String fhirServer, String authorization) {
        return """
                {"hook": "patient-view", "hookInstance": "1f4a3b0e-2d3c-4a5b-9c8d-7e6f5a4b3c2d",
                 "context": {"userId": "Practitioner/example", "patientId": "%s"},
                 "fhirServer": "%s", "fhirAuthorization": %s}""".formatted(patientId, fhirServer, authorization);
    }

    private static String prefetchHook(String patientId, String bundle) {
        return """
                {"hook": "patient-view", "hookInstance": "1f4a3b0e-2d3c-4a5b-9c8d-7e6f5a4b3c2d",
                 "context": {"userId": "Practitioner/example", "patientId": "%s"},
                 "prefetch": {"intake": %s}}""".formatted(patientId, bundle);
    }

    /** What an EHR puts in prefetch.intake: the template's search run on its FHIR server. */
    private static String searchAsTheEhrWould(String patientId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhir.base() + "/" + IntakeResponses.search(patientId)))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/fhir+json").GET().build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode withoutUuids(JsonNode cards) {
        ArrayNode copy = cards.deepCopy();
        copy.forEach(card -> ((ObjectNode) card).remove("uuid"));
        return copy;
    }
}
