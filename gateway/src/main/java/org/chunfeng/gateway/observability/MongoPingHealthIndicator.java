package org.chunfeng.gateway.observability;

import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Readiness includes the account database. Boot's own check sends {@code hello}, which the Java wire-protocol server
 * does not know; {@code ping} works on it and on every real MongoDB. Registered as {@code mongoHealthIndicator} so
 * Boot's check stands down.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1)).timeout(Duration.ofSeconds(3))
                .flatMap(answer -> mongo.getMongoDatabase().map(db -> builder.up()
                        .withDetail("database", db.getName()).withDetail("ping", answer.get("ok")).build()));
    }
}
