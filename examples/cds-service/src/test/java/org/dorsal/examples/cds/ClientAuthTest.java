package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.fhir.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CDS Hooks 2.0's trusted clients, over real HTTP on loopback: for every check the service makes,
 * a token that fails only that check gets 401 with WWW-Authenticate and a JSON error naming the
 * check; a valid token (ES384 or RS384, from a JWK Set file, a JWK Set URL or an allowed jku) gets
 * 200. Keys are made by the test. The log names the check, iss and jti and never holds a token.
 */
class ClientAuthTest {
    private static final String DISCOVERY = "/cds-services";
    private static final String HOOK = "/cds-services/dorsal-patient-view";
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream stderr;

    /** The EHR with its JWK Set in a file and its client id on the allow-list. */
    static final Tokens EHR = new Tokens("https://ehr.example.org", "dorsal-client", "ehr");
    /** Keys the same EHR publishes at an allowed jku. */
    static final Tokens EHR_JKU = new Tokens("https://ehr.example.org", "dorsal-client", "ehr-jku");
    /** A second EHR whose JWK Set is fetched from a URL (any sub). */
    static final Tokens REMOTE = new Tokens("https://remote-ehr.example.org", "anyone", "remote");
    static final AtomicInteger FETCHES = new AtomicInteger();

    @TempDir
    static Path dir;
    static HttpServer keys;
    static String keysBase;
    static CdsServer server;
    static Client client;

    @BeforeAll
    static void start() throws IOException {
        keys = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keys.createContext("/jwks.json", ex -> serve(ex, REMOTE.jwks()));
        keys.createContext("/jku.json", ex -> serve(ex, EHR_JKU.jwks()));
        keys.start();
        keysBase = "http://127.0.0.1:" + keys.getAddress().getPort();
        stderr = System.err;
        System.setErr(new PrintStream(LOG, true, StandardCharsets.UTF_8));
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withFeedbackLog(dir.resolve("feedback.jsonl"))
                .withTrustedIssuers(List.of(
                        new ServiceConfig.TrustedIssuer(EHR.iss, EHR.writeJwks(dir.resolve("ehr-jwks.json")).toString(),
                                List.of("dorsal-client"), List.of(keysBase + "/jku.json")),
                        new ServiceConfig.TrustedIssuer(REMOTE.iss, keysBase + "/jwks.json", null, null)));
        server = CdsServer.start(config, DORSAL, null);
        client = new Client(server);
    }

    private static void serve(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        FETCHES.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        keys.stop(0);
        System.setErr(stderr);
    }

    static String aud(String path) {
        return server.baseUri() + path;
    }

    static HttpResponse<String> discovery(String token) {
        return client.send("GET", DISCOVERY, null, null, "Authorization", "Bearer " + token);
    }

