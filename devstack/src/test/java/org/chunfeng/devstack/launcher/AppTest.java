package org.chunfeng.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppTest {

    private final Options options = Options.parse(List.of("up", "--gateway-port=9180", "--employment-port=9181",
            "--jobs-port=9182", "--transport-port=9183"), Path.of("/tmp/chunfeng-home"));
    private final List<App> apps = App.all(options);
    private final StackAddresses addresses = new StackAddresses("127.0.0.1:9092", "mongodb://127.0.0.1:27017",
            "http://localhost:9180", Path.of("/tmp/chunfeng-home/.chunfeng"));

    @Test
    void servicesCheckTokensAgainstTheGatewayWhereverItListens() {
        for (App service : apps.subList(0, 3)) {
            assertThat(service.arguments(addresses, apps)).as(service.name())
                    .contains("--chunfeng.security.jwks-uri=http://127.0.0.1:9180/.well-known/jwks.json",
                            "--spring.mongodb.uri=mongodb://127.0.0.1:27017/" + service.database());
        }
    }

    @Test
    void theGatewayIsToldWhereEachServiceListens() {
        App gateway = apps.get(3);

        assertThat(gateway.arguments(addresses, apps)).contains(
                "--chunfeng.services.employment-url=http://127.0.0.1:9181",
                "--chunfeng.services.jobs-url=http://127.0.0.1:9182",
                "--chunfeng.services.transport-url=http://127.0.0.1:9183")
                .noneMatch(arg -> arg.startsWith("--chunfeng.security.jwks-uri"));
    }
}
