package org.chunfeng.gateway.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.error.ProblemException;
import org.chunfeng.gateway.error.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff accounts, for administrators (the gateway's access rules let only ADMIN reach {@code /api/users}). */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Staff accounts", description = "Labour-office, transport and administrator accounts (ADMIN only)")
public class UserController {

    private final StaffAccounts accounts;

    public UserController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(summary = "Create a staff account", description = "Roles: LABOUR_OFFICE, TRANSPORT_COORDINATOR, ADMIN."
            + " 409 when the user name is taken.")
    public Mono<ResponseEntity<AccountView>> create(@RequestBody NewAccount request,
            @AuthenticationPrincipal Jwt admin) {
        var violations = NewAccountRules.check(request.username(), request.password(), request.roles());
        if (!violations.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                            : violations.size() + " fields are invalid");
            problem.setProperty("errors", violations.stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
            return Mono.error(new ProblemException(problem));
        }
        List<Role> roles = request.roles().stream().distinct().map(Role::valueOf).toList();
        return accounts.create(request.username(), request.password(), roles, admin.getSubject())
                .map(account -> ResponseEntity.created(URI.create("/api/users/" + account.username()))
                        .body(AccountView.of(account)))
                .onErrorMap(DuplicateKeyException.class, e -> {
                    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "username-taken", "Conflict",
                            "An account named " + NewAccountRules.normalise(request.username()) + " already exists.");
                    problem.setProperty("code", "username-taken");
                    return new ProblemException(problem);
                });
    }

    @GetMapping
    @Operation(summary = "List the staff accounts")
    public Flux<AccountView> list() {
        return accounts.all().map(AccountView::of);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One staff account")
    public Mono<AccountView> one(@PathVariable String username) {
        return accounts.find(username).map(AccountView::of).switchIfEmpty(Mono.error(new ProblemException(
                Problems.notFound("No account is named " + NewAccountRules.normalise(username) + "."))));
    }

    /** A new account: user name, initial password and roles. */
    public record NewAccount(String username, String password, List<String> roles) {
    }

    /** An account as shown to administrators: never the password hash. */
    public record AccountView(String username, List<Role> roles, boolean enabled, Instant createdAt,
            String createdBy) {

        static AccountView of(StaffAccount account) {
            return new AccountView(account.username(), account.roles(), account.enabled(), account.createdAt(),
                    account.createdBy());
        }
    }
}
