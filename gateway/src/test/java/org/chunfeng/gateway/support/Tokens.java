package org.chunfeng.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.access.TokenClaims;
import org.chunfeng.gateway.token.SigningKey;

/** Access tokens for tests: good ones signed with the gateway's key, and the bad ones it must refuse. */
public final class Tokens {

    private static final SigningKey OTHER_KEY = SigningKey.generate();

    private final SigningKey key;

    public Tokens(SigningKey key) {
        this.key = key;
    }

    public String bearer(String subject, Role... roles) {
        return "Bearer " + sign(key, subject, null, Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    public String worker(String workerId) {
        return "Bearer " + sign(key, workerId, workerId, Instant.now().plus(Duration.ofMinutes(15)), Role.WORKER);
    }

    public String expired(Role role) {
        return "Bearer " + sign(key, "expired", null, Instant.now().minus(Duration.ofMinutes(5)), role);
    }

    public String signedByAnotherKey(Role role) {
        return "Bearer " + sign(OTHER_KEY, "intruder", null, Instant.now().plus(Duration.ofMinutes(15)), role);
    }

    private static String sign(SigningKey key, String subject, String workerId, Instant expiry, Role... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TokenClaims.ISSUER).subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim(TokenClaims.ROLES, Arrays.stream(roles).map(Role::name).toList());
        if (workerId != null) {
            claims.claim(TokenClaims.WORKER_ID, workerId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key.rsaKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
