package org.chunfeng.kit.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens: against the gateway's JWKS ({@code jwks-uri}) in a running system, or a fixed
 * public key ({@code public-key}, Base64 X.509) in tests. {@code public-paths} are requests anyone may make, as
 * {@code METHOD /path/pattern} (for example {@code POST /api/workers/self-register}).
 */
@ConfigurationProperties("chunfeng.security")
public record ServiceSecurityProperties(String jwksUri, String publicKey, String issuer, List<String> publicPaths) {

    public ServiceSecurityProperties {
        jwksUri = jwksUri == null ? "http://localhost:8080/.well-known/jwks.json" : jwksUri;
        issuer = issuer == null ? org.chunfeng.contracts.access.TokenClaims.ISSUER : issuer;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
    }
}
