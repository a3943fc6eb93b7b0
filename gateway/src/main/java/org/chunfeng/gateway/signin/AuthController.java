package org.chunfeng.gateway.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.account.StaffAccount;
import org.chunfeng.gateway.account.StaffAccounts;
import org.chunfeng.gateway.error.ProblemException;
import org.chunfeng.gateway.error.Problems;
import org.chunfeng.gateway.signin.SignInMetrics.Kind;
import org.chunfeng.gateway.signin.SignInMetrics.Outcome;
import org.chunfeng.gateway.signin.WorkerSignInCheck.Answer;
import org.chunfeng.gateway.signin.WorkerSignInCheck.WorkerCredentials;
import org.chunfeng.gateway.token.IssuedTokens;
import org.chunfeng.gateway.token.RefreshGrant;
import org.chunfeng.gateway.token.RefreshTokens;
import org.chunfeng.gateway.token.TokenIssuer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sign-in for staff (user name and password) and workers (ID number, phone and the reference their registration
 * gave them), token refresh and sign-out. Every failure to sign in gives the same answer, whatever was wrong.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Sign-in", description = "Access and refresh tokens for staff and workers")
public class AuthController {

    private final StaffAccounts accounts;
    private final WorkerSignInCheck workers;
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final SignInMetrics metrics;

    public AuthController(StaffAccounts accounts, WorkerSignInCheck workers, TokenIssuer issuer,
            RefreshTokens refreshTokens, SignInMetrics metrics) {
        this.accounts = accounts;
        this.workers = workers;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.metrics = metrics;
    }

    @PostMapping("/token")
    @Operation(summary = "Staff sign-in", description = "User name and password give an access token (15 minutes)"
            + " and a refresh token (8 hours, one use). 401 sign-in-failed for any wrong combination.")
    public Mono<IssuedTokens> staff(@RequestBody StaffCredentials credentials) {
        return accounts.authenticate(credentials.username(), credentials.password())
                .switchIfEmpty(Mono.defer(() -> {
                    metrics.record(Kind.STAFF, Outcome.FAILURE);
                    return Mono.error(new ProblemException(Problems.signInFailed(
                            "The user name or password is wrong.")));
                }))
                .flatMap(account -> issue(account.username(), account.roles(), null))
                .doOnNext(tokens -> metrics.record(Kind.STAFF, Outcome.SUCCESS));
    }

    @PostMapping("/worker")
    @Operation(summary = "Worker sign-in", description = "ID number, phone and the reference from registration give"
            + " a WORKER token for that worker's own record. 401 sign-in-failed for any wrong combination;"
            + " 503 while employment-service is down.")
    public Mono<IssuedTokens> worker(@RequestBody WorkerCredentials credentials) {
        if (!credentials.isComplete()) {
            metrics.record(Kind.WORKER, Outcome.FAILURE);
            return Mono.error(new ProblemException(workerFailed()));
        }
        return workers.check(credentials)
                .onErrorMap(e -> !(e instanceof ProblemException), e -> {
                    metrics.record(Kind.WORKER, Outcome.UNAVAILABLE);
                    return new ProblemException(Problems.serviceUnavailable("employment"));
                })
                .flatMap(answer -> {
                    if (answer instanceof Answer.Match match) {
                        metrics.record(Kind.WORKER, Outcome.SUCCESS);
                        return issue(match.workerId(), List.of(Role.WORKER), match.workerId());
                    }
                    metrics.record(Kind.WORKER, Outcome.FAILURE);
                    return Mono.error(new ProblemException(workerFailed()));
                });
    }

    @PostMapping("/refresh")
    @Operation(summary = "New tokens for a refresh token", description = "The refresh token is used up; keep the new"
            + " one. A refresh token used twice ends its whole sign-in. 401 refresh-failed: sign in again.")
    public Mono<IssuedTokens> refresh(@RequestBody RefreshRequest request) {
        return refreshTokens.rotate(request.refreshToken())
                .flatMap(grant -> (grant.isWorker() ? Mono.just(grant.roles()) : currentStaffRoles(grant))
                        .filter(roles -> !roles.isEmpty())
                        .flatMap(roles -> refreshTokens.successor(grant, roles)
                                .map(refresh -> tokens(grant.subject(), roles, grant.workerId(), refresh))))
                .doOnNext(tokens -> metrics.record(Kind.REFRESH, Outcome.SUCCESS))
                .switchIfEmpty(Mono.defer(() -> {
                    metrics.record(Kind.REFRESH, Outcome.FAILURE);
                    return Mono.error(new ProblemException(Problems.of(HttpStatus.UNAUTHORIZED, "refresh-failed",
                            "Sign-in expired", "The refresh token is unknown, expired or already used: sign in again.")));
                }));
    }

    @PostMapping("/sign-out")
    @Operation(summary = "Sign out", description = "The refresh token and all tokens refreshed from the same sign-in"
            + " stop working. Access tokens run out by themselves within minutes.")
    public Mono<ResponseEntity<Void>> signOut(@RequestBody RefreshRequest request) {
        return refreshTokens.revoke(request.refreshToken())
                .thenReturn(ResponseEntity.<Void>status(HttpStatus.NO_CONTENT).build());
    }

    private Mono<List<Role>> currentStaffRoles(RefreshGrant grant) {
        return accounts.find(grant.subject()).filter(StaffAccount::enabled).map(StaffAccount::roles);
    }

    private Mono<IssuedTokens> issue(String subject, List<Role> roles, String workerId) {
        return refreshTokens.issue(subject, roles, workerId).map(refresh -> tokens(subject, roles, workerId,
                refresh));
    }

    private IssuedTokens tokens(String subject, List<Role> roles, String workerId, String refresh) {
        return new IssuedTokens(issuer.accessToken(subject, roles, workerId), "Bearer",
                issuer.accessTokenTtl().toSeconds(), refresh, refreshTokens.ttl().toSeconds(), subject,
                roles.stream().map(Role::name).sorted().toList(), workerId);
    }

    private static org.springframework.http.ProblemDetail workerFailed() {
        return Problems.signInFailed("The ID number, phone and reference do not match a registration.");
    }

    /** A staff member's user name and password. */
    public record StaffCredentials(String username, String password) {

        @Override
        public String toString() {
            return "StaffCredentials[" + username + ", password hidden]";
        }
    }

    /** A refresh token from an earlier sign-in or refresh. */
    public record RefreshRequest(String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[hidden]";
        }
    }
}
