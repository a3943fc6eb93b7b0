package org.chunfeng.jobs.candidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.chunfeng.jobs.matching.WorkerView;

/**
 * A worker as jobs-service sees them: the profile from employment's events, and where they stand in matching. One
 * document per worker holds all of it and the worker's pending events (MatchProposed, MatchExpired, MatchWithdrawn,
 * PlacementConfirmed, PlacementCancelled), so those leave in the order they happened. Owned by the matchmaker
 * thread; {@code version} guards every write.
 */
public final class Candidate {

    public enum State {
        /** Registered and not holding an offer: matching looks for a job. */
        WAITING,
        /** Holding a live offer, which reserves one opening until it is answered or expires. */
        OFFERED,
        /** Accepted: the opening is filled. */
        PLACED,
        /** Withdrawn by employment: never matched again unless registered anew. */
        WITHDRAWN
    }

    /** A live offer: one reserved opening, held until {@code expiresAt}. */
    public record Offer(String matchId, String jobId, double score, List<ScoreComponent> breakdown, Instant proposedAt,
            Instant expiresAt) {
    }

    /** An accepted match; {@code placementId} is the match id. */
    public record Placement(String matchId, String jobId, double score, List<ScoreComponent> breakdown,
            Instant confirmedAt, boolean local) {
    }

    /** How an earlier match ended: DECLINED, EXPIRED, WITHDRAWN, PLACED or CANCELLED. */
    public record PastMatch(String matchId, String jobId, String outcome, Instant at) {
    }

    /** A counter change the worker's last write owes a posting (see OpeningLedger); settled right after the write. */
    public record Owed(String jobId, String opId, int reserved, int filled, String matchId) {
    }

    private final String workerId;
    long version;
    State state;
    WorkerProfile profile;
    Instant profileAt;
    Instant waitingSince;
    Set<String> excludedJobs = new LinkedHashSet<>();
    Offer offer;
    Placement placement;
    List<PastMatch> history = new ArrayList<>();
    List<Owed> owed = new ArrayList<>();
    private WorkerView view;

    Candidate(String workerId) {
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    public long version() {
        return version;
    }

    public State state() {
        return state;
    }

    public WorkerProfile profile() {
        return profile;
    }

    public Instant profileAt() {
        return profileAt;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public Set<String> excludedJobs() {
        return Set.copyOf(excludedJobs);
    }

    public Offer offer() {
        return offer;
    }

    public Placement placement() {
        return placement;
    }

    public List<PastMatch> history() {
        return List.copyOf(history);
    }

    public List<Owed> owed() {
        return List.copyOf(owed);
    }

    /** True if this worker ever held the match (live, placed or ended). */
    public boolean knowsMatch(String matchId) {
        return offer != null && offer.matchId().equals(matchId)
                || placement != null && placement.matchId().equals(matchId)
                || history.stream().anyMatch(h -> h.matchId().equals(matchId));
    }

    public PastMatch pastMatch(String matchId) {
        return history.stream().filter(h -> h.matchId().equals(matchId)).reduce((a, b) -> b).orElse(null);
    }

    /** The matching view of this worker, rebuilt when the profile or the excluded jobs change. */
    public WorkerView view() {
        if (view == null) {
            view = viewOf(workerId, profile, excludedJobs, waitingSince);
        }
        return view;
    }

    void changed() {
        view = null;
    }

    /** Home, or the village collection point when the home is unknown. */
    public static GeoPoint location(WorkerProfile p) {
        if (p.home() != null) {
            return p.home();
        }
        return p.collectionPoint() == null ? null : p.collectionPoint().location();
    }

    static WorkerView viewOf(String workerId, WorkerProfile p, Set<String> excluded, Instant waitingSince) {
        Map<Skill, Integer> skills = new EnumMap<>(Skill.class);
        if (p.skills() != null) {
            for (SkillLevel s : p.skills()) {
                if (s != null && s.skill() != null) {
                    skills.merge(s.skill(), Math.max(0, s.years()), Math::max);
                }
            }
        }
        return new WorkerView(workerId, p.age(), p.povertyStatus(), p.specialGroups(), p.town(), location(p), skills,
                p.intent(), p.preferredCities(), p.minMonthlyWage(), p.availableFrom(), p.fitness(), excluded,
                waitingSince);
    }

    /** A copy for readers outside the matchmaker thread. */
    public Candidate copy() {
        Candidate c = new Candidate(workerId);
        c.version = version;
        c.state = state;
        c.profile = profile;
        c.profileAt = profileAt;
        c.waitingSince = waitingSince;
        c.excludedJobs = new LinkedHashSet<>(excludedJobs);
        c.offer = offer;
        c.placement = placement;
        c.history = new ArrayList<>(history);
        c.owed = new ArrayList<>(owed);
        return c;
    }
}
