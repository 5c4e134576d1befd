package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.dorsal.fhir.FhirChecks;
import org.dorsal.fhir.Samples;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad request gets a 4xx naming the problem (a JSON error, or an OperationOutcome on
 * the FHIR endpoints) and never advice; and no request puts a patient identifier in the log.
 */
class BadRequestTest {
    private static final String HOOK = "/cds-services/dorsal-patient-view";
    private static final String FHIR_ASSESS = "/fhir/QuestionnaireResponse/$assess";
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream stderr;

    @TempDir
    static Path dir;
    static CdsServer server;
    static Client client;

    @BeforeAll
    static void start() throws IOException {
        // slf4j-simple looks System.err up on every write: this catches the service's log lines.
        stderr = System.err;
        System.setErr(new PrintStream(LOG, true, StandardCharsets.UTF_8));
        server = CdsServer.start(0, dir.resolve("feedback.jsonl"), DORSAL);
        client = new Client(server);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        System.setErr(stderr);
    }

    private static JsonNode jsonError(HttpResponse<String> r, int status, String error) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = Client.json(r);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.has("cards")).isFalse();
        assertThat(body.has("disposition")).isFalse();
        return body;
    }

    private static OperationOutcome.OperationOutcomeIssueComponent outcome(HttpResponse<String> r, int status,
                                                                            OperationOutcome.IssueType type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        OperationOutcome o = FhirChecks.parse(OperationOutcome.class, r.body());
        assertThat(FhirChecks.errors(o)).isEmpty();
        assertThat(o.getIssue()).hasSize(1);
        assertThat(o.getIssueFirstRep().getCode()).isEqualTo(type);
        assertThat(o.getIssueFirstRep().getDiagnostics()).isNotBlank();
        return o.getIssueFirstRep();
    }

    // --- malformed ---

    @Test
    void malformed_json_is_refused_on_every_json_endpoint() {
        for (String path : new String[] {HOOK, HOOK + "/feedback"}) {
            jsonError(client.post(path, "application/json", "{\"findings\": {"), 400, "malformed-json");
            jsonError(client.post(path, "application/json", "{} {}"), 400, "malformed-json");
            jsonError(client.post(path, "application/json", "{\"a\": 1, \"a\": 2}"), 400, "malformed-json");
        }
        // The intake contract reads /assess itself and names the position of the fault.
        assertThat(jsonError(client.post("/assess", "application/json", "{\"findings\": {"), 400, "invalid-intake")
                .get("field").asText()).startsWith("line 1");
        jsonError(client.post("/assess", "application/json", "{} {}"), 400, "invalid-intake");
        jsonError(client.post("/assess", "application/json", "{\"findings\": {}, \"findings\": {}}"), 400, "invalid-intake");
    }

    @Test
    void a_body_that_is_not_utf8_is_refused_on_every_endpoint_never_read_with_replacement_characters() {
        // C3 28: a two-byte sequence cut short. Read leniently it would become U+FFFD and a valid document.
        byte[] hook = "{\"hook\": \"patient-view\", \"hookInstance\": \"\u00c3(\"}".getBytes(StandardCharsets.ISO_8859_1);
        jsonError(client.post(HOOK, "application/json", hook), 400, "invalid-encoding");
        jsonError(client.post(HOOK + "/feedback", "application/json", hook), 400, "invalid-encoding");
        jsonError(client.post("/assess", "application/json", "{\"findings\": {\"\u00c3(\": 1}}".getBytes(StandardCharsets.ISO_8859_1)),
                400, "invalid-encoding");
        outcome(client.post(FHIR_ASSESS, "application/fhir+json",
                "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"\u00c3(\"}".getBytes(StandardCharsets.ISO_8859_1)),
                400, OperationOutcome.IssueType.INVALID);
    }

    @Test
    void an_intake_the_contract_refuses_names_the_field() {
        JsonNode e = jsonError(client.post("/assess", "application/json", "{\"hoursSinceOnset\": -1}"), 400, "invalid-intake");
        assertThat(e.get("field").asText()).isEqualTo("hoursSinceOnset");
        e = jsonError(client.post("/assess", "application/json", "{\"findings\": {\"MUSCLE_SPASM\": \"yes\"}}"), 400, "invalid-intake");
        assertThat(e.get("field").asText()).isEqualTo("findings.MUSCLE_SPASM");
    }

    @Test
    void malformed_fhir_is_refused_with_an_operation_outcome() {
        outcome(client.post(FHIR_ASSESS, "application/fhir+json", "{\"resourceType\": \"QuestionnaireResponse\", "),
                400, OperationOutcome.IssueType.STRUCTURE);
        outcome(client.post(FHIR_ASSESS, "application/fhir+json", "{\"resourceType\": \"Patient\", \"id\": \"x\"}"),
                400, OperationOutcome.IssueType.STRUCTURE);
        outcome(client.post(FHIR_ASSESS, "application/fhir+json",
                "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"colour\": \"blue\"}"),
                400, OperationOutcome.IssueType.STRUCTURE);
        outcome(client.post(FHIR_ASSESS, "application/fhir+json",
                "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"finished-ish\"}"),
                400, OperationOutcome.IssueType.STRUCTURE);
    }

    @Test
    void a_response_that_does_not_fit_the_questionnaire_names_the_link_id() {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(Samples.named("provisional-spasm").intake());
        qr.getItem().stream().filter(g -> g.getLinkId().equals("warning-signs")).findFirst().orElseThrow()
                .addItem().setLinkId("FEVER_OR_CHILLS").addAnswer().setValue(new Coding("http://snomed.info/sct", "373066001", "Yes"));
        var issue = outcome(client.post(FHIR_ASSESS, "application/fhir+json", FhirChecks.json(qr)), 400, OperationOutcome.IssueType.INVALID);
        // The item is inside its group: the expression finds it at any depth.
        assertThat(issue.getExpression()).extracting(Object::toString)
                .containsExactly("QuestionnaireResponse.repeat(item).where(linkId='FEVER_OR_CHILLS')");

        JsonNode e = jsonError(client.post(HOOK, "application/json", Client.hook(qr)), 400, "invalid-intake");
        assertThat(e.get("field").asText()).isEqualTo("FEVER_OR_CHILLS");
    }

    @Test
    void a_prefetch_that_is_not_fhir_or_not_a_response_is_refused() {
        jsonError(client.post(HOOK, "application/json", Client.hookWithPrefetch("{\"resourceType\": \"Nonsense\"}")), 400, "invalid-fhir");
        jsonError(client.post(HOOK, "application/json", Client.hookWithPrefetch("{\"resourceType\": \"Patient\"}")), 400, "invalid-fhir");
        jsonError(client.post(HOOK, "application/json", Client.hookWithPrefetch("[1, 2]")), 400, "invalid-fhir");
    }

    // --- wrong content type ---

    @Test
    void a_wrong_or_missing_content_type_is_415() {
        byte[] intake = Samples.json("provisional-spasm");
        jsonError(client.post("/assess", "text/plain", intake), 415, "unsupported-media-type");
        jsonError(client.post("/assess", null, intake), 415, "unsupported-media-type");
        jsonError(client.post("/assess", "application/json; charset=ISO-8859-1", intake), 415, "unsupported-media-type");
        jsonError(client.post(HOOK, "application/x-www-form-urlencoded", "hook=patient-view"), 415, "unsupported-media-type");
        String qr = FhirChecks.json(MAPPINGS.questionnaireResponse(Samples.named("provisional-spasm").intake()));
        outcome(client.post(FHIR_ASSESS, "application/json", qr), 415, OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(client.post("/assess", "application/json; charset=utf-8", intake).statusCode()).isEqualTo(200);
    }

    // --- oversized ---

    @Test
    void an_oversized_body_is_413_on_every_endpoint() {
        jsonError(client.post("/assess", "application/json", padded(CdsLimits.INTAKE + 1)), 413, "too-large");
        jsonError(client.post(HOOK, "application/json", padded(CdsLimits.HOOK + 1)), 413, "too-large");
        jsonError(client.post(HOOK + "/feedback", "application/json", padded(CdsLimits.FEEDBACK + 1)), 413, "too-large");
        outcome(client.post(FHIR_ASSESS, "application/fhir+json", padded(CdsLimits.FHIR + 1)), 413, OperationOutcome.IssueType.TOOLONG);
    }

    @Test
    void an_empty_body_is_refused() {
        jsonError(client.post("/assess", "application/json", new byte[0]), 400, "empty-body");
    }

    private static byte[] padded(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        b[0] = '{';
        b[size - 1] = '}';
        return b;
    }

    // --- the hook request itself ---

    @Test
    void a_missing_prefetch_is_412() {
        String noPrefetch = """
                {"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "p1"}}""";
        jsonError(client.post(HOOK, "application/json", noPrefetch), 412, "prefetch-missing");
        String otherKey = """
                {"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "p1"}, "prefetch": {"patient": null}}""";
        jsonError(client.post(HOOK, "application/json", otherKey), 412, "prefetch-missing");
    }

    @Test
    void a_hook_request_without_its_required_fields_is_refused() {
        assertThat(jsonError(client.post(HOOK, "application/json", "{\"hook\": \"order-sign\", \"hookInstance\": \"x\"}"), 400, "wrong-hook")
                .get("field").asText()).isEqualTo("hook");
        assertThat(jsonError(client.post(HOOK, "application/json", "{\"hook\": \"patient-view\"}"), 400, "invalid-request")
                .get("field").asText()).isEqualTo("hookInstance");
        assertThat(jsonError(client.post(HOOK, "application/json", "{\"hook\": \"patient-view\", \"hookInstance\": \"x\", \"context\": {}}"),
                400, "invalid-request").get("field").asText()).isEqualTo("context.patientId");
        jsonError(client.post(HOOK, "application/json", "[]"), 400, "invalid-request");
    }

    @Test
    void what_a_refusal_echoes_is_clipped_to_40_utf8_bytes_without_splitting_a_character() {
        String emoji = "\uD83D\uDE00";                                    // four bytes, one character
        String message = jsonError(client.post(HOOK, "application/json",
                "{\"hook\": \"" + emoji.repeat(100) + "\", \"hookInstance\": \"x\"}"), 400, "wrong-hook").get("message").asText();

        String prefix = "this service answers patient-view, not ";
        assertThat(message).startsWith(prefix);
        String echo = message.substring(prefix.length());
        assertThat(echo).isEqualTo(emoji.repeat(9) + "…");            // 36 bytes and the ellipsis's 3
        assertThat(echo.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void a_response_about_another_patient_is_refused() {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(Samples.named("self-care-spasm").intake());
        qr.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/someone-else"));
        jsonError(client.post(HOOK, "application/json", Client.hookWithPrefetch(FhirChecks.json(qr))), 400, "subject-mismatch");
    }

    @Test
    void invalid_feedback_is_refused_and_not_stored() throws IOException {
        jsonError(client.post(HOOK + "/feedback", "application/json", "{\"feedback\": []}"), 400, "invalid-feedback");
        jsonError(client.post(HOOK + "/feedback", "application/json",
                "{\"feedback\": [{\"card\": \"c\", \"outcome\": \"maybe\", \"outcomeTimestamp\": \"2025-01-01T00:00:00Z\"}]}"), 400, "invalid-feedback");
        jsonError(client.post(HOOK + "/feedback", "application/json",
                "{\"feedback\": [{\"card\": \"c\", \"outcome\": \"accepted\"}]}"), 400, "invalid-request");
        jsonError(client.post(HOOK + "/feedback", "application/json",
                "{\"feedback\": [{\"card\": \"c\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"yesterday\"}]}"), 400, "invalid-feedback");
        // One bad item spoils the request: nothing of it is stored.
        jsonError(client.post(HOOK + "/feedback", "application/json",
                "{\"feedback\": [{\"card\": \"c\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-01-01T00:00:00Z\"},"
                        + " {\"card\": \"d\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-01-01T00:00:00Z\","
                        + " \"overrideReason\": {\"userComment\": \"n/a\"}}]}"), 400, "invalid-feedback");
        assertThat(FeedbackLog.read(dir.resolve("feedback.jsonl"))).isEmpty();
    }

    // --- routes ---

    @Test
    void unknown_routes_services_and_methods_are_404_and_405() {
        jsonError(client.get("/patients/123"), 404, "not-found");
        jsonError(client.post("/cds-services/other-service", "application/json", "{}"), 404, "unknown-service");
        HttpResponse<String> r = client.get("/assess");
        jsonError(r, 405, "method-not-allowed");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        jsonError(client.post("/cds-services", "application/json", "{}"), 405, "method-not-allowed");
        outcome(client.get("/fhir/CodeSystem/unknown"), 404, OperationOutcome.IssueType.NOTFOUND);
        outcome(client.post("/fhir/Questionnaire/dorsal-intake", "application/fhir+json", "{}"), 405, OperationOutcome.IssueType.NOTSUPPORTED);
    }

    // --- the log ---

    @Test
    void the_log_never_carries_a_patient_identifier() {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(Samples.named("emergency-thunderclap").intake());
        assertThat(client.post(HOOK, "application/json", Client.hook(qr)).statusCode()).isEqualTo(200);
        qr.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + Client.PATIENT_ID + "-other"));
        client.post(HOOK, "application/json", Client.hookWithPrefetch(FhirChecks.json(qr)));
        client.post(FHIR_ASSESS, "application/fhir+json", FhirChecks.json(qr));
        client.get("/Patient/" + Client.PATIENT_ID);

        String log = LOG.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST patient-view -> 200").contains("POST patient-view -> 400").contains("GET unknown -> 404");
        assertThat(log).doesNotContain(Client.PATIENT_ID).doesNotContain("Patient/");
    }
}
