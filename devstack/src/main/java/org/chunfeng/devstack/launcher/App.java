package org.chunfeng.devstack.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * One of Chunfeng's Spring Boot applications, run as its own JVM from its module's fat jar.
 *
 * @param name the module name, as in {@code employment-service}
 * @param shortName the word used in options and URLs, as in {@code --employment-port}
 * @param database the MongoDB database the application owns
 */
public record App(String name, String shortName, int port, String database) {

    public static List<App> all(Options options) {
        return List.of(
                new App("employment-service", "employment", options.employmentPort(), "employment"),
                new App("jobs-service", "jobs", options.jobsPort(), "jobs"),
                new App("transport-service", "transport", options.transportPort(), "transport"),
                new App("gateway", "gateway", options.gatewayPort(), "gateway"));
    }

    public boolean isGateway() {
        return shortName.equals("gateway");
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String readinessUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health/readiness";
    }

    /** Where the application finds Kafka, its database and, for the gateway, the services it routes to. */
    public List<String> arguments(StackAddresses addresses, List<App> apps) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + addresses.kafkaBootstrap(),
                "--spring.mongodb.uri=" + addresses.mongoUri(database)));
        if (isGateway()) {
            // Its token signing key lives with the rest of the local data (and goes with --fresh).
            args.add("--chunfeng.auth.key-file=" + addresses.dataDir().resolve("keys").resolve("gateway-signing-key.json"));
            for (App service : apps) {
                if (!service.isGateway()) {
                    args.add("--chunfeng.services." + service.shortName() + "-url=http://127.0.0.1:" + service.port());
                }
            }
        } else {
            // The services check every token against the gateway's key set, which moves with --gateway-port.
            apps.stream().filter(App::isGateway).findFirst().ifPresent(gateway -> args.add(
                    "--chunfeng.security.jwks-uri=http://127.0.0.1:" + gateway.port() + "/.well-known/jwks.json"));
        }
        return args;
    }
}
