package org.chunfeng.devstack.testing;

import org.chunfeng.devstack.infra.MongoWireServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB per test JVM, started on first use and stopped when the JVM ends.
 * With Docker it runs the real images (Testcontainers); without Docker it runs a real KRaft broker in-process
 * and the MongoDB wire-protocol server in memory. Tests never skip for lack of Docker.
 */
public final class TestInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static volatile TestInfrastructure shared;

    private final String kafkaBootstrapServers;
    private final String mongoAddress;
    private final String description;

    private TestInfrastructure(String kafkaBootstrapServers, String mongoAddress, String description) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoAddress = mongoAddress;
        this.description = description;
    }

    public static TestInfrastructure shared() {
        TestInfrastructure result = shared;
        if (result == null) {
            synchronized (TestInfrastructure.class) {
                result = shared;
                if (result == null) {
                    result = start();
                    shared = result;
                }
            }
        }
        return result;
    }

    private static TestInfrastructure start() {
        if (dockerAvailable()) {
            KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
            MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
            kafka.start();
            mongo.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                mongo.stop();
            }, "test-infrastructure-stop"));
            String mongoUrl = mongo.getConnectionString();
            return new TestInfrastructure(kafka.getBootstrapServers(), mongoUrl.substring("mongodb://".length()),
                    "Testcontainers " + KAFKA_IMAGE + " and " + MONGO_IMAGE);
        }
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        MongoWireServer mongo = MongoWireServer.inMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.destroy();
        }, "test-infrastructure-stop"));
        return new TestInfrastructure(kafka.getBrokersAsString(), "127.0.0.1:" + mongo.port(),
                "embedded KRaft broker and MongoDB wire-protocol server");
    }

    static boolean dockerAvailable() {
        if (Boolean.getBoolean("chunfeng.test.embedded")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A connection string for one database on the shared server. */
    public String mongoUri(String database) {
        return "mongodb://" + stripPath(mongoAddress) + "/" + database;
    }

    public String description() {
        return description;
    }

    private static String stripPath(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
