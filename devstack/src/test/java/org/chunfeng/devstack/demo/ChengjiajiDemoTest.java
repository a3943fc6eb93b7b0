package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunfeng.devstack.launcher.DemoLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChengjiajiDemoTest {

    @TempDir
    Path dataDir;

    @Test
    void theLauncherFindsTheDemo() {
        assertThat(DemoLoader.find()).get().isInstanceOf(ChengjiajiDemo.class);
        assertThat(DemoLoader.find().orElseThrow().description()).startsWith("2,000 workers of 程家集镇");
    }

    @Test
    void thePasswordIsTheOneTheLauncherGaveTheGateway() throws Exception {
        Files.writeString(dataDir.resolve("demo-password"), "kept-one\n");

        assertThat(ChengjiajiDemo.password(dataDir, Map.of())).isEqualTo("kept-one");
        assertThat(ChengjiajiDemo.password(dataDir, Map.of("CHUNFENG_DEMO_PASSWORD", "chosen"))).isEqualTo("chosen");
    }

    @Test
    void withAConfiguredAdministratorThereAreNoDemoAccountsToUse() throws Exception {
        Files.writeString(dataDir.resolve("demo-password"), "stale\n");

        assertThatThrownBy(() -> ChengjiajiDemo.password(dataDir, Map.of("CHUNFENG_AUTH_ADMIN_USERNAME", "root")))
                .hasMessageContaining("CHUNFENG_AUTH_ADMIN_USERNAME");
        assertThatThrownBy(() -> ChengjiajiDemo.password(Path.of("/nonexistent"), Map.of()))
                .hasMessageContaining("demo accounts");
    }
}