    /** 401, WWW-Authenticate, the check named, and nothing of the service's answer. */
    static void refused(HttpResponse<String> r, String check) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm="));
        JsonNode error = Client.json(r);
        assertThat(error.get("error").asText()).isEqualTo("unauthorized");
        assertThat(error.get("field").asText()).isEqualTo(check);
        assertThat(error.has("services")).isFalse();
        assertThat(error.has("cards")).isFalse();
        assertThat(new Metrics(client).get("dorsal_auth_refused_total", "reason=" + check)).isPositive();
    }

    // --- accepted ---

    @Test
    void a_valid_es384_or_rs384_token_gets_200_on_discovery_hook_and_feedback() {
        assertThat(discovery(EHR.es384(aud(DISCOVERY))).statusCode()).isEqualTo(200);
        assertThat(discovery(EHR.rs384(aud(DISCOVERY))).statusCode()).isEqualTo(200);
        Client ehr = client.withTokens(path -> EHR.es384(aud(path)));
        HttpResponse<String> cards = ehr.post(HOOK, "application/json",
                Client.hook(MAPPINGS.questionnaireResponse(Samples.named("self-care-spasm").intake())));
        assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
        String uuid = Client.json(cards).get("cards").get(0).get("uuid").asText();
        HttpResponse<String> stored = ehr.post(HOOK + "/feedback", "application/json",
                "{\"feedback\": [{\"card\": \"" + uuid + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2025-11-20T10:15:00Z\"}]}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    }

    @Test
    void keys_from_a_jwks_url_are_fetched_once_and_cached() {
        int before = FETCHES.get();
        for (int i = 0; i < 3; i++) {
            assertThat(discovery(REMOTE.es384(aud(DISCOVERY))).statusCode()).isEqualTo(200);
            assertThat(discovery(REMOTE.rs384(aud(DISCOVERY))).statusCode()).isEqualTo(200);
        }
        assertThat(FETCHES.get() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void a_token_naming_an_allowed_jku_is_checked_against_the_keys_there() {
        String token = Tokens.sign(EHR_JKU.ec, JWSAlgorithm.ES384, h -> h.jwkURL(URI.create(keysBase + "/jku.json")),
                EHR_JKU.claims(aud(DISCOVERY)).build());
        assertThat(discovery(token).statusCode()).isEqualTo(200);
    }

    // --- one check failed at a time ---

    @Test
    void no_token_is_refused() {
        HttpResponse<String> r = client.get(DISCOVERY);
        refused(r, "token");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cds-services\"");
        refused(client.send("GET", DISCOVERY, null, null, "Authorization", "Basic dXNlcjpwYXNz"), "token");
    }

    @Test
    void a_malformed_token_is_refused() {
        refused(discovery("not.a.jwt"), "malformed");
        refused(discovery("eyJhbGciOiJFUzM4NCJ9"), "malformed");
    }

    @Test
    void a_wrong_signature_is_refused() throws JOSEException {
        ECKey impostor = new ECKeyGenerator(Curve.P_384).keyID(EHR.ec.getKeyID()).generate();
        refused(discovery(Tokens.sign(impostor, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY)).build())), "signature");
        String valid = EHR.es384(aud(DISCOVERY));
        String tampered = valid.substring(0, valid.indexOf('.') + 1)
                + com.nimbusds.jose.util.Base64URL.encode(EHR.claims(aud(DISCOVERY)).subject("dorsal-client").build().toString())
                + valid.substring(valid.lastIndexOf('.'));
        refused(discovery(tampered), "signature");
    }

    @Test
    void an_unknown_kid_is_refused() throws JOSEException {
        ECKey other = new ECKeyGenerator(Curve.P_384).keyID("not-in-the-jwks").generate();
        refused(discovery(Tokens.sign(other, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY)).build())), "kid");
    }

    @Test
    void alg_none_is_refused() {
        refused(discovery(new PlainJWT(EHR.claims(aud(DISCOVERY)).build()).serialize()), "alg");
    }

    @Test
    void hs256_signed_with_the_public_key_is_refused() throws JOSEException {
        // The classic confusion attack: the public key's bytes, which anyone has, used as an HMAC secret.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(EHR.rsa.getKeyID()).build(),
                EHR.claims(aud(DISCOVERY)).build());
        jwt.sign(new MACSigner(EHR.rsa.toPublicKey().getEncoded()));
        refused(discovery(jwt.serialize()), "alg");
    }

    @Test
    void an_untrusted_iss_is_refused() {
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h,
                EHR.claims(aud(DISCOVERY)).issuer("https://evil.example.org").build())), "iss");
    }

    @Test
    void a_jku_not_allowed_for_the_issuer_is_refused() {
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h.jwkURL(URI.create(keysBase + "/jwks.json")),
                EHR.claims(aud(DISCOVERY)).build())), "jku");
    }

    @Test
    void an_aud_other_than_the_endpoint_called_is_refused() {
        refused(discovery(EHR.es384(aud(HOOK))), "aud");
        refused(discovery(EHR.es384("https://other.example.org/cds-services")), "aud");
        HttpResponse<String> r = client.send("POST", HOOK, "application/json", "{}", "Authorization", "Bearer " + EHR.es384(aud(DISCOVERY)));
        refused(r, "aud");
    }

    @Test
    void an_expired_token_is_refused() {
        Instant now = Instant.now();
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY))
                .issueTime(Date.from(now.minusSeconds(240))).expirationTime(Date.from(now.minusSeconds(120))).build())), "exp");
    }

    @Test
    void a_token_issued_in_the_future_is_refused() {
        Instant now = Instant.now();
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY))
                .issueTime(Date.from(now.plusSeconds(120))).expirationTime(Date.from(now.plusSeconds(180))).build())), "iat");
    }

    @Test
    void a_lifetime_over_five_minutes_is_refused() {
        Instant now = Instant.now();
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(301))).build())), "lifetime");
    }

    @Test
    void a_sub_not_allowed_for_the_issuer_is_refused() {
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY)).subject("someone-else").build())),
                "sub");
    }

    @Test
    void a_replayed_jti_is_refused() {
        String token = EHR.es384(aud(DISCOVERY));
        assertThat(discovery(token).statusCode()).isEqualTo(200);
        refused(discovery(token), "jti");
        // The same jti in a new token is the same replay.
        JWTClaimsSet first = parse(token);
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(DISCOVERY)).jwtID(first.getJWTID()).build())), "jti");
        refused(discovery(Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, new JWTClaimsSet.Builder(EHR.claims(aud(DISCOVERY)).build())
                .jwtID(null).build())), "jti");
    }

    @Test
    void an_unknown_service_is_not_revealed_without_a_token() {
        refused(client.get("/cds-services/other-service"), "token");
        assertThat(client.send("GET", "/cds-services/other-service", null, null, "Authorization",
                "Bearer " + EHR.es384(aud("/cds-services/other-service"))).statusCode()).isEqualTo(404);
    }

    @Test
    void the_patient_and_telehealth_routes_need_no_ehr_token() {
        assertThat(client.post("/assess", "application/json", Samples.json("self-care-spasm")).statusCode()).isEqualTo(200);
        assertThat(client.get("/fhir/Questionnaire/dorsal-intake").statusCode()).isEqualTo(200);
        assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void the_log_names_the_check_iss_and_jti_and_never_the_token() {
        String token = Tokens.sign(EHR.ec, JWSAlgorithm.ES384, h -> h, EHR.claims(aud(HOOK)).jwtID("jti-for-the-log\nforged line").build());
        refused(discovery(token), "aud");
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("discovery: token refused, aud check failed (iss https://ehr.example.org, jti jti-for-the-log?forged line)");
        assertThat(log).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                .doesNotContain("\nforged line");
    }

    @Test
    void off_loopback_the_service_refuses_to_start_without_trusted_issuers() {
        ServiceConfig open = ServiceConfig.defaults().withBind("0.0.0.0").withPort(0).withFeedbackLog(dir.resolve("never.jsonl"));
        assertThatThrownBy(() -> CdsServer.start(open, DORSAL, null)).isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("not a loopback address").hasMessageContaining("trustedIssuers");
        assertThat(dir.resolve("never.jsonl")).doesNotExist();
    }

    @Test
    void a_config_allowing_hmac_or_none_is_refused() {
        assertThatThrownBy(() -> new ServiceConfig(null, 0, null, null, null, List.of("HS256"), null, null, null, null, null, null, null, null))
                .isInstanceOf(DorsalConfigurationException.class).hasMessageContaining("HS256 is not allowed");
        assertThatThrownBy(() -> new ServiceConfig(null, 0, null, null, null, List.of("none"), null, null, null, null, null, null, null, null))
                .isInstanceOf(DorsalConfigurationException.class).hasMessageContaining("none is not allowed");
    }

    private static JWTClaimsSet parse(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
