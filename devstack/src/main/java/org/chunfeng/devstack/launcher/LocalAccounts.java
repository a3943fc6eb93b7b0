package org.chunfeng.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Who can sign in to the local stack. The gateway refuses to start without an administrator: with
 * {@code CHUNFENG_AUTH_ADMIN_USERNAME} and {@code CHUNFENG_AUTH_ADMIN_PASSWORD} in the environment it creates that
 * one (the gateway inherits the variables); otherwise the launcher runs it in demo mode, whose accounts office,
 * coordinator and admin share a password the launcher keeps in {@code <data>/demo-password}, so it is the same at
 * every start and shown in the summary.
 */
final class LocalAccounts {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final List<String> gatewayArguments;
    private final Map<String, String> gatewayEnvironment;
    private final String signIn;

    private LocalAccounts(List<String> gatewayArguments, Map<String, String> gatewayEnvironment, String signIn) {
        this.gatewayArguments = gatewayArguments;
        this.gatewayEnvironment = gatewayEnvironment;
        this.signIn = signIn;
    }

    static LocalAccounts decide(Path dataDir, Map<String, String> environment) {
        String admin = environment.get("CHUNFENG_AUTH_ADMIN_USERNAME");
        if (admin != null && !admin.isBlank()) {
            return new LocalAccounts(List.of(), Map.of(),
                    admin + ", the administrator from CHUNFENG_AUTH_ADMIN_USERNAME");
        }
        String chosen = environment.get("CHUNFENG_DEMO_PASSWORD");
        if (chosen != null && !chosen.isBlank()) {
            return new LocalAccounts(List.of("--chunfeng.demo=true"), Map.of(),
                    "office, coordinator or admin, with the password in CHUNFENG_DEMO_PASSWORD");
        }
        Path file = dataDir.resolve("demo-password");
        String password = readOrCreate(file);
        return new LocalAccounts(List.of("--chunfeng.demo=true"), Map.of("CHUNFENG_DEMO_PASSWORD", password),
                "office, coordinator or admin, password " + password + " (kept in " + file + ")");
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Files.writeString(file, password + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data folder is the user's own anyway
            }
            return password.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the demo password in " + file + ": " + e.getMessage(), e);
        }
    }

    List<String> gatewayArguments() {
        return gatewayArguments;
    }

    Map<String, String> gatewayEnvironment() {
        return gatewayEnvironment;
    }

    /** For the summary: who signs in, and how. */
    String signIn() {
        return signIn;
    }
}
