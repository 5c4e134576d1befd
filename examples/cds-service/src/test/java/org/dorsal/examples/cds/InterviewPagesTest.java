package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dorsal.Dorsal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The web interview's files over real HTTP: what is served, with which headers, and that nothing else is. */
class InterviewPagesTest {
    /** Built here, not taken from FhirChecks, so that these tests do not wait for HAPI's validator. */
    static final Dorsal DORSAL = Dorsal.builder().build();
    @RegisterExtension
    static final RunningService SERVICE = new RunningService(DORSAL);
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @CsvSource({
            "/interview, text/html; charset=utf-8, interview/index.html",
            "/interview/app.js, text/javascript; charset=utf-8, interview/app.js",
            "/interview/interview.css, text/css; charset=utf-8, interview/interview.css",
            "/interview/icon.svg, image/svg+xml, interview/icon.svg"})
    void serves_each_file_from_the_classpath_with_its_type_and_strict_headers(String path, String type, String resource) throws IOException {
        HttpResponse<String> r = SERVICE.client().get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(type);
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            assertThat(r.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertStrictHeaders(r);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\""));
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void every_answer_is_counted_in_the_request_metric_by_route_and_status() throws Exception {
        String before = SERVICE.client().get("/metrics").body();

        SERVICE.client().get("/interview/icon.svg");
        SERVICE.client().get("/interview/icon.svg");
        SERVICE.client().get("/interview/no-such-file.js");
        SERVICE.client().post("/interview", "text/plain", new byte[0]);

        String after = SERVICE.client().get("/metrics").body();
        // Other tests share the server, so the counts are compared before and after.
        assertThat(increase(before, after, "route=interview-icon", "status=200")).isEqualTo(2);
        assertThat(increase(before, after, "route=unknown", "status=404")).isEqualTo(1);
        assertThat(increase(before, after, "route=interview", "status=405")).isEqualTo(1);
    }

    private static double increase(String before, String after, String... labels) {
        return Metrics.sum(after, "dorsal_http_requests_seconds_count", labels)
                - Metrics.sum(before, "dorsal_http_requests_seconds_count", labels);
    }

    @Test
    void a_cached_copy_is_revalidated_with_its_etag() throws Exception {
        String etag = SERVICE.client().get("/interview/app.js").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> same = http.send(HttpRequest.newBuilder(SERVICE.server().baseUri().resolve("/interview/app.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(SERVICE.server().baseUri().resolve("/interview/app.js"))
                .header("If-None-Match", "\"something-else\"").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);
        assertStrictHeaders(same);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(InterviewPages.matches("W/" + etag + ", \"x\"", etag)).isTrue();
        assertThat(InterviewPages.matches("*", etag)).isTrue();
        assertThat(InterviewPages.matches(null, etag)).isFalse();
    }

    @Test
    void head_answers_with_the_headers_and_no_body_and_other_methods_are_refused() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(SERVICE.server().baseUri().resolve("/interview"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = SERVICE.client().post("/interview", "application/json", "{}");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertStrictHeaders(post);
    }

    @Test
    void the_path_with_a_slash_redirects_to_the_page_relatively() throws Exception {
        HttpResponse<String> r = SERVICE.client().get("/interview/");
        // HttpClient does not follow redirects by default: the 301 itself is seen.
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("../interview");
        assertThat(URI.create("http://h/interview/").resolve("../interview").getPath()).isEqualTo("/interview");
    }

    /** Sent byte for byte on a socket, so that no client normalises the path first. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/interview/index.html",
            "/interview/../interview/app.js",
            "/interview/./app.js",
            "/interview//app.js",
            "/interview/app.js/",
            "/interview/%2e%2e/%2e%2e/pom.xml",
            "/interview/..%2f..%2fpom.xml",
            "/interview/%2fetc%2fpasswd",
            "/interview/../../../../etc/passwd",
            "/interview/..\\..\\pom.xml",
            "/interview/app%2ejs",
            "/interview/org/dorsal/examples/cds/CdsServer.class",
            "/interview/simplelogger.properties",
            "/interview/../simplelogger.properties",
            "/interview/APP.JS",
            "/interviewer",
            "/interview.css"})
    void anything_but_the_four_files_is_not_found(String path) throws IOException {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String statusLine = response.lines().findFirst().orElse("");
        // 400 where the JDK's parser refuses the request line itself.
        assertThat(statusLine).as("GET %s", path).containsAnyOf(" 404 ", " 400 ");
        assertThat(response).doesNotContain("<project").doesNotContain("root:").doesNotContain("'use strict'")
                .doesNotContain("org.slf4j");
    }

    @Test
    void the_page_loads_nothing_from_outside_and_has_no_inline_script_or_style() throws IOException {
        String html = SERVICE.client().get("/interview").body();
        String js = SERVICE.client().get("/interview/app.js").body();
        String css = SERVICE.client().get("/interview/interview.css").body();

        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int n = 0;
        while (refs.find()) {
            n++;
            assertThat(refs.group(1)).as("a relative reference to this service").startsWith("interview/");
        }
        assertThat(n).isEqualTo(4);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("<style").doesNotContain(" style=")
                .doesNotContainPattern("\\son[a-z]+=");
        assertThat(js + css).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
                .doesNotContain("@import").doesNotContain("url(");
        assertThat(js).as("no storage, no cookies, no URL changes")
                .doesNotContain("localStorage").doesNotContain("sessionStorage").doesNotContain("indexedDB")
                .doesNotContain("document.cookie").doesNotContain("pushState").doesNotContain("replaceState")
                .doesNotContain("location.hash").doesNotContain("location.search").doesNotContain("innerHTML");
    }

    @Test
    void the_readme_service_command_builds_a_jar_that_serves_the_page() throws IOException {
        // The README's command packages src/main/resources into the jar; the resources must be there, not in tests.
        for (String name : new String[] {"index.html", "app.js", "interview.css", "icon.svg"}) {
            assertThat(Path.of("src", "main", "resources", "interview", name)).isRegularFile();
        }
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        assertThat(readme).contains("java -jar examples/cds-service/target/dorsal-cds-service.jar --port 8080")
                .contains("http://127.0.0.1:8080/interview");
    }

    private static void assertStrictHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(InterviewPages.CONTENT_SECURITY_POLICY);
        assertThat(InterviewPages.CONTENT_SECURITY_POLICY).contains("default-src 'none'").contains("script-src 'self';")
                .doesNotContain("unsafe").doesNotContain("http").doesNotContain("*");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(SERVICE.server().baseUri().getHost(), SERVICE.server().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
