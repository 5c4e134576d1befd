package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import org.dorsal.Dorsal;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.fhir.IntakeResponses;

/**
 * The service's routes, each on its own path of the JDK server with its own {@link Endpoint}: the
 * route table, in one place. Paths the JDK server matches only by prefix fall through to the
 * not-found routes ({@code unknown-service} under {@code /cds-services}, {@code unknown} elsewhere).
 */
final class CdsService {
    static final String SERVICE_ID = "dorsal-patient-view";
    static final String PREFETCH_KEY = PatientViewEndpoint.PREFETCH_KEY;
    static final String HOOK_PATH = Route.CDS_SERVICES + "/" + SERVICE_ID;
    static final String FEEDBACK_PATH = HOOK_PATH + "/feedback";

    private CdsService() {
    }

    /** Everything the endpoints are built from. */
    record Parts(Dorsal dorsal, DorsalFhir fhir, FhirJson fhirJson, Assessor assessor, FeedbackLog feedback,
                 IssuedCards issued, PrometheusMeterRegistry metrics, Health health, URI interview) {
    }

    static void register(HttpServer server, Parts p, Dispatch.Shared shared) {
        HttpHandler unknown = new Dispatch(Route.of("unknown", null, "/"),
                ex -> {
                    throw new HttpProblem(404, "not-found", null, "no such endpoint; see GET /cds-services");
                }, shared, true, null);
        HttpHandler unknownService = new Dispatch(Route.of("unknown-service", null, Route.CDS_SERVICES),
                ex -> {
                    throw new HttpProblem(404, "unknown-service", "id", "no such CDS service; this server offers " + SERVICE_ID);
                }, shared, true, unknown);
        String discovery = discoveryDocument(p.dorsal());

        add(server, Route.of("discovery", "GET", Route.CDS_SERVICES), ex -> Reply.json(discovery), shared, unknownService);
        add(server, Route.of("patient-view", "POST", HOOK_PATH),
                new PatientViewEndpoint(p.fhir(), p.fhirJson().context(), p.assessor(), p.issued(), p.interview()), shared, unknownService);
        add(server, Route.of("feedback", "POST", FEEDBACK_PATH), new FeedbackEndpoint(p.feedback(), p.issued(), p.metrics()),
                shared, unknownService);
        add(server, Route.of("assess", "POST", "/assess"), new AssessEndpoint(p.assessor()), shared, unknown);
        add(server, Route.of("questionnaire", "GET", "/fhir/Questionnaire/" + DorsalFhir.QUESTIONNAIRE_ID),
                FhirEndpoints.questionnaire(p.fhir(), p.fhirJson()), shared, unknown);
        server.createContext(FhirEndpoints.CODE_SYSTEM, new Dispatch(Route.of("code-system", "GET", FhirEndpoints.CODE_SYSTEM),
                FhirEndpoints.codeSystem(p.fhir(), p.fhirJson()), shared, true, unknown));
        add(server, Route.of("fhir-assess", "POST", "/fhir/QuestionnaireResponse/$assess"),
                new FhirEndpoints.Assess(p.fhir(), p.fhirJson(), p.assessor()), shared, unknown);
        add(server, Route.of("metrics", "GET", "/metrics"),
                ex -> new Reply(200, Exchanges.PROMETHEUS_TEXT, p.metrics().scrape()), shared, unknown);
        add(server, Route.of("live", "GET", "/health/live"), p.health().live(), shared, unknown);
        add(server, Route.of("ready", "GET", "/health/ready"), p.health().readiness(), shared, unknown);
        server.createContext("/fhir/", new Dispatch(new Route("unknown", "/fhir", null, true, false, false),
                ex -> {
                    throw new HttpProblem(404, "not-found", null, "no such FHIR endpoint");
                }, shared, true, unknown));
        server.createContext("/", unknown);
    }

    private static void add(HttpServer server, Route route, Endpoint endpoint, Dispatch.Shared shared, HttpHandler fallback) {
        server.createContext(route.path(), new Dispatch(route, endpoint, shared, false, fallback));
    }

    static String discoveryDocument(Dorsal dorsal) {
        ObjectNode service = Json.object();
        service.put("hook", HookRequest.PATIENT_VIEW);
        service.put("title", "Dorsal: upper back and neck pain");
        service.put("description", "Reads the patient's latest Dorsal intake (a QuestionnaireResponse to "
                + DorsalFhir.QUESTIONNAIRE_URL + ") and returns the disposition with its reasons and doses,"
                + " and the red-flag questions still open. Content version " + dorsal.contentVersion() + ".");
        service.put("id", SERVICE_ID);
        service.putObject("prefetch").put(PREFETCH_KEY, prefetchTemplate());
        service.put("usageRequirements", "Publish the Questionnaire from GET /fhir/Questionnaire/"
                + DorsalFhir.QUESTIONNAIRE_ID + " and store patients' responses to it on the FHIR server.");
        ObjectNode root = Json.object();
        root.putArray("services").add(service);
        return Json.write(root);
    }

    static String prefetchTemplate() {
        return IntakeResponses.SEARCH_TEMPLATE;
    }
}
