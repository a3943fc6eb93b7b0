package org.chunfeng.gateway.observability;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Readiness includes the broker, like every Chunfeng service, so an operator sees one picture. The admin client
 * answers on its own thread; the check only waits for its future, never on the event loop.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements AutoCloseable {

    private final AdminClient admin;

    public KafkaHealthIndicator(String bootstrapServers) {
        super("Kafka health check failed");
        this.admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "gateway-health",
                // While the broker is away, try again every few seconds rather than fill the log every second.
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
        return Mono.fromCompletionStage(cluster.clusterId().toCompletionStage())
                .zipWith(Mono.fromCompletionStage(cluster.nodes().toCompletionStage()))
                .timeout(Duration.ofMillis(2500))
                .map(answer -> builder.up().withDetail("clusterId", answer.getT1())
                        .withDetail("nodes", answer.getT2().size()).build());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
