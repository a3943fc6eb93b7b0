package org.chunfeng.gateway.access;

import java.util.List;
import java.util.Set;
import org.chunfeng.contracts.access.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which route: the one table of the gateway's access rules. The services check the same token again,
 * so this is the first of two locks, and it keeps refused calls off the services.
 */
public final class AccessPolicy {

    /** What the gateway does with a request before it is routed. */
    public enum Verdict {
        /** Anyone, with or without a token. */
        OPEN,
        /** The caller's roles allow it. */
        ALLOWED,
        /** A valid token is needed (none was given) or the caller's roles do not allow it. */
        DENIED,
        /** Not reachable from outside at all: the gateway answers 404 itself. */
        HIDDEN
    }

    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /** Server-to-server only: the gateway itself calls it to sign workers in. */
    private static final List<PathPattern> HIDDEN = patterns("/api/workers/sign-in-check",
            "/api/workers/sign-in-check/**");

    private static final List<Rule> OPEN = List.of(
            Rule.any(null, "/api/auth/**"),
            Rule.of(null, Set.of(HttpMethod.POST), "/api/workers/self-register"),
            // The county's towns, villages and collection points: the self-registration form needs them first.
            Rule.of(null, READ, "/api/places"),
            Rule.of(null, READ, "/.well-known/jwks.json"),
            Rule.of(null, READ, "/actuator/health"),
            Rule.of(null, READ, "/actuator/health/**"),
            Rule.of(null, READ, "/actuator/prometheus"),
            Rule.of(null, READ, "/actuator/info"));

    /** Everything under these needs a token; every other path is the web app, API docs or Swagger UI. */
    private static final List<PathPattern> PROTECTED = patterns("/api/**", "/actuator/**");

    /**
     * The imports, their reports and templates: the labour office's alone, whatever the broader rules below grant
     * under the same prefix (coordinators read {@code /api/workers/**} and {@code /api/jobs/**}).
     */
    private static final List<PathPattern> OFFICE_ONLY = patterns("/api/workers/import/**", "/api/jobs/import/**");

    private static final List<Rule> ROLES = List.of(
            Rule.any(Role.LABOUR_OFFICE, "/api/workers/**"),
            Rule.any(Role.LABOUR_OFFICE, "/api/monitoring/**"),
            Rule.any(Role.LABOUR_OFFICE, "/api/employers/**"),
            Rule.any(Role.LABOUR_OFFICE, "/api/jobs/**"),
            Rule.any(Role.LABOUR_OFFICE, "/api/matching/**"),
            Rule.any(Role.LABOUR_OFFICE, "/api/households/**"),
            Rule.any(Role.LABOUR_OFFICE, "/api/collection-points/**"),
            Rule.of(Role.LABOUR_OFFICE, READ, "/api/riders/**"),
            Rule.any(Role.TRANSPORT_COORDINATOR, "/api/vehicles/**"),
            Rule.any(Role.TRANSPORT_COORDINATOR, "/api/trips/**"),
            Rule.any(Role.TRANSPORT_COORDINATOR, "/api/subsidies/**"),
            Rule.any(Role.TRANSPORT_COORDINATOR, "/api/riders/**"),
            Rule.of(Role.TRANSPORT_COORDINATOR, READ, "/api/travel-dates"),
            // Coordinators read worker records (the service masks them) and jobs, to plan who goes where.
            Rule.of(Role.TRANSPORT_COORDINATOR, READ, "/api/workers/**"),
            Rule.of(Role.TRANSPORT_COORDINATOR, READ, "/api/jobs/**"),
            // The skill taxonomy is for everyone signed in, workers too; it is no one's record.
            Rule.of(Role.WORKER, READ, "/api/workers/skills"),
            Rule.ownRecord("/api/workers/{workerId}"),
            Rule.ownRecord("/api/workers/{workerId}/**"),
            Rule.any(Role.ADMIN, "/api/users/**"),
            Rule.any(Role.ADMIN, "/actuator/**"));

    /** The verdict for a request; {@code caller} is null when no valid token came with it. */
    public Verdict decide(HttpMethod method, String path, Caller caller) {
        PathContainer container = PathContainer.parsePath(path);
        if (matchesAny(HIDDEN, container)) {
            return Verdict.HIDDEN;
        }
        if (isOpen(method, container)) {
            return Verdict.OPEN;
        }
        if (caller == null) {
            return Verdict.DENIED;
        }
        if (matchesAny(OFFICE_ONLY, container)) {
            return caller.has(Role.LABOUR_OFFICE) ? Verdict.ALLOWED : Verdict.DENIED;
        }
        for (Rule rule : ROLES) {
            if (rule.allows(method, container, caller)) {
                return Verdict.ALLOWED;
            }
        }
        return Verdict.DENIED;
    }

    /** True when the request needs no token, so one sent with it is not even looked at. */
    public boolean isOpen(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return !matchesAny(HIDDEN, container) && isOpen(method, container);
    }

    private static boolean isOpen(HttpMethod method, PathContainer path) {
        if (!matchesAny(PROTECTED, path)) {
            return true;
        }
        return OPEN.stream().anyMatch(rule -> rule.matches(method, path));
    }

    private static boolean matchesAny(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> patterns(String... patterns) {
        return java.util.Arrays.stream(patterns).map(PARSER::parse).toList();
    }

    /**
     * One line of the table. {@code role} null means no role is needed; {@code methods} null means any method;
     * an own-record rule lets a worker reach the path only when its {@code {workerId}} is the token's.
     */
    private record Rule(Role role, Set<HttpMethod> methods, PathPattern pattern, boolean ownRecord) {

        static Rule of(Role role, Set<HttpMethod> methods, String pattern) {
            return new Rule(role, methods, PARSER.parse(pattern), false);
        }

        static Rule any(Role role, String pattern) {
            return new Rule(role, null, PARSER.parse(pattern), false);
        }

        static Rule ownRecord(String pattern) {
            return new Rule(Role.WORKER, null, PARSER.parse(pattern), true);
        }

        boolean matches(HttpMethod method, PathContainer path) {
            return (methods == null || methods.contains(method)) && pattern.matches(path);
        }

        boolean allows(HttpMethod method, PathContainer path, Caller caller) {
            if (!caller.has(role) || (methods != null && !methods.contains(method))) {
                return false;
            }
            if (!ownRecord) {
                return pattern.matches(path);
            }
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
            return match != null && caller.workerId() != null
                    && caller.workerId().equals(match.getUriVariables().get("workerId"));
        }
    }
}
