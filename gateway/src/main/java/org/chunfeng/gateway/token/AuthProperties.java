package org.chunfeng.gateway.token;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings. The signing key comes from PEM files ({@code private-key}, optionally {@code public-key}) or,
 * when those are not set, from {@code key-file}, which the gateway creates on first start so that tokens survive
 * a restart. {@code store-timeout} is how long a sign-in waits for the refresh-token store before answering 503.
 */
@ConfigurationProperties("chunfeng.auth")
public record AuthProperties(Duration accessTokenTtl, Duration refreshTokenTtl, Path keyFile, Path privateKey,
        Path publicKey, Admin admin, Duration storeTimeout) {

    public AuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(8) : refreshTokenTtl;
        keyFile = keyFile == null ? Path.of(".chunfeng", "keys", "gateway-signing-key.json") : keyFile;
        admin = admin == null ? new Admin(null, null) : admin;
        storeTimeout = storeTimeout == null ? Duration.ofSeconds(5) : storeTimeout;
    }

    /** The first administrator, created when no account of that name exists yet. */
    public record Admin(String username, String password) {

        public boolean isConfigured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
