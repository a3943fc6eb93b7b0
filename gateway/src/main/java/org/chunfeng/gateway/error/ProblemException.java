package org.chunfeng.gateway.error;

import org.springframework.http.ProblemDetail;

/** Ends a request with this problem+json answer. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
