package org.chunfeng.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAccountsTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredAdministratorTheGatewayRunsInDemoModeWithAPasswordKeptAcrossStarts() throws Exception {
        LocalAccounts first = LocalAccounts.decide(dataDir, Map.of());
        LocalAccounts second = LocalAccounts.decide(dataDir, Map.of());

        String password = first.gatewayEnvironment().get("CHUNFENG_DEMO_PASSWORD");
        assertThat(password).hasSize(14);
        assertThat(first.gatewayArguments()).containsExactly("--chunfeng.demo=true");
        assertThat(second.gatewayEnvironment()).containsEntry("CHUNFENG_DEMO_PASSWORD", password);
        assertThat(first.signIn()).contains("office, coordinator or admin", password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("demo-password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aConfiguredAdministratorIsLeftToTheGateway() {
        LocalAccounts accounts = LocalAccounts.decide(dataDir, Map.of("CHUNFENG_AUTH_ADMIN_USERNAME", "li.wei",
                "CHUNFENG_AUTH_ADMIN_PASSWORD", "secret"));

        assertThat(accounts.gatewayArguments()).isEmpty();
        assertThat(accounts.gatewayEnvironment()).isEmpty();
        assertThat(accounts.signIn()).startsWith("li.wei").doesNotContain("secret");
        assertThat(dataDir.resolve("demo-password")).doesNotExist();
    }

    @Test
    void aChosenDemoPasswordIsNeitherStoredNorPrinted() {
        LocalAccounts accounts = LocalAccounts.decide(dataDir, Map.of("CHUNFENG_DEMO_PASSWORD", "chosen-one"));

        assertThat(accounts.gatewayArguments()).containsExactly("--chunfeng.demo=true");
        assertThat(accounts.signIn()).doesNotContain("chosen-one");
        assertThat(dataDir.resolve("demo-password")).doesNotExist();
    }
}
