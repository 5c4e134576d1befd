package org.dorsal.examples.cds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dorsal.DorsalConfigurationException;

/**
 * Everything the service is started with, from one file (JSON, or YAML when the name ends in
 * {@code .yaml}/{@code .yml}) and the command line's overrides; every value is checked here, before
 * anything starts, and refused naming the setting.
 *
 * <pre>
 * bind: 0.0.0.0
 * port: 8443
 * audience: https://cds.example.org
 * trustedIssuers:
 *   - iss: https://ehr.example.org
 *     jwks: https://ehr.example.org/.well-known/jwks.json
 * tls: {keystore: /etc/dorsal/cds.p12, passwordFile: /etc/dorsal/cds.p12.password}
 * </pre>
 *
 * @param bind the address to listen on; the loopback address by default
 * @param port the port, 0 for any free one
 * @param feedbackLog where clinicians' feedback is appended
 * @param audience the service's public base URL (scheme, host, port, any path prefix a proxy adds):
 *                 a token's {@code aud} must be this plus the path called; null for the URL the
 *                 server listens on
 * @param trustedIssuers the EHRs whose tokens are accepted; none means client authentication is off,
 *                       which is allowed on the loopback address only
 * @param algorithms the JWS algorithms accepted; asymmetric only
 * @param clockSkewSeconds how far the EHR's clock may be from this one, for {@code exp} and {@code iat}
 * @param maxTokenLifetimeSeconds the longest {@code exp - iat} accepted
 * @param replayCacheSize how many unexpired {@code jti}s are remembered; past it, tokens are refused until some expire
 * @param tls the keystore to serve HTTPS with, or null for plain HTTP
 * @param workers threads answering requests
 * @param queue requests that may wait for a worker; past it, 503
 * @param shutdownGraceSeconds how long a stop waits for requests in flight
 * @param shadow the shadow candidate, or null for none
 */
