package org.dorsal.examples.cds;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An EHR in a test: its keys, made here (EC P-384 and RSA 2048), its JWK Set, and the tokens it
 * signs for a call, with any claim or header changed to fail one check.
 */
final class Tokens {
    final String iss;
    final String sub;
    final ECKey ec;
    final RSAKey rsa;

    Tokens(String iss, String sub, String prefix) {
        this.iss = iss;
        this.sub = sub;
        try {
            this.ec = new ECKeyGenerator(Curve.P_384).keyID(prefix + "-ec").generate();
            this.rsa = new RSAKeyGenerator(2048).keyID(prefix + "-rsa").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK Set, as the EHR publishes it. */
    String jwks() {
        return new JWKSet(java.util.List.<JWK>of(ec.toPublicJWK(), rsa.toPublicJWK())).toString();
    }

    Path writeJwks(Path file) {
        try {
            return Files.writeString(file, jwks(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a valid call to {@code audience}: issued now, for a minute, with a fresh jti. */
    JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(iss).subject(sub).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A valid ES384 token for {@code audience}. */
    String es384(String audience) {
        return sign(ec, JWSAlgorithm.ES384, h -> h, claims(audience).build());
    }

    /** A valid RS384 token for {@code audience}. */
    String rs384(String audience) {
        return sign(rsa, JWSAlgorithm.RS384, h -> h, claims(audience).build());
    }

    static String sign(JWK key, JWSAlgorithm alg, UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID())).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
