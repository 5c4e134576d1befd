package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.DORSAL;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.fhir.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the JDK's HttpsServer with a PKCS#12 keystore the test makes with keytool (an EC P-384
 * key, self-signed for 127.0.0.1): the service answers over TLS 1.3 and 1.2, not over plain HTTP,
 * and a keystore it cannot open stops the start.
 */
class TlsTest {
    private static final String PASSWORD = "test-only-password";

    @TempDir
    static Path dir;
    static Path keystore;
    static Path passwordFile;
    static CdsServer server;

    @BeforeAll
    static void start() throws Exception {
        keystore = dir.resolve("cds.p12");
        passwordFile = Files.writeString(dir.resolve("cds.p12.password"), PASSWORD + "\n");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "cds", "-keyalg", "EC", "-groupname", "secp384r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();
        server = CdsServer.start(ServiceConfig.defaults().withPort(0).withFeedbackLog(dir.resolve("f.jsonl"))
                .withTls(new ServiceConfig.Tls(keystore, passwordFile)), DORSAL, null);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /** A client trusting exactly the test's certificate, offering only {@code protocols}. */
    static HttpClient client(String... protocols) throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            serverKeys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("cds", serverKeys.getCertificate("cds"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        SSLParameters params = tls.getDefaultSSLParameters();
        params.setProtocols(protocols);
        return HttpClient.newBuilder().sslContext(tls).sslParameters(params).connectTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void serves_https_over_tls_1_3_and_1_2() throws Exception {
        assertThat(server.baseUri().getScheme()).isEqualTo("https");
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            Client client = new Client(server.baseUri(), client(protocol), null);
            HttpResponse<String> r = client.post("/assess", "application/json", Samples.json("self-care-spasm"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo(protocol));
        }
        assertThat(CdsServer.TLS_PROTOCOLS).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void refuses_tls_1_1_and_plain_http() throws Exception {
        // The JDK's client also disables TLS 1.1 by default: this shows the handshake fails, the
        // server's own list (TLS_PROTOCOLS, set on every connection) is what keeps it closed.
        Client old = new Client(server.baseUri(), client("TLSv1.1"), null);
        assertThatThrownBy(() -> old.get("/health/live")).hasRootCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        Client plain = new Client(URI.create("http://127.0.0.1:" + server.port()),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(), null);
        assertThatThrownBy(() -> plain.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                .timeout(Duration.ofSeconds(30)).build())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_keystore_that_cannot_be_opened_stops_the_start() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.password"), "not-the-password\n");
        assertThatThrownBy(() -> CdsServer.start(ServiceConfig.defaults().withPort(0).withFeedbackLog(dir.resolve("g.jsonl"))
                .withTls(new ServiceConfig.Tls(keystore, wrong)), DORSAL, null))
                .isInstanceOf(DorsalConfigurationException.class).hasMessageContaining("cannot be used as a PKCS#12 keystore");
        assertThat(dir.resolve("g.jsonl")).doesNotExist();
    }
}
