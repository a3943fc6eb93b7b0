package org.chunfeng.jobs.employer;

import java.time.Instant;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;

/**
 * Who offers the jobs: an enterprise, a cooperative, an industrial park, a town's public-welfare programme
 * ({@code town} names it) or a return-to-work headquarters.
 */
public record Employer(String id, String name, EmployerKind kind, String contactName, String contactPhone,
        String town, Place location, Instant createdAt) {
}