record ServiceConfig(String bind, Integer port, Path feedbackLog, URI audience, List<TrustedIssuer> trustedIssuers,
                     List<String> algorithms, Integer clockSkewSeconds, Integer maxTokenLifetimeSeconds,
                     Integer replayCacheSize, Tls tls, Integer workers, Integer queue, Integer shutdownGraceSeconds,
                     ShadowSettings shadow) {
    static final int DEFAULT_PORT = 8080;
    static final Path DEFAULT_FEEDBACK_LOG = Path.of("dorsal-feedback.jsonl");
    static final List<String> DEFAULT_ALGORITHMS = List.of("ES384", "RS384");
    /** Asymmetric JWS algorithms only: CDS Hooks forbids {@code none} and every HMAC. */
    static final Set<String> ASYMMETRIC = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA");
    /** CDS Hooks' usual bound on a token's lifetime, and the most this service allows. */
    static final int MAX_LIFETIME = 300;

    ServiceConfig {
        bind = bind == null ? InetAddress.getLoopbackAddress().getHostAddress() : bind.strip();
        port = port == null ? DEFAULT_PORT : port;
        if (port < 0 || port > 65_535) {
            throw refused("port must be a number from 0 to 65535, got " + port);
        }
        feedbackLog = feedbackLog == null ? DEFAULT_FEEDBACK_LOG : feedbackLog;
        if (audience != null) {
            String scheme = String.valueOf(audience.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || audience.getHost() == null
                    || audience.getQuery() != null || audience.getFragment() != null) {
                throw refused("audience must be an http(s) base URL without query or fragment, got " + audience);
            }
            String s = audience.toString();
            audience = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
        if (trustedIssuers.stream().map(TrustedIssuer::iss).distinct().count() != trustedIssuers.size()) {
            throw refused("trustedIssuers names an iss twice");
        }
        algorithms = algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : List.copyOf(algorithms);
        for (String alg : algorithms) {
            if (!ASYMMETRIC.contains(alg)) {
                throw refused("algorithms: " + alg + " is not allowed; only asymmetric JWS algorithms " + ASYMMETRIC.stream().sorted().toList()
                        + " (CDS Hooks forbids none and HMAC)");
            }
        }
        clockSkewSeconds = clockSkewSeconds == null ? 30 : clockSkewSeconds;
        if (clockSkewSeconds < 0 || clockSkewSeconds > 120) {
            throw refused("clockSkewSeconds must be from 0 to 120, got " + clockSkewSeconds);
        }
        maxTokenLifetimeSeconds = maxTokenLifetimeSeconds == null ? MAX_LIFETIME : maxTokenLifetimeSeconds;
        if (maxTokenLifetimeSeconds < 1 || maxTokenLifetimeSeconds > MAX_LIFETIME) {
            throw refused("maxTokenLifetimeSeconds must be from 1 to " + MAX_LIFETIME + ", got " + maxTokenLifetimeSeconds);
        }
        replayCacheSize = replayCacheSize == null ? 100_000 : replayCacheSize;
        if (replayCacheSize < 1) {
            throw refused("replayCacheSize must be at least 1, got " + replayCacheSize);
        }
        workers = workers == null ? Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) : workers;
        if (workers < 1 || workers > 1024) {
            throw refused("workers must be from 1 to 1024, got " + workers);
        }
        queue = queue == null ? 64 : queue;
        if (queue < 0 || queue > 100_000) {
            throw refused("queue must be from 0 to 100000, got " + queue);
        }
        shutdownGraceSeconds = shutdownGraceSeconds == null ? 10 : shutdownGraceSeconds;
        if (shutdownGraceSeconds < 0 || shutdownGraceSeconds > 300) {
            throw refused("shutdownGraceSeconds must be from 0 to 300, got " + shutdownGraceSeconds);
        }
    }

    /** The defaults: loopback, port 8080, no issuers (client authentication off), plain HTTP. */
    static ServiceConfig defaults() {
        return new ServiceConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads the file; JSON unless its name ends in .yaml or .yml. Unknown or repeated keys are refused. */
    static ServiceConfig load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? YAMLMapper.builder(new YAMLFactory()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                : JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .enable(JsonParser.Feature.ALLOW_COMMENTS)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            ServiceConfig c = mapper.readValue(file.toFile(), ServiceConfig.class);
            if (c == null) {
                throw refused(file + " is empty");
            }
            return c.resolvedAgainst(file.toAbsolutePath().getParent());
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof DorsalConfigurationException d) {
                throw d;
            }
            throw refused(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
        } catch (IOException e) {
            throw refused(file + " cannot be read: " + e.getMessage());
        }
    }

    /** Relative paths in a file are relative to the file, not to wherever the service was started. */
    private ServiceConfig resolvedAgainst(Path dir) {
        return new ServiceConfig(bind, port, dir.resolve(feedbackLog), audience,
                trustedIssuers.stream().map(i -> i.resolvedAgainst(dir)).toList(), algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls == null ? null : tls.resolvedAgainst(dir), workers, queue,
                shutdownGraceSeconds, shadow == null ? null : shadow.resolvedAgainst(dir));
    }

    /** Whether the service listens on the loopback address only. */
    boolean loopback() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw refused("bind: unknown address " + bind);
        }
    }

    /** Whether CDS Hooks calls must carry a trusted EHR's token. */
    boolean clientAuth() {
        return !trustedIssuers.isEmpty();
    }

    /**
     * Refuses a configuration that would start insecure: off the loopback address, client
     * authentication cannot be off.
     */
    ServiceConfig requireSecure() {
        if (!loopback() && !clientAuth()) {
            throw refused("bind " + bind + " is not a loopback address, and no trustedIssuers are configured:"
                    + " the service would answer any caller. Configure trustedIssuers, or bind 127.0.0.1");
        }
        return this;
    }

    ServiceConfig withBind(String v) {
        return new ServiceConfig(v, port, feedbackLog, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withPort(int v) {
        return new ServiceConfig(bind, v, feedbackLog, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withFeedbackLog(Path v) {
        return new ServiceConfig(bind, port, v, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withAudience(URI v) {
        return new ServiceConfig(bind, port, feedbackLog, v, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withTrustedIssuers(List<TrustedIssuer> v) {
        return new ServiceConfig(bind, port, feedbackLog, audience, v, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withTls(Tls v) {
        return new ServiceConfig(bind, port, feedbackLog, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, v, workers, queue, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withWorkers(int threads, int waiting) {
        return new ServiceConfig(bind, port, feedbackLog, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, threads, waiting, shutdownGraceSeconds, shadow);
    }

    ServiceConfig withShutdownGraceSeconds(int v) {
        return new ServiceConfig(bind, port, feedbackLog, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, v, shadow);
    }

    ServiceConfig withShadow(ShadowSettings v) {
        return new ServiceConfig(bind, port, feedbackLog, audience, trustedIssuers, algorithms, clockSkewSeconds,
                maxTokenLifetimeSeconds, replayCacheSize, tls, workers, queue, shutdownGraceSeconds, v);
    }

    static DorsalConfigurationException refused(String message) {
        return new DorsalConfigurationException(message);
    }

    /**
     * An EHR whose tokens are accepted.
     *
     * @param iss the token's {@code iss}, exactly
     * @param jwks where its JWK Set is: an {@code https} URL (fetched and cached), or a file
     * @param subjects the {@code sub}s accepted from it (the client ids this service gave it); empty for any
     * @param jku the JWK Set URLs a token's {@code jku} header may name; a token naming any other is refused,
     *            and keys are fetched only from these
     */
    record TrustedIssuer(String iss, String jwks, List<String> subjects, List<String> jku) {
        TrustedIssuer {
            if (iss == null || iss.isBlank()) {
                throw refused("trustedIssuers: every issuer needs an iss");
            }
            if (jwks == null || jwks.isBlank()) {
                throw refused("trustedIssuers[" + iss + "].jwks is required: a JWK Set URL or file");
            }
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            jku = jku == null ? List.of() : List.copyOf(jku);
            for (String u : jku) {
                requireKeyUrl(u, "trustedIssuers[" + iss + "].jku");
            }
            if (remote(jwks)) {
                requireKeyUrl(jwks, "trustedIssuers[" + iss + "].jwks");
            }
        }

        static boolean remote(String jwks) {
            return jwks.startsWith("https://") || jwks.startsWith("http://");
        }

        /** Keys over https only; plain http is allowed to a loopback host, for tests and sidecars. */
        private static void requireKeyUrl(String url, String setting) {
            URI u;
            try {
                u = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw refused(setting + ": not a URL: " + url);
            }
            boolean https = "https".equals(u.getScheme());
            boolean loopbackHttp = "http".equals(u.getScheme()) && u.getHost() != null
                    && (u.getHost().equals("localhost") || u.getHost().equals("127.0.0.1") || u.getHost().equals("[::1]"));
            if (!https && !loopbackHttp) {
                throw refused(setting + " must be an https URL (http only to localhost), got " + url);
            }
        }

        private TrustedIssuer resolvedAgainst(Path dir) {
            return remote(jwks) ? this : new TrustedIssuer(iss, dir.resolve(jwks).toString(), subjects, jku);
        }
    }

    /**
     * HTTPS with a PKCS#12 keystore.
     *
     * @param keystore the PKCS#12 file holding the server's key and certificate chain
     * @param passwordFile a file whose first line is the keystore's password (kept out of the configuration)
     */
    record Tls(Path keystore, Path passwordFile) {
        Tls {
            if (keystore == null || passwordFile == null) {
                throw refused("tls needs keystore and passwordFile");
            }
        }

        private Tls resolvedAgainst(Path dir) {
            return new Tls(dir.resolve(keystore), dir.resolve(passwordFile));
        }
    }

    /** The shadow candidate, as the --shadow-* options name it; see ServeCommand. */
    record ShadowSettings(Integer spasmReferralDays, Integer stiffnessReferralDays, List<Path> jars, Integer queue) {
        ShadowSettings {
            jars = jars == null ? null : List.copyOf(jars);
        }

        private ShadowSettings resolvedAgainst(Path dir) {
            return new ShadowSettings(spasmReferralDays, stiffnessReferralDays,
                    jars == null ? null : jars.stream().map(dir::resolve).toList(), queue);
        }
    }
}
