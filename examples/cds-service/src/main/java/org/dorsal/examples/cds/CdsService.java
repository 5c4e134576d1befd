package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.fhir.IntakeResponses;
import org.dorsal.internal.Text;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint of the service behind one handler. Each request is read whole, checked, and only
 * then answered; anything unreadable gets a 4xx naming the problem and no advice. The log has one
 * line per request (method, route, status, time) and never a patient identifier or a finding.
 */
final class CdsService implements HttpHandler {
    static final String SERVICE_ID = "dorsal-patient-view";
    static final String PREFETCH_KEY = "intake";
    /** A prefetched Bundle may hold a whole response and its narrative; 1 MiB is generous. */
    static final int HOOK_LIMIT = 1024 * 1024;
    static final int INTAKE_LIMIT = 64 * 1024;
    static final int FHIR_LIMIT = 256 * 1024;
    static final int FEEDBACK_LIMIT = 256 * 1024;
    private static final int MAX_FEEDBACK_ITEMS = 100;
    private static final int MAX_COMMENT = 4_000;
    private static final int REMEMBERED_CARDS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64).maxStringLength(HOOK_LIMIT).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private final Dorsal dorsal;
    private final Assessor assessor;
    private final PrometheusMeterRegistry metrics;
    private final DorsalFhir fhir;
    private final FhirContext fhirContext;
    private final FeedbackLog feedback;
    private final FhirFallback fallback = FhirFallback.withDefaults();
    private final String discovery;
    /** The cards issued lately, so that feedback is stored with what the card said. */
    private final Map<String, Cards.Issued> issued = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cards.Issued> eldest) {
            return size() > REMEMBERED_CARDS;
        }
    };

    CdsService(Dorsal dorsal, Assessor assessor, PrometheusMeterRegistry metrics, FhirContext fhirContext, FeedbackLog feedback) {
        this.dorsal = dorsal;
        this.assessor = assessor;
        this.metrics = metrics;
        this.fhir = DorsalFhir.of(dorsal);
        this.fhirContext = fhirContext;
        this.feedback = feedback;
        this.discovery = discoveryDocument();
    }

    @Override
    public void handle(HttpExchange ex) {
        long start = System.nanoTime();
        String route = "unknown";
        int status = 500;
        boolean fhirRoute = false;
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            fhirRoute = path.startsWith("/fhir/");
            if (path.equals("/cds-services")) {
                route = "discovery";
                allow(method, "GET");
                Exchanges.send(ex, status = 200, Exchanges.JSON, discovery);
            } else if (path.equals("/cds-services/" + SERVICE_ID)) {
                route = "patient-view";
                allow(method, "POST");
                Exchanges.requireContentType(ex, Exchanges.JSON);
                Exchanges.send(ex, status = 200, Exchanges.JSON, patientView(Exchanges.body(ex, HOOK_LIMIT)));
            } else if (path.equals("/cds-services/" + SERVICE_ID + "/feedback")) {
                route = "feedback";
                allow(method, "POST");
                Exchanges.requireContentType(ex, Exchanges.JSON);
                Exchanges.send(ex, status = 200, Exchanges.JSON, feedback(Exchanges.body(ex, FEEDBACK_LIMIT)));
            } else if (path.startsWith("/cds-services/")) {
                route = "unknown-service";
                throw new HttpProblem(404, "unknown-service", "id", "no such CDS service; this server offers " + SERVICE_ID);
            } else if (path.equals("/assess")) {
                route = "assess";
                allow(method, "POST");
                Exchanges.requireContentType(ex, Exchanges.JSON);
                Exchanges.send(ex, status = 200, Exchanges.JSON, assess(Exchanges.body(ex, INTAKE_LIMIT)));
            } else if (path.equals("/fhir/Questionnaire/" + DorsalFhir.QUESTIONNAIRE_ID)) {
                route = "questionnaire";
                allow(method, "GET");
                Exchanges.send(ex, status = 200, Exchanges.FHIR_JSON, encode(fhir.questionnaire()));
            } else if (path.startsWith("/fhir/CodeSystem/")) {
                route = "code-system";
                allow(method, "GET");
                Exchanges.send(ex, status = 200, Exchanges.FHIR_JSON, encode(codeSystem(path.substring("/fhir/CodeSystem/".length()))));
            } else if (path.equals("/metrics")) {
                route = "metrics";
                allow(method, "GET");
                Exchanges.send(ex, status = 200, Exchanges.PROMETHEUS_TEXT, metrics.scrape());
            } else if (path.equals("/fhir/QuestionnaireResponse/$assess")) {
                route = "fhir-assess";
                allow(method, "POST");
                Exchanges.requireContentType(ex, Exchanges.FHIR_JSON);
                Exchanges.send(ex, status = 200, Exchanges.FHIR_JSON, fhirAssess(Exchanges.body(ex, FHIR_LIMIT)));
            } else {
                throw new HttpProblem(404, "not-found", null, "no such endpoint; see GET /cds-services");
            }
        } catch (HttpProblem p) {
            status = p.status;
            if (p.status == 405) {
                ex.getResponseHeaders().set("Allow", p.field);
            }
            problem(ex, p, fhirRoute);
        } catch (IOException e) {
            // The client went away mid-request: there is no one left to answer.
            status = 499;
            LOG.debug("{}: connection lost: {}", route, e.toString());
        } catch (RuntimeException e) {
            status = 500;
            LOG.error("{}: internal error {}", route, e.getClass().getName(), e);
            problem(ex, new HttpProblem(500, "internal-error", null, "the service failed; nothing was advised"), fhirRoute);
        } finally {
            ex.close();
            LOG.info("{} {} -> {} in {} ms", ex.getRequestMethod(), route, status, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** A 405 carries the allowed method in {@link HttpProblem#field}, for the Allow header. */
    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpProblem(405, "method-not-allowed", allowed, method + " is not allowed here; use " + allowed);
        }
    }

    // --- discovery -----------------------------------------------------------------------------

    private String discoveryDocument() {
        ObjectNode service = WRITER.createObjectNode();
        service.put("hook", "patient-view");
        service.put("title", "Dorsal: upper back and neck pain");
        service.put("description", "Reads the patient's latest Dorsal intake (a QuestionnaireResponse to "
                + DorsalFhir.QUESTIONNAIRE_URL + ") and returns the disposition with its reasons and doses,"
                + " and the red-flag questions still open. Content version " + dorsal.contentVersion() + ".");
        service.put("id", SERVICE_ID);
        service.putObject("prefetch").put(PREFETCH_KEY, prefetchTemplate());
        service.put("usageRequirements", "Publish the Questionnaire from GET /fhir/Questionnaire/"
                + DorsalFhir.QUESTIONNAIRE_ID + " and store patients' responses to it on the FHIR server.");
        ObjectNode root = WRITER.createObjectNode();
        root.putArray("services").add(service);
        return write(root);
    }

    static String prefetchTemplate() {
        return IntakeResponses.SEARCH_TEMPLATE;
    }

    // --- patient-view ----------------------------------------------------------------------------

    private String patientView(byte[] body) {
        JsonNode request = readJson(body, "the hook request");
        if (!request.isObject()) {
            throw HttpProblem.badRequest("invalid-request", "body", "the hook request must be a JSON object");
        }
        String hook = text(request, "hook");
        if (!hook.equals("patient-view")) {
            throw HttpProblem.badRequest("wrong-hook", "hook", "this service answers patient-view, not " + Text.echo(hook));
        }
        text(request, "hookInstance");
        JsonNode context = request.get("context");
        if (context == null || !context.isObject()) {
            throw HttpProblem.badRequest("invalid-request", "context", "context must be a JSON object");
        }
        String patientId = text(context, "patientId", "context");
        JsonNode prefetch = request.get("prefetch");
        QuestionnaireResponse response;
        if (prefetch != null && prefetch.isObject() && prefetch.has(PREFETCH_KEY)) {
            JsonNode intakeNode = prefetch.get(PREFETCH_KEY);
            response = intakeNode.isNull() ? null : latestResponse(intakeNode);
            // Never advise on someone else's answers.
            if (response != null && !IntakeResponses.isFor(response, patientId)) {
                throw HttpProblem.badRequest("subject-mismatch", "prefetch." + PREFETCH_KEY + ".subject",
                        "the prefetched QuestionnaireResponse is not about the patient in context");
            }
        } else if (FhirFallback.offered(request)) {
            response = fallback.newest(request, patientId).orElse(null);
        } else {
            throw new HttpProblem(412, "prefetch-missing", "prefetch." + PREFETCH_KEY, "prefetch." + PREFETCH_KEY
                    + " is missing, and without fhirServer and fhirAuthorization the service cannot query the FHIR server for it");
        }
        ObjectNode root = WRITER.createObjectNode();
        ArrayNode cards = root.putArray("cards");
        if (response == null) {
            // No intake on file: nothing to advise on, which CDS Hooks says with no cards.
            return write(root);
        }
        Assessment a = assessor.assess(Assessor.PATIENT_VIEW, intake(response));
        for (Cards.IssuedCard c : Cards.of(a, UUID::randomUUID)) {
            remember(c.card().uuid(), c.about());
            cards.add(WRITER.valueToTree(c.card()));
        }
        return write(root);
    }

    private QuestionnaireResponse latestResponse(JsonNode node) {
        IBaseResource resource;
        try {
            resource = strictParser().parseResource(WRITER.writeValueAsString(node));
        } catch (DataFormatException | JsonProcessingException e) {
            throw HttpProblem.badRequest("invalid-fhir", "prefetch." + PREFETCH_KEY,
                    "prefetch." + PREFETCH_KEY + " is not a valid FHIR R4 resource: " + Text.clip(e.getMessage(), 200));
        }
        if (resource instanceof QuestionnaireResponse qr) {
            return qr;
        }
        if (resource instanceof Bundle bundle) {
            return IntakeResponses.newest(bundle).orElse(null);
        }
        throw HttpProblem.badRequest("invalid-fhir", "prefetch." + PREFETCH_KEY, "prefetch." + PREFETCH_KEY
                + " must be a QuestionnaireResponse or a Bundle of them, got " + resource.fhirType());
    }

    private Intake intake(QuestionnaireResponse response) {
        try {
            return fhir.intake(response);
        } catch (InvalidIntakeException e) {
            throw HttpProblem.badRequest("invalid-intake", e.field(), e.getMessage());
        }
    }

    private void remember(String uuid, Cards.Issued about) {
        synchronized (issued) {
            issued.put(uuid, about);
        }
    }

    private Cards.Issued recall(String uuid) {
        synchronized (issued) {
            return issued.get(uuid);
        }
    }

    // --- feedback --------------------------------------------------------------------------------

    private String feedback(byte[] body) throws IOException {
        JsonNode request = readJson(body, "the feedback");
        JsonNode items = request.isObject() ? request.get("feedback") : null;
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw HttpProblem.badRequest("invalid-feedback", "feedback", "feedback must be a non-empty array");
        }
        if (items.size() > MAX_FEEDBACK_ITEMS) {
            throw HttpProblem.badRequest("invalid-feedback", "feedback", "at most " + MAX_FEEDBACK_ITEMS + " feedback items per request");
        }
        String received = Instant.now().toString();
        List<String> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(write(record(items.get(i), "feedback[" + i + "]", received)));
        }
        // All items of a request are checked before any is written: a request is stored whole or not at all.
        feedback.append(lines);
        ObjectNode answer = WRITER.createObjectNode();
        answer.put("stored", lines.size());
        return write(answer);
    }

    private ObjectNode record(JsonNode item, String at, String received) {
        if (!item.isObject()) {
            throw HttpProblem.badRequest("invalid-feedback", at, at + " must be a JSON object");
        }
        String card = text(item, "card", at);
        if (card.length() > 100) {
            throw HttpProblem.badRequest("invalid-feedback", at + ".card", at + ".card is too long to be a card uuid");
        }
        String outcome = text(item, "outcome", at);
        if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
            throw HttpProblem.badRequest("invalid-feedback", at + ".outcome", at + ".outcome must be accepted or overridden");
        }
        String timestamp = text(item, "outcomeTimestamp", at);
        try {
            OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("invalid-feedback", at + ".outcomeTimestamp", at + ".outcomeTimestamp must be an ISO 8601 date-time with offset");
        }
        ObjectNode out = WRITER.createObjectNode();
        out.put("receivedAt", received);
        out.put("service", SERVICE_ID);
        out.put("card", card);
        out.put("outcome", outcome);
        out.put("outcomeTimestamp", timestamp);
        JsonNode accepted = item.get("acceptedSuggestions");
        if (accepted != null) {
            if (!accepted.isArray()) {
                throw HttpProblem.badRequest("invalid-feedback", at + ".acceptedSuggestions", at + ".acceptedSuggestions must be an array");
            }
            out.set("acceptedSuggestions", accepted);
        }
        JsonNode override = item.get("overrideReason");
        if (override != null) {
            if (!outcome.equals("overridden")) {
                throw HttpProblem.badRequest("invalid-feedback", at + ".overrideReason", at + ".overrideReason is only for an overridden card");
            }
            if (!override.isObject()) {
                throw HttpProblem.badRequest("invalid-feedback", at + ".overrideReason", at + ".overrideReason must be a JSON object");
            }
            JsonNode comment = override.get("userComment");
            if (comment != null && (!comment.isTextual() || comment.asText().length() > MAX_COMMENT)) {
                throw HttpProblem.badRequest("invalid-feedback", at + ".overrideReason.userComment",
                        at + ".overrideReason.userComment must be text of at most " + MAX_COMMENT + " characters");
            }
            JsonNode reason = override.get("reason");
            if (reason != null && !(reason.isObject() && reason.path("code").isTextual())) {
                throw HttpProblem.badRequest("invalid-feedback", at + ".overrideReason.reason",
                        at + ".overrideReason.reason must be a coding with a code");
            }
            out.set("overrideReason", override);
        }
        Cards.Issued about = recall(card);
        if (about != null) {
            out.set("issued", WRITER.valueToTree(about));
        }
        return out;
    }

    // --- telehealth JSON and FHIR -------------------------------------------------------------------

    private String assess(byte[] body) {
        Intake intake;
        try {
            intake = DorsalJson.readIntake(body);
        } catch (InvalidIntakeException e) {
            throw HttpProblem.badRequest("invalid-intake", e.field(), e.getMessage());
        }
        return DorsalJson.writeAssessment(assessor.assess(Assessor.ASSESS, intake));
    }

    private String fhirAssess(byte[] body) {
        QuestionnaireResponse response;
        try {
            response = strictParser().parseResource(QuestionnaireResponse.class, Exchanges.read(body));
        } catch (DataFormatException e) {
            throw HttpProblem.badRequest("invalid-fhir", "body", "the body is not a valid FHIR R4 QuestionnaireResponse: "
                    + Text.clip(e.getMessage(), 200));
        }
        Assessment a = assessor.assess(Assessor.FHIR_ASSESS, intake(response));
        GuidanceResponse g = fhir.guidanceResponse(a, response.hasSubject() ? response.getSubject() : null);
        g.setOccurrenceDateTime(new Date());
        return encode(g);
    }

    private CodeSystem codeSystem(String id) {
        return fhir.codeSystems().stream().filter(cs -> cs.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> new HttpProblem(404, "not-found", "id", "no such CodeSystem"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private IParser strictParser() {
        return fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    private String encode(IBaseResource resource) {
        return fhirContext.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    private static JsonNode readJson(byte[] body, String what) {
        try {
            JsonNode node = READER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw HttpProblem.badRequest("malformed-json", "body", what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw HttpProblem.badRequest("malformed-json", "body", what + " is not valid JSON" + where + ": "
                    + Text.clip(e.getOriginalMessage(), 120));
        } catch (IOException e) {
            throw HttpProblem.badRequest("malformed-json", "body", what + " cannot be read");
        }
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, null);
    }

    private static String text(JsonNode node, String field, String at) {
        String path = at == null ? field : at + "." + field;
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw HttpProblem.badRequest("invalid-request", path, path + " is required and must be a non-empty string");
        }
        return v.asText();
    }

    private void problem(HttpExchange ex, HttpProblem p, boolean fhirRoute) {
        try {
            if (fhirRoute) {
                Exchanges.send(ex, p.status, Exchanges.FHIR_JSON, encode(outcome(p)));
            } else {
                ObjectNode error = WRITER.createObjectNode();
                error.put("error", p.code);
                if (p.field != null && p.status != 405) {
                    error.put("field", p.field);
                }
                error.put("message", p.getMessage());
                Exchanges.send(ex, p.status, Exchanges.JSON, write(error));
            }
        } catch (IOException e) {
            LOG.debug("could not send the error: {}", e.toString());
        }
    }

    private static OperationOutcome outcome(HttpProblem p) {
        OperationOutcome o = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = o.addIssue()
                .setSeverity(p.status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(switch (p.status) {
                    case 404 -> OperationOutcome.IssueType.NOTFOUND;
                    case 405, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
                    case 413 -> OperationOutcome.IssueType.TOOLONG;
                    case 500 -> OperationOutcome.IssueType.EXCEPTION;
                    default -> p.code.equals("invalid-fhir") ? OperationOutcome.IssueType.STRUCTURE : OperationOutcome.IssueType.INVALID;
                })
                .setDiagnostics(p.getMessage());
        if (p.code.equals("invalid-intake") && p.field != null) {
            issue.addExpression(IntakeResponses.expression(p.field));
        }
        return o;
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
