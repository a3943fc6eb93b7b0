package org.chunfeng.jobs.candidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.employment.WorkerProfile;

/**
 * One write to a worker's document: the new state, the events that announce it, and the counter changes it owes
 * postings. {@link CandidateStore#write} applies it to the document (guarded by version) and, only if that
 * succeeded, to the worker in memory.
 */
public final class CandidateChange {

    private boolean stateSet;
    private Candidate.State state;
    private boolean offerSet;
    private Candidate.Offer offer;
    private boolean placementSet;
    private Candidate.Placement placement;
    private WorkerProfile profile;
    private Instant profileAt;
    private Instant waitingSince;
    final List<String> excluded = new ArrayList<>();
    final List<Candidate.PastMatch> past = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Candidate.Owed> owed = new ArrayList<>();

    public CandidateChange state(Candidate.State s) {
        stateSet = true;
        state = s;
        return this;
    }

    public CandidateChange offer(Candidate.Offer o) {
        offerSet = true;
        offer = o;
        return this;
    }

    public CandidateChange placement(Candidate.Placement p) {
        placementSet = true;
        placement = p;
        return this;
    }

    public CandidateChange profile(WorkerProfile p, Instant at) {
        profile = p;
        profileAt = at;
        return this;
    }

    public CandidateChange waitingSince(Instant at) {
        waitingSince = at;
        return this;
    }

    public CandidateChange exclude(String jobId) {
        excluded.add(jobId);
        return this;
    }

    public CandidateChange past(Candidate.PastMatch m) {
        past.add(m);
        return this;
    }

    public CandidateChange event(Event e) {
        events.add(e);
        return this;
    }

    public CandidateChange owe(Candidate.Owed o) {
        owed.add(o);
        return this;
    }

    public List<Candidate.Owed> owed() {
        return List.copyOf(owed);
    }

    public boolean stateSet() {
        return stateSet;
    }

    Candidate.State state() {
        return state;
    }

    boolean offerSet() {
        return offerSet;
    }

    Candidate.Offer offer() {
        return offer;
    }

    boolean placementSet() {
        return placementSet;
    }

    Candidate.Placement placement() {
        return placement;
    }

    WorkerProfile profile() {
        return profile;
    }

    Instant profileAt() {
        return profileAt;
    }

    Instant waitingSince() {
        return waitingSince;
    }

    void applyTo(Candidate c) {
        if (stateSet) {
            c.state = state;
        }
        if (offerSet) {
            c.offer = offer;
        }
        if (placementSet) {
            c.placement = placement;
        }
        if (profile != null) {
            c.profile = profile;
            c.profileAt = profileAt;
        }
        if (waitingSince != null) {
            c.waitingSince = waitingSince;
        }
        c.excludedJobs.addAll(excluded);
        c.history.addAll(past);
        c.owed.addAll(owed);
        c.version++;
        c.changed();
    }
}
