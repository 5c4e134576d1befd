package org.dorsal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;
import static org.dorsal.fhir.FhirTestServer.PATIENT_A;
import static org.dorsal.fhir.FhirTestServer.PATIENT_B;
import static org.dorsal.fhir.FhirTestServer.TOKEN;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dorsal.fhir.IntakeFetchException.Failure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IntakeFetcher against a real HAPI plain server on loopback (see {@link FhirTestServer}), and against servers that misbehave. */
class IntakeFetcherTest {
    private static final Duration LIVENESS = Duration.ofSeconds(20);
    private static FhirTestServer fhir;
    private static IntakeFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        fhir = FhirTestServer.start(MAPPINGS);
        // Generous for a busy machine: the first search of a fresh server takes a second or more.
        fetcher = IntakeFetcher.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        fhir.close();
    }

    @BeforeEach
    void clear() {
        fhir.clear();
    }

    @Test
    void the_search_goes_to_the_fhir_server_with_the_token_and_the_newest_intake_comes_back() {
        Optional<QuestionnaireResponse> a = fetcher.newest(fhir.base(), TOKEN, PATIENT_A);

        assertThat(a).map(r -> r.getIdElement().getIdPart()).contains("qr-a2");
        assertThat(MAPPINGS.intake(a.orElseThrow())).isEqualTo(Samples.named("urgent-radiculopathy").intake());
        List<FhirTestServer.Seen> seen = fhir.seen();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(seen.get(0).path()).isEqualTo("/fhir/QuestionnaireResponse");
        // The query the discovery document's prefetch template declares, for this patient.
        assertThat(seen.get(0).query()).isEqualTo(IntakeResponses.search(PATIENT_A).substring("QuestionnaireResponse?".length()));

        assertThat(fetcher.newest(fhir.base(), TOKEN, PATIENT_B)).map(r -> r.getIdElement().getIdPart()).contains("qr-b1");
    }

    @Test
    void a_patient_with_nothing_on_file_has_no_intake() {
        assertThat(fetcher.newest(fhir.base(), TOKEN, FhirTestServer.PATIENT_NONE)).isEmpty();
        assertThat(fhir.seen()).singleElement().extracting(FhirTestServer.Seen::authorization).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void a_base_url_with_a_trailing_slash_is_the_same_base() {
        URI slash = URI.create(fhir.base() + "/");
        assertThat(fetcher.newest(slash, TOKEN, PATIENT_A)).map(r -> r.getIdElement().getIdPart()).contains("qr-a2");
        assertThat(fhir.seen()).singleElement().extracting(FhirTestServer.Seen::path).isEqualTo("/fhir/QuestionnaireResponse");
    }

    @Test
    void a_401_from_the_fhir_server_is_unauthorized() {
        assertFailure(() -> fetcher.newest(fhir.base(), "tok.not-the-right-one", PATIENT_A), Failure.UNAUTHORIZED);
        assertThat(fhir.seen()).singleElement().extracting(FhirTestServer.Seen::authorization).isEqualTo("Bearer tok.not-the-right-one");
    }

    @Test
    void a_403_from_the_fhir_server_is_forbidden() {
        assertFailure(() -> fetcher.newest(fhir.base(), FhirTestServer.READ_NOTHING_TOKEN, PATIENT_A), Failure.FORBIDDEN);
    }

    @Test
    void a_500_from_the_fhir_server_is_a_server_error() {
        assertFailure(() -> fetcher.newest(fhir.base(), TOKEN, FhirTestServer.PATIENT_BROKEN), Failure.SERVER_ERROR);
    }

    @Test
    void an_answer_holding_another_patients_response_is_refused_whole() {
        // The lax server ignores subject: pat-b's answer holds pat-a's responses too.
        assertFailure(() -> fetcher.newest(fhir.base("lax"), TOKEN, PATIENT_B), Failure.OTHER_PATIENT);
    }

    @Test
    void a_page_without_an_intake_leads_to_the_next_page_on_the_same_server_with_the_token() {
        // The forms server ignores questionnaire: its first page is pat-a's newest response to another form.
        Optional<QuestionnaireResponse> a = fetcher.newest(fhir.base("forms"), TOKEN, PATIENT_A);

        assertThat(a).map(r -> r.getIdElement().getIdPart()).contains("qr-a2");
        List<FhirTestServer.Seen> seen = fhir.seen();
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(seen.get(1).query()).contains("_getpages=");
    }

    @Test
    void a_next_link_to_another_host_is_refused_and_the_token_never_goes_there() {
        assertFailure(() -> fetcher.newest(fhir.base("misaddressed"), TOKEN, PATIENT_A), Failure.FOREIGN_LINK);
        assertThat(fhir.seen()).hasSize(1);
        assertThat(fhir.foreignRequests()).isEmpty();
    }

    @Test
    void pages_are_read_up_to_the_bound() {
        IntakeFetcher onePage = IntakeFetcher.builder().maxPages(1).build();
        assertFailure(() -> onePage.newest(fhir.base("forms"), TOKEN, PATIENT_A), Failure.TOO_MANY_PAGES);
        assertThat(fhir.seen()).hasSize(1);
    }

    @Test
    void a_server_that_stalls_times_out() throws IOException {
        // Connections queue in the backlog and are never read: connected, then silence.
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI base = URI.create("http://127.0.0.1:" + stalled.getLocalPort() + "/fhir");
            IntakeFetcher impatient = IntakeFetcher.builder().readTimeout(Duration.ofMillis(300)).build();
            assertTimeoutPreemptively(LIVENESS, () -> assertFailure(() -> impatient.newest(base, TOKEN, PATIENT_A), Failure.TIMEOUT));
        }
    }

    @Test
    void a_server_that_is_not_there_is_unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertFailure(() -> fetcher.newest(URI.create("http://127.0.0.1:" + port + "/fhir"), TOKEN, PATIENT_A), Failure.UNREACHABLE);
    }

    @Test
    void a_redirect_is_not_followed_and_the_token_never_reaches_its_target() throws IOException {
        String target = "http://127.0.0.2:" + fhir.foreignPort() + "/fhir/QuestionnaireResponse";
        HttpServer redirecting = stub(302, "Location", target, "text/plain", "");
        try {
            assertFailure(() -> fetcher.newest(base(redirecting), TOKEN, PATIENT_A), Failure.REDIRECTED);
        } finally {
            redirecting.stop(0);
        }
        assertThat(fhir.foreignRequests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/fhir+json|not json at all",
            "application/fhir+json|{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\"}",
            "application/fhir+json|{\"resourceType\": \"Bundle\", \"type\": \"collection\"}",
            "application/fhir+json|{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"madeUp\": 1}",
            "text/html|<html>a login page</html>"})
    void an_answer_that_is_not_a_search_bundle_is_unreadable(String answer) throws IOException {
        String[] typeAndBody = answer.split("\\|", 2);
        HttpServer server = stub(200, null, null, typeAndBody[0], typeAndBody[1]);
        try {
            assertFailure(() -> fetcher.newest(base(server), TOKEN, PATIENT_A), Failure.UNREADABLE);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void an_answer_longer_than_the_bound_is_refused_whether_it_says_so_or_not() throws IOException {
        IntakeFetcher small = IntakeFetcher.builder().maxBytes(1024).build();
        String empty = "{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}";
        String padded = empty.substring(0, empty.length() - 1) + " ".repeat(2048) + "}";
        HttpServer saysSo = stub(200, null, null, "application/fhir+json", padded);
        HttpServer chunked = stub(200, null, null, "application/fhir+json", padded, true);
        HttpServer within = stub(200, null, null, "application/fhir+json", empty + " ".repeat(900), true);
        try {
            assertFailure(() -> small.newest(base(saysSo), TOKEN, PATIENT_A), Failure.TOO_LARGE);
            // Without a Content-Length the answer is cut at the bound, and a cut document never parses.
            assertFailure(() -> small.newest(base(chunked), TOKEN, PATIENT_A), Failure.UNREADABLE);
            assertThat(small.newest(base(within), TOKEN, PATIENT_A)).isEmpty();
            // The default bound, 1 MiB, takes the padded answer.
            assertThat(fetcher.newest(base(chunked), TOKEN, PATIENT_A)).isEmpty();
        } finally {
            saysSo.stop(0);
            chunked.stop(0);
            within.stop(0);
        }
    }

    @Test
    void a_token_is_sent_over_plain_http_to_loopback_only() {
        for (String url : List.of("http://ehr.example.org/fhir", "http://10.0.0.1/fhir", "http://127.0.0.1.example.org/fhir")) {
            assertThatThrownBy(() -> fetcher.newest(URI.create(url), TOKEN, PATIENT_A))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        }
        for (String url : List.of("ftp://ehr.example.org/fhir", "https://user:pw@ehr.example.org/fhir",
                "https://ehr.example.org/fhir?x=1", "https://ehr.example.org/fhir#f", "/fhir")) {
            assertThatThrownBy(() -> fetcher.newest(URI.create(url), TOKEN, PATIENT_A)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(fhir.seen()).isEmpty();
    }

    @Test
    void a_token_that_could_break_its_header_is_refused_without_being_quoted() {
        String bad = "tok.secret\r\nX-Other: 1";
        assertThatThrownBy(() -> fetcher.newest(fhir.base(), bad, PATIENT_A)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret");
        assertThatThrownBy(() -> fetcher.newest(fhir.base(), "", PATIENT_A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fetcher.newest(fhir.base(), TOKEN, "a&subject=Patient/b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fhir.seen()).isEmpty();
    }

    @Test
    void nothing_logged_while_fetching_holds_the_token_or_a_failure_message_quotes_it() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // slf4j-simple looks System.err up on every write; HAPI's client logs at debug here (simplelogger.properties).
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        StringBuilder messages = new StringBuilder();
        try {
            fetcher.newest(fhir.base(), TOKEN, PATIENT_A);
            fetcher.newest(fhir.base("forms"), TOKEN, PATIENT_A);
            for (String base : List.of("lax", "misaddressed")) {
                try {
                    fetcher.newest(fhir.base(base), TOKEN, PATIENT_B);
                } catch (IntakeFetchException e) {
                    messages.append(e.getMessage()).append('\n');
                }
            }
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("the capture works: Apache HttpClient logged its connections").contains("Connection request");
        assertThat(logged).doesNotContain(TOKEN).doesNotContain("Bearer");
        assertThat(messages.toString()).isNotBlank().doesNotContain(TOKEN).doesNotContain(PATIENT_B);
    }

    @Test
    void a_builder_refuses_bounds_that_make_no_sense() {
        assertThatThrownBy(() -> IntakeFetcher.builder().readTimeout(Duration.ZERO)).hasMessageContaining("read timeout");
        assertThatThrownBy(() -> IntakeFetcher.builder().connectTimeout(Duration.ofSeconds(-1))).hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> IntakeFetcher.builder().maxPages(0)).hasMessageContaining("max pages");
        assertThatThrownBy(() -> IntakeFetcher.builder().maxConnections(0)).hasMessageContaining("max connections");
        assertThatThrownBy(() -> IntakeFetcher.builder().maxBytes(0)).hasMessageContaining("max bytes");
    }

    private static void assertFailure(Runnable fetch, Failure failure) {
        assertThatThrownBy(fetch::run).isInstanceOfSatisfying(IntakeFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
    }

    private static URI base(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir");
    }

    /** A server that answers every request alike. */
    private static HttpServer stub(int status, String header, String value, String contentType, String body) throws IOException {
        return stub(status, header, value, contentType, body, false);
    }

    /** As above; a chunked answer carries no Content-Length. */
    private static HttpServer stub(int status, String header, String value, String contentType, String body, boolean chunked)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            if (header != null) {
                ex.getResponseHeaders().set(header, value);
            }
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : chunked ? 0 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
        return server;
    }
}
