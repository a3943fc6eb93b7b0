package org.chunfeng.kit.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.access.TokenClaims;

/**
 * Access tokens for service tests, signed with a key made for this test JVM; {@link TestSecurityInitializer}
 * tells the service under test to trust it. Also makes the bad tokens a service must refuse.
 */
public final class TestTokens {

    private static final KeyPair KEY = newKey();
    private static final KeyPair OTHER_KEY = newKey();

    private TestTokens() {
    }

    /** The Base64 X.509 public key the service under test trusts. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded());
    }

    /** An {@code Authorization} header value for a staff member with these roles. */
    public static String bearer(String user, Role... roles) {
        return "Bearer " + sign(KEY, user, null, Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    public static String bearer(Role role) {
        return bearer(role.name().toLowerCase(), role);
    }

    /** A worker's token, good only for their own record. */
    public static String worker(String workerId) {
        return "Bearer " + sign(KEY, workerId, workerId, Instant.now().plus(Duration.ofMinutes(15)), Role.WORKER);
    }

    public static String expired(Role role) {
        return "Bearer " + sign(KEY, "expired", null, Instant.now().minus(Duration.ofMinutes(5)), role);
    }

    public static String signedByAnotherKey(Role role) {
        return "Bearer " + sign(OTHER_KEY, "intruder", null, Instant.now().plus(Duration.ofMinutes(15)), role);
    }

    private static String sign(KeyPair key, String subject, String workerId, Instant expiry, Role... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TokenClaims.ISSUER).subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim(TokenClaims.ROLES, Arrays.stream(roles).map(Role::name).toList());
        if (workerId != null) {
            claims.claim(TokenClaims.WORKER_ID, workerId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
