package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration example of docs/integration.md, as written there: it loads, says what the
 * guide says it does, and a server started from it (moved to a loopback port, without the
 * keystore it names) serves a call signed by its file-configured EHR for its public audience.
 */
class ConfigExampleTest {
    private static final Path GUIDE = Path.of("..", "..", "docs", "integration.md");

    @TempDir
    Path dir;

    static String example() throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(# /etc/dorsal/cds-service.yaml\\n.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        assertThat(m.find()).as("the configuration example in docs/integration.md").isTrue();
        return m.group(1);
    }

    @Test
    void the_guides_configuration_example_loads_and_serves_a_signed_call() throws IOException {
        Path file = Files.writeString(dir.resolve("cds-service.yaml"), example());
        ServiceConfig c = ServiceConfig.load(file);
        assertThat(c.bind()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(8443);
        assertThat(c.audience()).isEqualTo(URI.create("https://cds.example.org"));
        assertThat(c.feedbackLog()).isEqualTo(Path.of("/var/lib/dorsal/feedback.jsonl"));
        assertThat(c.tls().keystore()).isEqualTo(Path.of("/etc/dorsal/cds.p12"));
        assertThat(c.trustedIssuers()).hasSize(2);
        assertThat(c.trustedIssuers().get(0).subjects()).containsExactly("dorsal-cds-client");
        assertThat(c.trustedIssuers().get(1).jwks()).isEqualTo(dir.toAbsolutePath().resolve("other-ehr-jwks.json").toString());
        assertThat(c.requireSecure()).isSameAs(c);

        Tokens otherEhr = new Tokens("https://other-ehr.example.net", "any-client", "other");
        otherEhr.writeJwks(dir.resolve("other-ehr-jwks.json"));
        ServiceConfig local = c.withBind("127.0.0.1").withPort(0).withTls(null).withFeedbackLog(dir.resolve("feedback.jsonl"));
        try (CdsServer server = CdsServer.start(local, DORSAL, null)) {
            Client client = new Client(server);
            HttpResponse<String> r = client.send("GET", "/cds-services", null, null,
                    "Authorization", "Bearer " + otherEhr.es384("https://cds.example.org/cds-services"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(client.get("/cds-services").statusCode()).isEqualTo(401);
        }
    }
}
