package org.chunfeng.employment.worker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of ID numbers and worker references. An ID number has little entropy, so a plain
 * hash could be reversed by trying every birth date; with a key kept outside the database it cannot.
 * The two uses are kept apart by a prefix, so a reference hash can never equal an ID hash.
 */
public final class IdentityHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** A Mac per thread: creating one looks up the provider, which costs more than the hash itself. */
    private final ThreadLocal<Mac> macs;

    public IdentityHasher(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("The ID hash key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String idNumber(NationalId id) {
        return hash("id:" + id.number());
    }

    /** For a text that may not be a valid ID number (a sign-in attempt): normalised the same way. */
    public String idNumber(String text) {
        return hash("id:" + NationalId.normalise(text));
    }

    public String reference(String reference) {
        return hash("ref:" + reference.trim().toUpperCase());
    }

    private String hash(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
