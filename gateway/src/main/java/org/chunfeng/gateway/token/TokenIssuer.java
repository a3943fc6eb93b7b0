package org.chunfeng.gateway.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.access.TokenClaims;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs access tokens: RS256, issuer {@code chunfeng}, the caller's roles and, for a worker, their worker id. */
public class TokenIssuer {

    /** The subject of the gateway's own token, used when it calls a service itself. */
    public static final String GATEWAY_SUBJECT = "gateway";

    private final JwtEncoder encoder;
    private final String keyId;
    private final Duration accessTokenTtl;
    private final Clock clock;

    public TokenIssuer(SigningKey key, Duration accessTokenTtl, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.rsaKey())));
        this.keyId = key.keyId();
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public String accessToken(String subject, Collection<Role> roles, String workerId) {
        return sign(subject, roles, workerId, accessTokenTtl);
    }

    /** A one-minute token with no roles, naming the gateway, for its server-to-server calls. */
    public String gatewayToken() {
        return sign(GATEWAY_SUBJECT, List.of(), null, Duration.ofMinutes(1));
    }

    private String sign(String subject, Collection<Role> roles, String workerId, Duration ttl) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(TokenClaims.ISSUER).subject(subject)
                .id(UUID.randomUUID().toString()).issuedAt(now).expiresAt(now.plus(ttl))
                .claim(TokenClaims.ROLES, roles.stream().map(Role::name).sorted().toList());
        if (workerId != null) {
            claims.claim(TokenClaims.WORKER_ID, workerId);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
