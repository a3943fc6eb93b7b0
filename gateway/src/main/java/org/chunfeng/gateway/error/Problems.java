package org.chunfeng.gateway.error;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The gateway's own RFC 9457 answers. They share the services' {@code type} base and slugs (the services build theirs
 * with the service kit's {@code Problems}), so a client tells errors apart by {@code type} wherever they arose.
 */
public final class Problems {

    public static final String BASE = "https://chunfeng.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in required",
                "A valid access token is required: sign in again.");
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this action.");
    }

    public static ProblemDetail notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ProblemDetail signInFailed(String detail) {
        return of(HttpStatus.UNAUTHORIZED, "sign-in-failed", "Sign-in failed", detail);
    }

    public static ProblemDetail tooLarge(long limitBytes) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "The request body is larger than the " + describe(limitBytes) + " allowed here.");
    }

    public static ProblemDetail rateLimited(long retryAfterSeconds) {
        ProblemDetail problem = of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests from this client; try again in " + retryAfterSeconds + " s.");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problem;
    }

    public static ProblemDetail serviceUnavailable(String service) {
        ProblemDetail problem = of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The " + service + " service is not answering at the moment; try again shortly.");
        problem.setProperty("service", service);
        return problem;
    }

    public static ProblemDetail serviceTimeout(String service) {
        ProblemDetail problem = of(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service too slow",
                "The " + service + " service did not answer in time; try again shortly.");
        problem.setProperty("service", service);
        return problem;
    }

    public static ProblemDetail internal() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong in the gateway; it has been logged.");
    }

    private static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }
}
