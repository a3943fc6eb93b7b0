package org.chunfeng.devstack.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./chunfeng up} and {@code ./chunfeng status} were asked to do. Options take the form
 * {@code --name=value} or {@code --name value}; the full list is in {@code ./chunfeng help}.
 *
 * @param kafkaBootstrap bootstrap servers of an external Kafka, or null to run the embedded broker
 * @param mongoUri connection string of an external MongoDB (no database in it needed), or null for the embedded one
 */
public record Options(
        String command,
        Path dataDir,
        int kafkaPort,
        int mongoPort,
        int gatewayPort,
        int employmentPort,
        int jobsPort,
        int transportPort,
        String kafkaBootstrap,
        String mongoUri,
        boolean fresh,
        boolean demo,
        Duration timeout) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final int DEFAULT_GATEWAY_PORT = 8080;

    /** Raised for options the launcher cannot use; its message is meant for the person at the terminal. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message + "\nRun ./chunfeng help to see the options.");
        }
    }

    public boolean embeddedKafka() {
        return kafkaBootstrap == null;
    }

    public boolean embeddedMongo() {
        return mongoUri == null;
    }

    /** @param home the repository folder; the default data folder is {@code <home>/.chunfeng} */
    public static Options parse(List<String> args, Path home) {
        List<String> words = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (!FLAGS.contains(name) && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            }
            if (!FLAGS.contains(name) && !VALUED.contains(name)) {
                throw new Invalid("Unknown option --" + name + ".");
            }
            if (FLAGS.contains(name) && value != null) {
                throw new Invalid("--" + name + " takes no value.");
            }
            if (VALUED.contains(name) && (value == null || value.isBlank())) {
                throw new Invalid("--" + name + " needs a value, as in --" + name + "=<value>.");
            }
            values.put(name, value == null ? "" : value);
        }
        if (words.size() > 1) {
            throw new Invalid("Unexpected argument " + words.get(1) + ".");
        }
        String command = words.isEmpty() ? "up" : words.get(0);
        if (!List.of("up", "status").contains(command)) {
            throw new Invalid("Unknown command " + command + ".");
        }
        Options options = new Options(
                command,
                Path.of(values.getOrDefault("data-dir", home.resolve(".chunfeng").toString())).toAbsolutePath()
                        .normalize(),
                port(values, "kafka-port", DEFAULT_KAFKA_PORT),
                port(values, "mongo-port", DEFAULT_MONGO_PORT),
                port(values, "gateway-port", DEFAULT_GATEWAY_PORT),
                port(values, "employment-port", 8081),
                port(values, "jobs-port", 8082),
                port(values, "transport-port", 8083),
                values.get("kafka-bootstrap"),
                mongoUri(values.get("mongo-uri")),
                values.containsKey("fresh"),
                values.containsKey("demo"),
                Duration.ofSeconds(number(values, "timeout", 300, 1, 3600)));
        options.checkDistinctPorts();
        return options;
    }

    private static final List<String> FLAGS = List.of("fresh", "demo", "no-build");
    private static final List<String> VALUED = List.of("data-dir", "kafka-port", "mongo-port", "gateway-port",
            "employment-port", "jobs-port", "transport-port", "kafka-bootstrap", "mongo-uri", "timeout");

    private static int port(Map<String, String> values, String name, int fallback) {
        return number(values, name, fallback, 1, 65535);
    }

    private static int number(Map<String, String> values, String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Invalid("--" + name + " must be a number from " + min + " to " + max + ", not " + value + ".");
    }

    private static String mongoUri(String uri) {
        if (uri != null && !uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new Invalid("--mongo-uri must start with mongodb:// or mongodb+srv://, not " + uri + ".");
        }
        return uri;
    }

    private void checkDistinctPorts() {
        Map<Integer, String> seen = new HashMap<>();
        for (PortUse use : portsToOpen()) {
            String other = seen.putIfAbsent(use.port(), use.what());
            if (other != null) {
                throw new Invalid("Port " + use.port() + " is given to both " + other + " and " + use.what() + ".");
            }
        }
    }

    /** A port the launcher will listen on, what for, and the option that moves it. */
    public record PortUse(int port, String what, String option) {
    }

    /** The ports this run will listen on: the apps', and the embedded infrastructure's unless it is external. */
    public List<PortUse> portsToOpen() {
        List<PortUse> ports = new ArrayList<>();
        if (embeddedKafka()) {
            ports.add(new PortUse(kafkaPort, "Kafka", "--kafka-port"));
        }
        if (embeddedMongo()) {
            ports.add(new PortUse(mongoPort, "MongoDB", "--mongo-port"));
        }
        for (App app : App.all(this)) {
            ports.add(new PortUse(app.port(), app.name(), "--" + app.shortName() + "-port"));
        }
        return ports;
    }
}
