package org.chunfeng.gateway.account;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.token.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;

/**
 * Makes sure someone can sign in after the first start: the administrator from configuration and, in demo mode, the
 * accounts {@code office}, {@code coordinator} and {@code admin}. Outside demo mode a gateway with no administrator
 * at all refuses to start rather than run with nobody able to manage accounts.
 */
public class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The demo accounts and their roles. */
    public static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("office", Role.LABOUR_OFFICE),
            new DemoAccount("coordinator", Role.TRANSPORT_COORDINATOR),
            new DemoAccount("admin", Role.ADMIN));

    private final StaffAccounts accounts;
    private final AuthProperties.Admin admin;
    private final boolean demo;
    private final String demoPassword;
    private final PrintStream console;

    public AccountBootstrap(StaffAccounts accounts, AuthProperties.Admin admin, boolean demo, String demoPassword,
            PrintStream console) {
        this.accounts = accounts;
        this.admin = admin;
        this.demo = demo;
        this.demoPassword = demoPassword == null || demoPassword.isBlank() ? null : demoPassword;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAccounts();
    }

    public void ensureAccounts() {
        if (admin.isConfigured()) {
            ensureConfiguredAdmin();
        }
        if (demo) {
            ensureDemoAccounts();
        } else if (!Boolean.TRUE.equals(accounts.anyAdmin().block(WAIT))) {
            throw new IllegalStateException("No administrator account exists. Set chunfeng.auth.admin.username and"
                    + " chunfeng.auth.admin.password (environment: CHUNFENG_AUTH_ADMIN_USERNAME and"
                    + " CHUNFENG_AUTH_ADMIN_PASSWORD) for the first one, or start in demo mode (chunfeng.demo=true).");
        }
    }

    private void ensureConfiguredAdmin() {
        if (accounts.find(admin.username()).block(WAIT) != null) {
            return;
        }
        try {
            accounts.create(admin.username(), admin.password(), List.of(Role.ADMIN), "configuration").block(WAIT);
            log.info("Created the administrator account {} from configuration", NewAccountRules.normalise(
                    admin.username()));
        } catch (DuplicateKeyException e) {
            // Another gateway instance created it first.
        }
    }

    private void ensureDemoAccounts() {
        String password = demoPassword != null ? demoPassword : generatePassword();
        boolean created = false;
        for (DemoAccount demoAccount : DEMO_ACCOUNTS) {
            StaffAccount existing = accounts.find(demoAccount.username()).block(WAIT);
            if (existing == null) {
                try {
                    accounts.create(demoAccount.username(), password, List.of(demoAccount.role()), "demo").block(WAIT);
                    created = true;
                } catch (DuplicateKeyException e) {
                    // Another gateway instance created it first.
                }
            } else if (demoPassword != null && !accounts.passwordMatches(existing, demoPassword)) {
                accounts.setPassword(demoAccount.username(), demoPassword).block(WAIT);
            }
        }
        // Printed, never logged: the password is shown once to whoever started the demo, from the environment or new.
        if (demoPassword != null) {
            console.println("Chunfeng demo accounts office, coordinator and admin: password from CHUNFENG_DEMO_PASSWORD.");
        } else if (created) {
            console.println("Chunfeng demo accounts office, coordinator and admin, password: " + password
                    + "  (shown once; set CHUNFENG_DEMO_PASSWORD to choose it)");
        } else {
            console.println("Chunfeng demo accounts office, coordinator and admin exist and keep their password"
                    + " (set CHUNFENG_DEMO_PASSWORD to reset it).");
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    public record DemoAccount(String username, Role role) {
    }
}
