package org.dorsal.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * A real FHIR server for the fetch tests: HAPI's plain server (RestfulServer) in Jetty on
 * 127.0.0.1, any free port, holding QuestionnaireResponses for two patients. It records the
 * Authorization header of every request it gets, and answers 401 to any token but
 * {@link #TOKEN} (403 to {@link #READ_NOTHING_TOKEN}). One server per test class: it starts in
 * about a second.
 *
 * <p>The same data is served four ways, each under its own base URL:
 * <ul>
 * <li>{@link #base()} ({@code /fhir}): a server that honours the search;
 * <li>{@code /lax}: one that ignores {@code subject}, and so answers with everyone's responses;
 * <li>{@code /forms}: one that ignores {@code questionnaire}, so its first page holds another form;
 * <li>{@code /misaddressed}: as {@code /forms}, but configured with another host's base URL, so its
 *     {@code next} links point there (127.0.0.2, where {@link #foreignRequests()} counts any request).
 * </ul>
 */
public final class FhirTestServer implements AutoCloseable {
    public static final String TOKEN = "tok.A1b2C3d4E5f6-reads-intakes";
    public static final String READ_NOTHING_TOKEN = "tok.Z9y8X7-reads-nothing";
    /** Three intakes, the newest completed one urgent-radiculopathy, and newer responses that are not intakes. */
    public static final String PATIENT_A = "pat-a";
    /** One intake, emergency-vascular. */
    public static final String PATIENT_B = "pat-b";
    /** No response on file. */
    public static final String PATIENT_NONE = "pat-none";
    /** A search for this patient fails with 500. */
    public static final String PATIENT_BROKEN = "pat-broken";
    public static final String OTHER_FORM = "http://loinc.org/q/44249-1";

    /** One request as the server saw it. */
    public record Seen(String path, String query, String authorization) {
    }

    private final Server jetty;
    private final HttpServer foreign;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> foreignRequests = new CopyOnWriteArrayList<>();
    private final List<QuestionnaireResponse> store;

    private FhirTestServer(DorsalFhir mappings) throws Exception {
        this.store = responses(mappings);
        this.foreign = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        foreign.createContext("/", ex -> {
            foreignRequests.add(ex.getRequestURI() + " Authorization=" + ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        foreign.start();
        String foreignBase = "http://127.0.0.2:" + foreign.getAddress().getPort() + "/fhir";

        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(server(true, true, null)), "/fhir/*");
        context.addServlet(new ServletHolder(server(false, true, null)), "/lax/*");
        context.addServlet(new ServletHolder(server(true, false, null)), "/forms/*");
        context.addServlet(new ServletHolder(server(true, false, foreignBase)), "/misaddressed/*");
        jetty.setHandler(context);
        jetty.start();
    }

    public static FhirTestServer start(DorsalFhir mappings) throws Exception {
        return new FhirTestServer(mappings);
    }

    /** The base URL of the server that honours the search. */
    public URI base() {
        return base("fhir");
    }

    /** The base URL of one of the four servers: {@code fhir}, {@code lax}, {@code forms}, {@code misaddressed}. */
    public URI base(String name) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/" + name);
    }

    /** Every request since the last {@link #clear()}, in order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The port of the foreign host, 127.0.0.2, which answers 500 to everything and counts it. */
    public int foreignPort() {
        return foreign.getAddress().getPort();
    }

    /** Every request that reached the foreign host. */
    public List<String> foreignRequests() {
        return List.copyOf(foreignRequests);
    }

    public void clear() {
        seen.clear();
        foreignRequests.clear();
    }

    /** The responses on file for {@code patientId}, as stored. */
    public List<QuestionnaireResponse> responsesOf(String patientId) {
        return store.stream().filter(r -> r.getSubject().getReference().equals("Patient/" + patientId)).toList();
    }

    @Override
    public void close() throws Exception {
        foreign.stop(0);
        jetty.stop();
    }

    private RestfulServer server(boolean honoursSubject, boolean honoursQuestionnaire, String hardcodedBase) {
        RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
        server.setResourceProviders(new Provider(honoursSubject, honoursQuestionnaire));
        server.setPagingProvider(new FifoMemoryPagingProvider(50));
        server.registerInterceptor(new TokenCheck());
        if (hardcodedBase != null) {
            server.setServerAddressStrategy(new HardcodedServerAddressStrategy(hardcodedBase));
        }
        return server;
    }

    private static List<QuestionnaireResponse> responses(DorsalFhir mappings) {
        List<QuestionnaireResponse> all = new ArrayList<>();
        all.add(intake(mappings, "qr-a1", PATIENT_A, "self-care-spasm", "2025-01-10T09:00:00Z", QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED));
        all.add(intake(mappings, "qr-a2", PATIENT_A, "urgent-radiculopathy", "2025-03-01T09:00:00Z", QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED));
        // Newer than any intake of pat-a, but not one the search asks for: in progress, or another form.
        all.add(intake(mappings, "qr-a3", PATIENT_A, "emergency-thunderclap", "2025-04-01T09:00:00Z", QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS));
        QuestionnaireResponse otherForm = new QuestionnaireResponse();
        otherForm.setId("qr-a4");
        otherForm.setQuestionnaire(OTHER_FORM);
        otherForm.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        otherForm.setSubject(new Reference("Patient/" + PATIENT_A));
        otherForm.setAuthoredElement(new DateTimeType("2025-05-01T09:00:00Z"));
        all.add(otherForm);
        all.add(intake(mappings, "qr-b1", PATIENT_B, "emergency-vascular", "2025-02-01T09:00:00Z", QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED));
        return List.copyOf(all);
    }

    private static QuestionnaireResponse intake(DorsalFhir mappings, String id, String patient, String sample, String authored,
                                                QuestionnaireResponse.QuestionnaireResponseStatus status) {
        QuestionnaireResponse r = mappings.questionnaireResponse(Samples.named(sample).intake());
        r.setId(id);
        r.setSubject(new Reference("Patient/" + patient));
        r.setAuthoredElement(new DateTimeType(authored));
        r.setStatus(status);
        return r;
    }

    /** What an EHR's FHIR server does with the bearer token, in the small: one token reads, one reads nothing. */
    @Interceptor
    public final class TokenCheck {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
        public boolean check(HttpServletRequest request) {
            String authorization = request.getHeader("Authorization");
            seen.add(new Seen(request.getRequestURI(), request.getQueryString(), authorization));
            if (("Bearer " + READ_NOTHING_TOKEN).equals(authorization)) {
                throw new ForbiddenOperationException("this token reads nothing");
            }
            if (!("Bearer " + TOKEN).equals(authorization)) {
                throw new AuthenticationException("a valid bearer token is required");
            }
            return true;
        }
    }

    /** QuestionnaireResponse search by subject, questionnaire and status, sorted by authored. */
    public final class Provider implements IResourceProvider {
        private final boolean honoursSubject;
        private final boolean honoursQuestionnaire;

        Provider(boolean honoursSubject, boolean honoursQuestionnaire) {
            this.honoursSubject = honoursSubject;
            this.honoursQuestionnaire = honoursQuestionnaire;
        }

        @Override
        public Class<QuestionnaireResponse> getResourceType() {
            return QuestionnaireResponse.class;
        }

        @Search
        public List<QuestionnaireResponse> search(@RequiredParam(name = "subject") ReferenceParam subject,
                                                  @OptionalParam(name = "questionnaire") UriParam questionnaire,
                                                  @OptionalParam(name = "status") TokenOrListParam status,
                                                  @Sort SortSpec sort) {
            if (subject.getIdPart().equals(PATIENT_BROKEN)) {
                throw new InternalErrorException("the store is down");
            }
            List<QuestionnaireResponse> out = new ArrayList<>(store.stream()
                    .filter(r -> !honoursSubject || r.getSubject().getReference().equals("Patient/" + subject.getIdPart()))
                    .filter(r -> !honoursQuestionnaire || questionnaire == null
                            || r.getQuestionnaire().split("\\|")[0].equals(questionnaire.getValue()))
                    .filter(r -> status == null || status.getValuesAsQueryTokens().stream()
                            .anyMatch(t -> t.getValue().equals(r.getStatus().toCode())))
                    .map(QuestionnaireResponse::copy)
                    .toList());
            if (sort != null && sort.getParamName().equals("authored")) {
                Comparator<QuestionnaireResponse> byAuthored = Comparator.comparing(QuestionnaireResponse::getAuthored);
                out.sort(sort.getOrder() == SortOrderEnum.DESC ? byAuthored.reversed() : byAuthored);
            }
            return out;
        }
    }
}
