package org.chunfeng.gateway.account;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.chunfeng.contracts.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Staff accounts in the gateway's database, keyed by user name. BCrypt is slow on purpose, so hashing and checking
 * run on the bounded elastic pool, never on the event loop.
 */
public class StaffAccounts {

    static final String COLLECTION = "staff_accounts";

    private final ReactiveMongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** Checked against when the user is unknown, so an unknown name takes as long as a wrong password. */
    private final Mono<String> decoyHash;

    public StaffAccounts(ReactiveMongoTemplate mongo, PasswordEncoder passwords, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.clock = clock;
        this.decoyHash = Mono.fromCallable(() -> passwords.encode("chunfeng-decoy-password"))
                .subscribeOn(Schedulers.boundedElastic()).cache();
    }

    /** The enabled account whose password matches; empty for an unknown name or a wrong password alike. */
    public Mono<StaffAccount> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > 200) {
            return Mono.empty();
        }
        return find(username).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    Mono<String> hash = found.map(account -> Mono.just(account.passwordHash())).orElse(decoyHash);
                    return hash.publishOn(Schedulers.boundedElastic())
                            .map(stored -> passwords.matches(password, stored))
                            .flatMap(matches -> matches && found.isPresent() && found.get().enabled()
                                    ? Mono.just(found.get()) : Mono.empty());
                });
    }

    public Mono<StaffAccount> find(String username) {
        String name = NewAccountRules.normalise(username);
        if (name == null || name.isEmpty()) {
            return Mono.empty();
        }
        return mongo.findById(name, Document.class, COLLECTION).map(StaffAccounts::account);
    }

    public Flux<StaffAccount> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).map(StaffAccounts::account);
    }

    /** Creates the account; errors with {@link DuplicateKeyException} when the name is taken. */
    public Mono<StaffAccount> create(String username, String password, List<Role> roles, String createdBy) {
        String name = NewAccountRules.normalise(username);
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> {
                    StaffAccount account = new StaffAccount(name, hash, roles, true, clock.instant(), createdBy);
                    return mongo.insert(document(account), COLLECTION).thenReturn(account);
                });
    }

    /** Sets a new password (demo accounts follow {@code CHUNFENG_DEMO_PASSWORD}). */
    public Mono<Void> setPassword(String username, String password) {
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> mongo.updateFirst(Query.query(Criteria.where("_id").is(
                        NewAccountRules.normalise(username))), new Update().set("passwordHash", hash), COLLECTION))
                .then();
    }

    public boolean passwordMatches(StaffAccount account, String password) {
        return passwords.matches(password, account.passwordHash());
    }

    public Mono<Boolean> anyAdmin() {
        return mongo.exists(Query.query(Criteria.where("roles").is(Role.ADMIN.name())), COLLECTION);
    }

    private static Document document(StaffAccount account) {
        return new Document("_id", account.username()).append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Role::name).toList())
                .append("enabled", account.enabled()).append("createdAt", Date.from(account.createdAt()))
                .append("createdBy", account.createdBy());
    }

    private static StaffAccount account(Document document) {
        return new StaffAccount(document.getString("_id"), document.getString("passwordHash"),
                document.getList("roles", String.class, List.of()).stream().map(Role::valueOf).toList(),
                document.getBoolean("enabled", true), document.getDate("createdAt").toInstant(),
                document.getString("createdBy"));
    }
}
