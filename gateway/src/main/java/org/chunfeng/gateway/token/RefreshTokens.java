package org.chunfeng.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.error.ProblemException;
import org.chunfeng.gateway.error.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens are opaque random strings, so a service can never mistake one for an access token. Only their
 * SHA-256 is stored. Each is good for one use: using it marks it used and a new one of the same family is issued.
 * A used token presented again means it was copied, so the whole family is revoked and everyone holding it must
 * sign in again.
 *
 * <p>Every call to the store gives up after {@code storeTimeout} with a 503, so that a stalled database never leaves a
 * sign-in hanging; a rotation that gives up may still use its token up, and its holder signs in again.
 */
public class RefreshTokens {

    static final String COLLECTION = "refresh_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final ReactiveMongoTemplate mongo;
    private final Duration ttl;
    private final Duration storeTimeout;
    private final Clock clock;

    public RefreshTokens(ReactiveMongoTemplate mongo, Duration ttl, Duration storeTimeout, Clock clock) {
        this.mongo = mongo;
        this.ttl = ttl;
        this.storeTimeout = storeTimeout;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Starts a new family (a sign-in) and returns its first token. */
    public Mono<String> issue(String subject, List<Role> roles, String workerId) {
        return store(UUID.randomUUID().toString(), subject, roles, workerId);
    }

    /**
     * Uses up a refresh token. Answers what it stood for and its successor, or nothing when the token is unknown,
     * expired, revoked or already used (the last revokes its family).
     */
    public Mono<RefreshGrant> rotate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.empty();
        }
        Query byHash = Query.query(Criteria.where("_id").is(hash(token)));
        return answered("using a refresh token", mongo.findAndModify(byHash, new Update().set("used", true),
                        FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION))
                .flatMap(previous -> {
                    RefreshGrant grant = grant(previous);
                    if (previous.getBoolean("used", false)) {
                        return revokeFamily(grant.family()).then(Mono.<RefreshGrant>empty());
                    }
                    if (previous.getBoolean("revoked", false) || !grant.expiresAt().isAfter(clock.instant())) {
                        return Mono.<RefreshGrant>empty();
                    }
                    return Mono.just(grant);
                });
    }

    /** Issues the successor of a rotated token, in the same family. */
    public Mono<String> successor(RefreshGrant grant, List<Role> roles) {
        return store(grant.family(), grant.subject(), roles, grant.workerId());
    }

    /** Signing out: the token and every token of its family stop working. */
    public Mono<Void> revoke(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.empty();
        }
        return answered("signing out", mongo.findOne(Query.query(Criteria.where("_id").is(hash(token))),
                        Document.class, COLLECTION))
                .flatMap(found -> revokeFamily(found.getString("family")));
    }

    /** Drops tokens past their expiry; they can no longer be used anyway. */
    public Mono<Long> purgeExpired() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    private Mono<Void> revokeFamily(String family) {
        return answered("revoking a sign-in", mongo.updateMulti(Query.query(Criteria.where("family").is(family)),
                new Update().set("revoked", true), COLLECTION)).then();
    }

    private Mono<String> store(String family, String subject, List<Role> roles, String workerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Document document = new Document("_id", hash(token)).append("family", family).append("subject", subject)
                .append("roles", roles.stream().map(Role::name).toList()).append("workerId", workerId)
                .append("issuedAt", Date.from(now)).append("expiresAt", Date.from(now.plus(ttl)))
                .append("used", false).append("revoked", false);
        return answered("storing a refresh token", mongo.insert(document, COLLECTION)).thenReturn(token);
    }

    private <T> Mono<T> answered(String what, Mono<T> call) {
        return call.timeout(storeTimeout).onErrorMap(TimeoutException.class, e -> {
            log.warn("The refresh-token store gave no answer within {} while {}", storeTimeout, what);
            return new ProblemException(Problems.serviceUnavailable("sign-in store"));
        });
    }

    private static RefreshGrant grant(Document document) {
        List<Role> roles = document.getList("roles", String.class, List.of()).stream().map(Role::valueOf).toList();
        return new RefreshGrant(document.getString("family"), document.getString("subject"), roles,
                document.getString("workerId"), document.getDate("expiresAt").toInstant());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
