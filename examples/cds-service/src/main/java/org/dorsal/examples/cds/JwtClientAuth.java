package org.dorsal.examples.cds;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dorsal.DorsalConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CDS Hooks 2.0's trust in its clients, with Nimbus JOSE+JWT: a bearer JWT whose {@code alg} is
 * allowed (asymmetric only), whose {@code iss} is a trusted EHR, whose {@code jku} (if any) that
 * EHR allows, whose {@code kid} names a key of that EHR's JWK Set and whose signature that key
 * verifies; whose {@code aud} is the endpoint called, whose {@code exp} and {@code iat} are current
 * within a small clock skew, whose lifetime is at most five minutes, whose {@code sub} is allowed
 * where the EHR's subjects are configured, and whose {@code jti} has not been used before.
 *
 * <p>The checks run in that order and the first that fails refuses the call, named by its check;
 * the log says the check, the {@code iss} and the {@code jti}, never the token.
 */
final class JwtClientAuth implements ClientAuth {
    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);
    /** Remote JWK Sets: cached five minutes; an unknown kid fetches again at most every 30 s. */
    static final long JWKS_TTL_MILLIS = 5 * 60_000L;
    static final long JWKS_REFRESH_TIMEOUT_MILLIS = 15_000L;
    static final long JWKS_MIN_REFETCH_MILLIS = 30_000L;
    private static final int JWKS_TIMEOUT_MILLIS = 3_000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    /** A trusted EHR with its key sources: its configured JWK Set, and one per allowed jku. */
    private record Issuer(ServiceConfig.TrustedIssuer trusted, JWKSource<SecurityContext> keys,
                          Map<String, JWKSource<SecurityContext>> jku) {
    }

    private final Map<String, Issuer> issuers;
    private final Set<JWSAlgorithm> algorithms;
    private final String audienceBase;
    private final long skewMillis;
    private final long maxLifetimeMillis;
    private final ReplayCache replay;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    JwtClientAuth(Map<String, Issuer> issuers, Set<JWSAlgorithm> algorithms, URI audienceBase, long skewMillis,
                  long maxLifetimeMillis, ReplayCache replay, Clock clock) {
        this.issuers = Map.copyOf(issuers);
        this.algorithms = Set.copyOf(algorithms);
        this.audienceBase = audienceBase.toString();
        this.skewMillis = skewMillis;
        this.maxLifetimeMillis = maxLifetimeMillis;
        this.replay = replay;
        this.clock = clock;
    }

    /**
     * The check {@code config} asks for; each JWK Set file is read now (a missing or unreadable one
     * stops the start), each remote one on first use.
     *
     * @param listening the URL the server listens on: the audience base when none is configured
     */
    static JwtClientAuth of(ServiceConfig config, URI listening) {
        return of(config, listening, Clock.systemUTC());
    }

    static JwtClientAuth of(ServiceConfig config, URI listening, Clock clock) {
        Map<String, Issuer> issuers = new LinkedHashMap<>();
        for (ServiceConfig.TrustedIssuer t : config.trustedIssuers()) {
            Map<String, JWKSource<SecurityContext>> jku = t.jku().stream()
                    .collect(Collectors.toMap(Function.identity(), u -> remote(u, "trustedIssuers[" + t.iss() + "].jku")));
            issuers.put(t.iss(), new Issuer(t, keys(t), jku));
        }
        Set<JWSAlgorithm> algorithms = config.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
        return new JwtClientAuth(issuers, algorithms, config.audience() == null ? listening : config.audience(),
                config.clockSkewSeconds() * 1000L, config.maxTokenLifetimeSeconds() * 1000L,
                new ReplayCache(config.replayCacheSize()), clock);
    }

    private static JWKSource<SecurityContext> keys(ServiceConfig.TrustedIssuer t) {
        if (ServiceConfig.TrustedIssuer.remote(t.jwks())) {
            return remote(t.jwks(), "trustedIssuers[" + t.iss() + "].jwks");
        }
        try {
            // Public keys only, whatever the file holds: a private key has no business here.
            return new ImmutableJWKSet<>(JWKSet.load(Path.of(t.jwks()).toFile()).toPublicJWKSet());
        } catch (IOException | ParseException e) {
            throw new DorsalConfigurationException("trustedIssuers[" + t.iss() + "].jwks: " + t.jwks()
                    + " cannot be read as a JWK Set: " + e.getMessage(), e);
        }
    }

    private static JWKSource<SecurityContext> remote(String url, String setting) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(new URL(url),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                    .cache(JWKS_TTL_MILLIS, JWKS_REFRESH_TIMEOUT_MILLIS)
                    .rateLimited(JWKS_MIN_REFETCH_MILLIS)
                    .retrying(false)
                    .refreshAheadCache(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new DorsalConfigurationException(setting + ": not a URL: " + url, e);
        }
    }

    @Override
    public void check(String authorization, String path, String route) {
        String iss = null;
        String jti = null;
        try {
            SignedJWT jwt = signed(authorization);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            iss = claims.getIssuer();
            jti = claims.getJWTID();
            verify(jwt, claims, path);
        } catch (Refused r) {
            LOG.warn("{}: token refused, {} check failed (iss {}, jti {})", route, r.check(), loggable(iss), loggable(jti));
            throw r;
        } catch (ParseException e) {
            Refused r = new Refused("malformed", "the bearer token's claims are not a JWT claims set");
            LOG.warn("{}: token refused, {} check failed (iss {}, jti {})", route, r.check(), loggable(iss), loggable(jti));
            throw r;
        }
    }

    private static SignedJWT signed(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new Refused("token", "a CDS Hooks call needs Authorization: Bearer with the EHR's JWT");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(authorization.substring(7).strip());
        } catch (ParseException e) {
            throw new Refused("malformed", "the bearer token is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new Refused("alg", "the bearer token is unsigned (alg none)");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new Refused("malformed", "the bearer token is not a signed JWT (JWS)");
        }
        return signed;
    }

    private void verify(SignedJWT jwt, JWTClaimsSet claims, String path) throws ParseException {
        JWSHeader header = jwt.getHeader();
        if (!algorithms.contains(header.getAlgorithm())) {
            throw new Refused("alg", "the token's alg is not one of " + algorithms.stream().map(JWSAlgorithm::getName).sorted().toList());
        }
        Issuer issuer = claims.getIssuer() == null ? null : issuers.get(claims.getIssuer());
        if (issuer == null) {
            throw new Refused("iss", "the token's iss is not a trusted issuer");
        }
        JWKSource<SecurityContext> source = issuer.keys();
        if (header.getJWKURL() != null) {
            source = issuer.jku().get(header.getJWKURL().toString());
            if (source == null) {
                throw new Refused("jku", "the token's jku is not a JWK Set URL allowed for its issuer");
            }
        }
        if (header.getKeyID() == null) {
            throw new Refused("kid", "the token has no kid");
        }
        List<Key> keys;
        try {
            keys = new JWSVerificationKeySelector<>(header.getAlgorithm(), source).selectJWSKeys(header, null);
        } catch (KeySourceException e) {
            LOG.warn("the JWK Set of a trusted issuer could not be fetched: {}", e.getClass().getSimpleName());
            throw new Refused("jwks", "the issuer's JWK Set could not be fetched");
        }
        if (keys.isEmpty()) {
            throw new Refused("kid", "the token's kid names no key of its issuer for its alg");
        }
        if (!verifies(jwt, keys)) {
            throw new Refused("signature", "the token's signature does not verify");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(audienceBase + path)) {
            throw new Refused("aud", "the token's aud is not this endpoint");
        }
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.getTime() + skewMillis < now) {
            throw new Refused("exp", exp == null ? "the token has no exp" : "the token has expired");
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.getTime() - skewMillis > now) {
            throw new Refused("iat", iat == null ? "the token has no iat" : "the token's iat is in the future");
        }
        if (exp.getTime() - iat.getTime() > maxLifetimeMillis) {
            throw new Refused("lifetime", "the token lives longer than " + maxLifetimeMillis / 1000 + " s");
        }
        List<String> subjects = issuer.trusted().subjects();
        if (!subjects.isEmpty() && (claims.getSubject() == null || !subjects.contains(claims.getSubject()))) {
            throw new Refused("sub", "the token's sub is not a client of this service for its issuer");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new Refused("jti", "the token has no jti");
        }
        switch (replay.use(claims.getIssuer(), jti, exp.getTime() + skewMillis, now)) {
            case FIRST -> {
            }
            case REPLAYED -> throw new Refused("jti", "the token's jti has been used before");
            case FULL -> throw HttpProblem.unavailable("replay-cache-full",
                    "too many tokens in their lifetime to check for replay; nothing was read or advised", Dispatch.RETRY_AFTER_SECONDS);
        }
    }

    private boolean verifies(SignedJWT jwt, List<Key> keys) {
        for (Key key : keys) {
            try {
                if (jwt.verify(verifiers.createJWSVerifier(jwt.getHeader(), key))) {
                    return true;
                }
            } catch (JOSEException e) {
                // A key that cannot verify this alg is no match; try the next.
            }
        }
        return false;
    }

    /** An unverified claim, for the log: clipped and printable ASCII only, so it cannot forge a log line. */
    static String loggable(String claim) {
        if (claim == null) {
            return "-";
        }
        String clipped = claim.length() > 64 ? claim.substring(0, 64) + "..." : claim;
        StringBuilder b = new StringBuilder(clipped.length());
        clipped.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }
}
