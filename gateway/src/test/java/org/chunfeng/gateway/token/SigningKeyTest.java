package org.chunfeng.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.chunfeng.contracts.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The signing key survives a restart, loads from PEM, and signs tokens only its own public key accepts. */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyIsKeptInItsFileForTheNextStart() throws Exception {
        Path file = dir.resolve("keys/gateway-signing-key.json");
        SigningKey first = SigningKey.fromKeyFile(file);
        SigningKey again = SigningKey.fromKeyFile(file);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.publicJwkSet().toString()).doesNotContain("\"d\"").doesNotContain(" d=");
    }

    @Test
    void aKeyFileThatIsNotAKeyIsReportedNotReplaced() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "not a key");
        assertThatThrownBy(() -> SigningKey.fromKeyFile(file)).hasMessageContaining("delete it");
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }

    @Test
    void aPemKeyIsUsedAsItIsWithItsPublicHalfDerived() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        SigningKey key = SigningKey.fromPem(pem, null);

        assertThat(key.publicKey()).isEqualTo(pair.getPublic());
    }

    @Test
    void tokensVerifyWithTheirKeyAndNoOther() {
        SigningKey key = SigningKey.generate();
        String token = new TokenIssuer(key, Duration.ofMinutes(15), Clock.systemUTC())
                .accessToken("W5", List.of(Role.WORKER), "W5");

        NimbusJwtDecoder own = NimbusJwtDecoder.withPublicKey(key.publicKey()).build();
        own.setJwtValidator(JwtValidators.createDefaultWithIssuer("chunfeng"));
        Jwt jwt = own.decode(token);
        assertThat(jwt.getClaimAsString("workerId")).isEqualTo("W5");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt().plus(Duration.ofMinutes(14)));
        assertThat(jwt.getHeaders()).containsEntry("kid", key.keyId());

        NimbusJwtDecoder other = NimbusJwtDecoder.withPublicKey(SigningKey.generate().publicKey()).build();
        assertThatThrownBy(() -> other.decode(token)).isInstanceOf(
                org.springframework.security.oauth2.jwt.BadJwtException.class);
        assertThat(JwtValidationException.class).isNotNull();
    }
}
