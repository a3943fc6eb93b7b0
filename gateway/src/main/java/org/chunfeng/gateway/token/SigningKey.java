package org.chunfeng.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/**
 * The gateway's RSA key pair: it signs every access token, and its public half is the JWKS the services check
 * tokens against. Loaded from PEM files when configured, otherwise from a key file that is generated once.
 */
public final class SigningKey {

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    public static SigningKey load(AuthProperties properties) {
        if (properties.privateKey() != null) {
            return fromPem(properties.privateKey(), properties.publicKey());
        }
        return fromKeyFile(properties.keyFile());
    }

    /** Reads the key file, or creates it (readable by its owner only) when it does not exist yet. */
    public static SigningKey fromKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                    throw new IllegalStateException("The signing key file " + file.toAbsolutePath()
                            + " does not hold an RSA private key; delete it to have a new one generated.");
                }
                return new SigningKey(rsa);
            }
            SigningKey generated = generate();
            write(file, generated.key.toJSONString());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key file " + file.toAbsolutePath(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file.toAbsolutePath() + " is not a JWK: "
                    + e.getMessage() + "; delete it to have a new one generated.", e);
        }
    }

    /** A PKCS#8 private key ({@code BEGIN PRIVATE KEY}); the public key is derived from it when not given. */
    public static SigningKey fromPem(Path privateKeyPem, Path publicKeyPem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privateKeyPem, "PRIVATE KEY")));
            RSAPublicKey publicKey;
            if (publicKeyPem != null) {
                publicKey = (RSAPublicKey) rsa.generatePublic(
                        new X509EncodedKeySpec(pemBody(publicKeyPem, "PUBLIC KEY")));
            } else if (privateKey instanceof RSAPrivateCrtKey crt) {
                publicKey = (RSAPublicKey) rsa.generatePublic(
                        new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            } else {
                throw new IllegalStateException("Set chunfeng.auth.public-key: the public key cannot be derived from "
                        + privateKeyPem);
            }
            return new SigningKey(withId(new RSAKey.Builder(publicKey).privateKey(privateKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key in " + privateKeyPem + " is not a PKCS#8 RSA key ("
                    + e.getMessage() + "); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem", e);
        }
    }

    public static SigningKey generate() {
        try {
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new SigningKey(withId(new RSAKey.Builder(generated)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** The key with its private part, for signing. */
    public RSAKey rsaKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK Set, as served at {@code /.well-known/jwks.json}. */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    private static RSAKey withId(RSAKey.Builder builder) {
        try {
            RSAKey withoutId = builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(null).build();
            return new RSAKey.Builder(withoutId).keyID(withoutId.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        int start = text.indexOf(begin);
        int end = text.indexOf("-----END " + label + "-----");
        if (start < 0 || end < start) {
            throw new IOException(file + " has no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
    }

    private static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own permissions are all there is.
            }
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
