package org.chunfeng.employment.registration;

import java.security.SecureRandom;

/**
 * The short code a worker gets when registering, to sign in with later together with their ID number and phone:
 * {@code CF-} and six characters from an alphabet without look-alikes (no 0/O, 1/I/L). Only its hash is stored.
 */
public final class WorkerReference {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkerReference() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder("CF-");
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
