package org.chunfeng.jobs.match;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.employment.WorkerUpdated;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.candidate.CandidateChange;
import org.chunfeng.jobs.candidate.CandidateStore;
import org.chunfeng.jobs.match.OpeningLedger.Claim;
import org.chunfeng.jobs.matching.BatchOptimiser;
import org.chunfeng.jobs.matching.BatchWarmUp;
import org.chunfeng.jobs.matching.JobBoard;
import org.chunfeng.jobs.matching.JobView;
import org.chunfeng.jobs.matching.MatchRules;
import org.chunfeng.jobs.matching.OnlineMatcher;
import org.chunfeng.jobs.matching.WorkerView;
import org.chunfeng.jobs.posting.JobStatus;
import org.chunfeng.jobs.posting.JobStore;
import org.chunfeng.jobs.posting.Posting;
import org.chunfeng.kit.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Matching as one thread. Every change to workers, offers and the board of openings runs here, in the order it
 * arrives, so the in-memory indexes never race; callers (event listeners, controllers) wait for their change to be
 * written. Matching itself is deferred a moment: events that make workers wait pile up, and a round then matches
 * them one by one online, or, when many came at once, as one optimal batch, solved on a thread of its own so that
 * nothing else waits for it. Capacity is still decided by the
 * {@link OpeningLedger} in the database, so a second instance could not over-reserve either.
 */
@Component
public class Matchmaker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Matchmaker.class);
    private static final Duration ROUND_DELAY = Duration.ofMillis(20);
    private static final int ONLINE_PER_ROUND = 200;
    private static final Duration BATCH_BACKOFF = Duration.ofMinutes(1);

    /**
     * A batch as the labour office follows it: {@code RUNNING} while solved, then {@code DONE} with how many of its
     * workers were offered a job, or {@code FAILED} with why (its workers are then matched online). {@code rounds}
     * and {@code gap} tell how far the solve has come: the rounds so far, and how many points the optimum could still
     * exceed the assignment found (null before the first round ends, 0 once it is proven optimal).
     */
    public record BatchRun(String batchId, State state, int workers, Instant startedAt, Instant finishedAt,
            int proposed, long arcs, int rounds, Double gap, String message) {
        public enum State { RUNNING, DONE, FAILED }

        BatchRun progressed(BatchOptimiser.Progress progress) {
            return new BatchRun(batchId, state, workers, startedAt, finishedAt, proposed, progress.arcs(),
                    progress.rounds(), progress.gap(), message);
        }

        BatchRun ended(State state, Instant at, int proposed, String message) {
            return new BatchRun(batchId, state, workers, startedAt, at, proposed, arcs, rounds, gap, message);
        }
    }

    /** How many finished batches are kept to be looked up. */
    private static final int BATCHES_KEPT = 20;

    private final CandidateStore candidates;
    private final JobStore jobs;
    private final OpeningLedger ledger;
    private final MatchingProperties properties;
    private final MatchingMetrics metrics;
    private final Clock clock;
    private final MatchRules rules;
    private final MatchState state;
    private final OfferBook offers;
    private final OnlineMatcher online;
    private final Recovery recovery;
    private final Set<String> toMatch = new LinkedHashSet<>();
    /** Workers left waiting although an opening fitted them, because its price kept it for workers still expected. */
    private final Set<String> keptByPrice = new LinkedHashSet<>();
    /** Of those, the ones to try again since the prices changed, a round's share at a time. */
    private final Set<String> recheck = new LinkedHashSet<>();
    private boolean recheckScheduled;
    /** The workers of the batch being solved: nothing else offers them anything until its result is in. */
    private final Set<String> inBatch = new HashSet<>();
    /** The batch being solved, if any; only one at a time. */
    private String batching;
    /** The latest batches by id, oldest first. */
    private final Map<String, BatchRun> batchRuns = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BatchRun> eldest) {
            return size() > BATCHES_KEPT;
        }
    };
    /** After a failed batch, waiting workers are matched online for a while instead of in another batch at once. */
    private long noBatchBefore = System.nanoTime();
    private volatile Future<?> batchGate = CompletableFuture.completedFuture(null);
    private ScheduledExecutorService thread;
    /** Solves batches and learns prices, which take seconds to minutes, so the matchmaker's thread never waits. */
    private ScheduledExecutorService optimiserThread;
    private volatile Thread matchmakerThread;
    private boolean roundScheduled;
    private volatile boolean running;

    Matchmaker(CandidateStore candidates, JobStore jobs, OpeningLedger ledger, MatchingProperties properties,
            MatchingMetrics metrics, Clock clock) {
        this.candidates = candidates;
        this.jobs = jobs;
        this.ledger = ledger;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.rules = MatchRules.of(properties.settings());
        this.state = new MatchState(new JobBoard(properties.settings()));
        this.offers = new OfferBook(state, candidates, ledger, rules, properties, metrics, clock);
        this.online = new OnlineMatcher(state.board, rules);
        this.recovery = new Recovery(state, candidates, ledger, offers);
    }

    // ---- events from employment -------------------------------------------------------------------------------

    public void onWorkerRegistered(WorkerRegistered e) {
        call(() -> {
            Candidate c = state.workers.get(e.workerId());
            if (c == null) {
                c = candidates.register(e.workerId(), e.profile(), e.registeredAt(), Candidate.State.WAITING);
                state.track(c);
            } else if (c.state() == Candidate.State.WITHDRAWN) {
                retrying(c.workerId(), w -> {
                    if (!candidates.write(w, new CandidateChange().state(Candidate.State.WAITING)
                            .profile(e.profile(), e.registeredAt()).waitingSince(e.registeredAt()))) {
                        throw new OfferBook.StaleWorkerException(w.workerId());
                    }
                    state.track(w);
                });
            } else if (e.registeredAt().isAfter(c.profileAt())) {
                updateProfile(c.workerId(), e.profile(), e.registeredAt());
            }
            wantsMatch(e.workerId());
            return null;
        });
    }

    public void onWorkerUpdated(WorkerUpdated e) {
        call(() -> {
            Candidate c = state.workers.get(e.workerId());
            if (c == null) {
                state.track(candidates.register(e.workerId(), e.profile(), e.updatedAt(), Candidate.State.WAITING));
            } else if (e.updatedAt().isAfter(c.profileAt())) {
                updateProfile(c.workerId(), e.profile(), e.updatedAt());
            }
            wantsMatch(e.workerId());
            return null;
        });
    }

    private void updateProfile(String workerId, WorkerProfile profile, Instant at) {
        retrying(workerId, c -> {
            if (!candidates.write(c, new CandidateChange().profile(profile, at))) {
                throw new OfferBook.StaleWorkerException(workerId);
            }
            state.track(c);
            if (c.state() == Candidate.State.OFFERED) {
                Posting posting = state.postings.get(c.offer().jobId());
                JobView job = posting == null ? null : posting.toView();
                if (job == null || rules.violation(c.view(), job, rules.roadKm(c.view(), job)) != null) {
                    String jobId = c.offer().jobId();
                    offers.withdraw(c, OfferBook.PROFILE_CHANGED, Candidate.State.WAITING);
                    refill(jobId);
                }
            }
        });
    }

    public void onWorkerWithdrawn(WorkerWithdrawn e) {
        call(() -> {
            if (!state.workers.containsKey(e.workerId())) {
                return null;
            }
            retrying(e.workerId(), c -> {
                switch (c.state()) {
                    case WAITING -> {
                        if (!candidates.write(c, new CandidateChange().state(Candidate.State.WITHDRAWN))) {
                            throw new OfferBook.StaleWorkerException(c.workerId());
                        }
                        state.track(c);
                    }
                    case OFFERED -> {
                        String jobId = c.offer().jobId();
                        offers.withdraw(c, OfferBook.WORKER_WITHDRAWN, Candidate.State.WITHDRAWN);
                        refill(jobId);
                    }
                    case PLACED -> {
                        String jobId = c.placement().jobId();
                        offers.cancelPlacement(c, OfferBook.WORKER_WITHDRAWN);
                        refill(jobId);
                    }
                    case WITHDRAWN -> {
                    }
                }
            });
            return null;
        });
    }

    public void onOfferAccepted(OfferAccepted e) {
        call(() -> {
            if (!state.workers.containsKey(e.workerId())) {
                log.warn("Accept of offer {} for unknown worker {} ignored", e.offerId(), e.workerId());
                return null;
            }
            retrying(e.workerId(), c -> {
                if (c.state() == Candidate.State.OFFERED && c.offer().matchId().equals(e.offerId())) {
                    offers.fill(c, e.acceptedAt());
                    return;
                }
                if (c.state() == Candidate.State.PLACED && c.placement().matchId().equals(e.offerId())) {
                    return;
                }
                Candidate.PastMatch past = c.pastMatch(e.offerId());
                if (past == null) {
                    log.warn("Accept of offer {} that worker {} never held ignored", e.offerId(), e.workerId());
                    return;
                }
                if (past.outcome().equals(OfferBook.EXPIRED) || past.outcome().equals(OfferBook.WITHDRAWN)) {
                    String newerJob = c.state() == Candidate.State.OFFERED ? c.offer().jobId() : null;
                    offers.lateAccept(c, past);
                    if (newerJob != null && c.state() == Candidate.State.PLACED) {
                        refill(newerJob);
                    }
                }
            });
            wantsMatch(e.workerId());
            return null;
        });
    }

    public void onOfferDeclined(OfferDeclined e) {
        call(() -> {
            if (!state.workers.containsKey(e.workerId())) {
                return null;
            }
            retrying(e.workerId(), c -> {
                if (c.state() == Candidate.State.OFFERED && c.offer().matchId().equals(e.offerId())) {
                    String jobId = c.offer().jobId();
                    offers.decline(c);
                    refill(jobId);
                } else if (e.jobId() != null && !c.excludedJobs().contains(e.jobId())) {
                    if (!candidates.write(c, new CandidateChange().exclude(e.jobId()))) {
                        throw new OfferBook.StaleWorkerException(c.workerId());
                    }
                }
            });
            wantsMatch(e.workerId());
            return null;
        });
    }

    // ---- postings ------------------------------------------------------------------------------------------------

    /** New postings: waiting workers are matched to them, as a batch when they bring many openings. */
    public void postingsOpened(List<String> jobIds) {
        call(() -> {
            long opened = 0;
            for (String id : jobIds) {
                Posting p = jobs.find(id).map(JobStore.Stored::posting).orElse(null);
                if (p != null) {
                    state.post(p);
                    opened += p.free();
                }
            }
            if (opened >= properties.batchOpenings() && batching == null && !state.waiting.isEmpty()) {
                startBatch(waitingWorkers());
            } else {
                jobIds.forEach(this::refill);
            }
            return null;
        });
    }

    public void postingChanged(String jobId) {
        call(() -> {
            Posting p = jobs.find(jobId).map(JobStore.Stored::posting).orElse(null);
            if (p == null) {
                return null;
            }
            state.post(p);
            if (p.status() == JobStatus.CLOSED) {
                withdrawOffersOf(jobId);
            } else {
                refill(jobId);
            }
            return null;
        });
    }

    /** The posting closed: its live offers are withdrawn and those workers matched again. */
    public void postingClosed(String jobId) {
        postingChanged(jobId);
    }

    private void withdrawOffersOf(String jobId) {
        Set<String> live = state.liveOffersByJob.getOrDefault(jobId, Set.of());
        for (String workerId : List.copyOf(live)) {
            retrying(workerId, c -> {
                if (c.state() == Candidate.State.OFFERED && c.offer().jobId().equals(jobId)) {
                    offers.withdraw(c, OfferBook.JOB_CLOSED, Candidate.State.WAITING);
                }
            });
            wantsMatch(workerId);
        }
    }

    // ---- expiry ----------------------------------------------------------------------------------------------------

    /** Expires every offer whose time is up at {@code now}; returns how many. */
    public int expireDue(Instant now) {
        return call(() -> {
            int expired = 0;
            while (!state.expiries.isEmpty() && !state.expiries.peek().at().isAfter(now)) {
                MatchState.Expiry due = state.expiries.poll();
                if (expireIfDue(due.workerId(), due.matchId(), now)) {
                    expired++;
                }
            }
            return expired;
        });
    }

    /** Expires the worker's live offer if its time is up at {@code now}. */
    public boolean expireOffer(String workerId, Instant now) {
        return call(() -> {
            Candidate c = state.workers.get(workerId);
            return c != null && c.offer() != null && expireIfDue(workerId, c.offer().matchId(), now);
        });
    }

    private boolean expireIfDue(String workerId, String matchId, Instant now) {
        Candidate c = state.workers.get(workerId);
        if (c == null || c.state() != Candidate.State.OFFERED || !c.offer().matchId().equals(matchId)
                || c.offer().expiresAt().isAfter(now)) {
            return false;
        }
        String jobId = c.offer().jobId();
        retrying(workerId, w -> {
            if (w.state() == Candidate.State.OFFERED && w.offer().matchId().equals(matchId)) {
                offers.expire(w);
            }
        });
        wantsMatch(workerId);
        refill(jobId);
        return true;
    }

    // ---- matching --------------------------------------------------------------------------------------------------

    /**
     * Starts the optimum over every waiting worker and answers at once with the batch to follow; if a batch is being
     * solved already, that one (workers who came since are matched online meanwhile).
     */
    public BatchRun requestBatch() {
        return call(() -> batchRuns.get(batching != null ? batching : startBatch(waitingWorkers())));
    }

    public Optional<BatchRun> batchRun(String batchId) {
        return call(() -> Optional.ofNullable(batchRuns.get(batchId)));
    }

    /** The latest batches, newest first. */
    public List<BatchRun> batchRuns() {
        return call(() -> {
            List<BatchRun> runs = new ArrayList<>(batchRuns.values());
            Collections.reverse(runs);
            return List.copyOf(runs);
        });
    }

    private void wantsMatch(String workerId) {
        Candidate c = state.workers.get(workerId);
        if (c != null && c.state() == Candidate.State.WAITING && !inBatch.contains(workerId)) {
            toMatch.add(workerId);
            if (!roundScheduled && running) {
                roundScheduled = true;
                thread.schedule(this::round, ROUND_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void round() {
        roundScheduled = false;
        try {
            List<Candidate> due = new ArrayList<>();
            for (String id : toMatch) {
                Candidate c = state.workers.get(id);
                if (c != null && c.state() == Candidate.State.WAITING) {
                    due.add(c);
                }
            }
            // A worker leaves the queue only once matched or found to fit nothing open; should a round fail, its
            // workers are still queued for the retry, and never wait for a restart to be matched.
            if (due.size() >= properties.batchWorkers() && batching == null && System.nanoTime() - noBatchBefore >= 0) {
                startBatch(due);
            } else {
                List<String> again = new ArrayList<>();
                int done = 0;
                for (Candidate c : due) {
                    if (done++ == ONLINE_PER_ROUND) {
                        break;
                    }
                    boolean settled;
                    try {
                        settled = matchOnline(c.workerId());
                    } catch (RuntimeException e) {
                        // to the back of the queue, so one worker who keeps failing does not hold up the rest
                        toMatch.remove(c.workerId());
                        toMatch.add(c.workerId());
                        throw e;
                    }
                    toMatch.remove(c.workerId());
                    if (!settled) {
                        again.add(c.workerId());
                    }
                }
                toMatch.removeIf(id -> !state.waiting.contains(id));
                boolean othersWait = !toMatch.isEmpty();
                toMatch.addAll(again);
                if (!toMatch.isEmpty()) {
                    // Workers who lost every race for an opening try again a little later, not in a tight loop.
                    roundScheduled = true;
                    thread.schedule(this::round, othersWait ? 0 : 1000, TimeUnit.MILLISECONDS);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Matching round failed, will retry: {}", e.toString());
            if (!roundScheduled && running) {
                roundScheduled = true;
                thread.schedule(this::round, 1, TimeUnit.SECONDS);
            }
        } finally {
            publishGauge();
        }
    }

    /**
     * Offers the worker the best opening for them; false when three openings in a row were taken or the worker
     * changed before the offer could be written, so they should be tried again.
     */
    private boolean matchOnline(String workerId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Candidate c = state.workers.get(workerId);
            if (c == null || c.state() != Candidate.State.WAITING) {
                return true;
            }
            OnlineMatcher.Choice choice = online.choose(c.view(), clock.instant());
            if (choice == null) {
                if (online.keptFromAnOpening(c.view())) {
                    keptByPrice.add(workerId);
                }
                return true;
            }
            if (offers.propose(c, choice.job().jobId())) {
                return true;
            }
        }
        return false;
    }

    /** Offers the posting's openings left to the waiting workers who score best on it. */
    private void refill(String jobId) {
        JobBoard.Slot slot = state.board.slot(jobId);
        if (slot == null || slot.remaining() <= 0 || state.waiting.isEmpty()) {
            return;
        }
        JobView job = slot.job();
        Instant now = clock.instant();
        record Scored(Candidate worker, double score) {
        }
        List<Scored> feasible = new ArrayList<>();
        for (String id : state.waiting) {
            if (inBatch.contains(id)) {
                continue;
            }
            Candidate c = state.workers.get(id);
            WorkerView w = c.view();
            double km = rules.roadKm(w, job);
            if (rules.violation(w, job, km) == null) {
                double score = rules.score(w, job, km, now);
                // An opening the learned prices keep for the workers still expected is not handed out here either.
                if (online.keptForOthers(slot, score)) {
                    keptByPrice.add(id);
                } else {
                    feasible.add(new Scored(c, score));
                }
            }
        }
        feasible.sort(Comparator.comparingDouble(Scored::score).reversed());
        for (Scored s : feasible) {
            if (state.board.remaining(jobId) <= 0) {
                break;
            }
            if (offers.propose(s.worker(), jobId)) {
                toMatch.remove(s.worker().workerId());
            }
        }
    }

    private List<Candidate> waitingWorkers() {
        return state.waiting.stream().map(state.workers::get).toList();
    }

    /**
     * Starts the optimum over these waiting workers on the optimiser's thread, over a snapshot of the board, and
     * returns at once: at a county's scale the solve takes about ten seconds, and registrations, answers and
     * postings must not wait for it. Meanwhile the batch's workers are offered nothing else; others are matched
     * online as usual.
     */
    private String startBatch(List<Candidate> workers) {
        long started = System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<WorkerView> views = workers.stream().map(Candidate::view).toList();
        JobBoard snapshot = state.board.snapshot();
        for (Candidate c : workers) {
            inBatch.add(c.workerId());
            toMatch.remove(c.workerId());
        }
        batching = batchId;
        batchRuns.put(batchId, new BatchRun(batchId, BatchRun.State.RUNNING, workers.size(), now, null, 0, 0, 0, null,
                null));
        Runnable solve = () -> {
            BatchOptimiser.Result result = null;
            RuntimeException failure = null;
            try {
                batchGate.get();
                result = new BatchOptimiser(snapshot, rules).solve(views, now, p -> batchProgressed(batchId, p));
            } catch (RuntimeException e) {
                failure = e;
            } catch (Exception e) {
                failure = new IllegalStateException(e);
            }
            BatchOptimiser.Result solved = result;
            RuntimeException failed = failure;
            try {
                thread.execute(() -> finishBatch(batchId, workers, solved, failed, started));
            } catch (RejectedExecutionException e) {
                // Matching stopped during the batch: its workers are matched when it starts again.
            }
        };
        try {
            optimiserThread.execute(solve);
        } catch (RuntimeException e) {
            finishBatch(batchId, workers, null, e, started);
        }
        return batchId;
    }

    /**
     * Offers what the batch assigned, on the matchmaker's thread. The world moved on while it was solved: a worker
     * may have withdrawn or changed, a posting closed, filled or changed; such pairs are passed over, and the ledger
     * still decides capacity. Every worker of the batch is then matched again as usual (online when the batch left
     * them out).
     */
    private void finishBatch(String batchId, List<Candidate> workers, BatchOptimiser.Result result,
            RuntimeException failure, long started) {
        batching = null;
        // One batch at a time and the latest 20 kept: its run is still there.
        BatchRun run = batchRuns.get(batchId);
        workers.forEach(c -> inBatch.remove(c.workerId()));
        int proposed = 0;
        try {
            if (failure != null) {
                throw failure;
            }
            Instant now = clock.instant();
            Map<String, List<BatchOptimiser.Assignment>> byJob = new LinkedHashMap<>();
            for (BatchOptimiser.Assignment a : result.assignments()) {
                Candidate c = state.workers.get(a.worker().workerId());
                JobView job = state.board.job(a.job().jobId());
                if (c != null && c.state() == Candidate.State.WAITING && job != null
                        && state.board.remaining(job.jobId()) > 0
                        && rules.violation(c.view(), job, rules.roadKm(c.view(), job)) == null) {
                    byJob.computeIfAbsent(job.jobId(), k -> new ArrayList<>()).add(a);
                }
            }
            for (var entry : byJob.entrySet()) {
                proposed += proposeMany(entry.getKey(), entry.getValue());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            metrics.batch(Duration.ofMillis(millis));
            log.info("Batch matched {} of {} waiting workers ({} arcs, {} rounds) in {} ms", proposed, workers.size(),
                    result.arcs(), result.rounds(), millis);
            BatchOptimiser.Progress solved = new BatchOptimiser.Progress(result.rounds(), result.arcs(), result.gap());
            batchRuns.put(batchId, run.progressed(solved).ended(BatchRun.State.DONE, clock.instant(), proposed, null));
        } catch (RuntimeException e) {
            noBatchBefore = System.nanoTime() + BATCH_BACKOFF.toNanos();
            log.warn("Batch of {} workers failed after {} offers; they are matched online instead: {}", workers.size(),
                    proposed, e.toString());
            batchRuns.put(batchId, run.ended(BatchRun.State.FAILED, clock.instant(), proposed, "The batch failed ("
                    + e.getClass().getSimpleName() + "); its workers are matched online instead"));
        } finally {
            workers.forEach(c -> wantsMatch(c.workerId()));
            publishGauge();
        }
    }

    /** Called on the optimiser's thread after each round; the run is updated on the matchmaker's. */
    private void batchProgressed(String batchId, BatchOptimiser.Progress progress) {
        try {
            thread.execute(() -> batchRuns.computeIfPresent(batchId, (id, run) ->
                    run.state() == BatchRun.State.RUNNING ? run.progressed(progress) : run));
        } catch (RejectedExecutionException e) {
            // Matching stopped during the batch.
        }
    }

    /** Holds every batch solve until the gate opens: lets a test act while a batch is being solved. */
    void holdBatchSolvesUntil(Future<?> gate) {
        batchGate = gate;
    }

    /** Reserves for a batch's workers on one posting in one ledger step, then writes each offer. */
    private int proposeMany(String jobId, List<BatchOptimiser.Assignment> assigned) {
        Posting posting = state.postings.get(jobId);
        List<Claim> claims = new ArrayList<>();
        for (BatchOptimiser.Assignment a : assigned) {
            claims.add(new Claim(OfferBook.newMatchId(), a.worker().workerId()));
        }
        String reserveOp = "batch-" + UUID.randomUUID() + ":reserve";
        List<Claim> granted = ledger.reserve(jobId, reserveOp, claims);
        List<Claim> failed = new ArrayList<>();
        int proposed = 0;
        for (Claim claim : granted) {
            Candidate c = state.workers.get(claim.workerId());
            if (c != null && c.state() == Candidate.State.WAITING && offers.writeOffer(c, posting, claim.matchId())) {
                proposed++;
            } else {
                failed.add(claim);
                offers.reload(claim.workerId());
            }
        }
        if (failed.isEmpty()) {
            ledger.forget(jobId, reserveOp);
        } else {
            offers.undo(jobId, failed, reserveOp);
        }
        offers.resync(jobId);
        return proposed;
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** A copy of the worker as matching sees them. */
    public Optional<Candidate> candidate(String workerId) {
        return call(() -> Optional.ofNullable(state.workers.get(workerId)).map(Candidate::copy));
    }

    public Explanation explain(String workerId) {
        return call(() -> {
            Candidate c = state.workers.get(workerId);
            if (c == null) {
                throw new NotFoundException("Worker", workerId);
            }
            return Explanation.of(c, state, rules, online, clock.instant());
        });
    }

    /**
     * Learns online prices from the optimum over the latest registrations, each standing for its share of the
     * workers still expected: scarce openings then go to those who gain most from them (see {@link OnlineMatcher}).
     * The optimum is solved on the caller's thread over a snapshot of the board, since at a campaign's peak it takes
     * seconds and offers must not wait for it; postings posted meanwhile simply have no price until the next time.
     * Returns how many postings got a price.
     */
    public int learnPrices() {
        PriceLesson lesson = call(this::priceLesson);
        long started = System.nanoTime();
        double[] prices = lesson == null ? null
                : new BatchOptimiser(lesson.board(), rules).prices(lesson.workers(), lesson.now(), lesson.share());
        if (!running) {
            // Stopped during the solve: the matchmaker's thread takes no more work.
            return 0;
        }
        call(() -> {
            adoptPrices(prices);
            return null;
        });
        if (prices == null) {
            return 0;
        }
        int priced = 0;
        for (double p : prices) {
            if (p > 0) {
                priced++;
            }
        }
        log.info("Learned prices for {} postings from {} recent registrations in {} ms", priced,
                lesson.workers().size(), (System.nanoTime() - started) / 1_000_000);
        return priced;
    }

    /** For tests: prices by posting as if learned (every other posting priced 0); null for none. */
    void adoptPricesForTest(Map<String, Double> byJob) {
        call(() -> {
            if (byJob == null) {
                adoptPrices(null);
                return null;
            }
            double[] prices = new double[state.board.capacity()];
            byJob.forEach((jobId, price) -> prices[state.board.slot(jobId).index()] = price);
            adoptPrices(prices);
            return null;
        });
    }

    /**
     * New prices steer online choices from now on, and the workers the old prices kept waiting are tried again: the
     * openings kept from them may cost less now, or, once the expected workers have all registered, nothing.
     */
    private void adoptPrices(double[] prices) {
        online.learnPrices(prices);
        recheck.addAll(keptByPrice);
        keptByPrice.clear();
        scheduleRecheck();
    }

    private void scheduleRecheck() {
        if (!recheck.isEmpty() && !recheckScheduled && running) {
            recheckScheduled = true;
            thread.execute(this::recheckKept);
        }
    }

    private void recheckKept() {
        recheckScheduled = false;
        int done = 0;
        for (var it = recheck.iterator(); it.hasNext() && done < ONLINE_PER_ROUND; ) {
            String id = it.next();
            it.remove();
            if (!state.waiting.contains(id) || inBatch.contains(id)) {
                continue;
            }
            done++;
            try {
                if (!matchOnline(id)) {
                    wantsMatch(id);
                }
            } catch (RuntimeException e) {
                log.warn("Offering worker {} again failed, will retry with the next prices: {}", id, e.toString());
                keptByPrice.add(id);
            }
        }
        scheduleRecheck();
        publishGauge();
    }

    /** What learning prices needs from the matchmaker's state, copied so it can be solved on another thread. */
    private record PriceLesson(JobBoard board, List<WorkerView> workers, Instant now, double share) {
    }

    /** The latest registrations and a snapshot of the board; null when no prices should be learned now. */
    private PriceLesson priceLesson() {
        List<WorkerView> recent = state.workers.values().stream()
                .filter(c -> c.state() != Candidate.State.WITHDRAWN && c.waitingSince() != null)
                .sorted(Comparator.comparing(Candidate::waitingSince).reversed())
                .limit(properties.priceSample()).map(Candidate::view).toList();
        int registered = state.workers.size();
        int expected = properties.expectedWorkers();
        if (recent.isEmpty() || expected > 0 && expected <= registered) {
            return null;
        }
        double share = expected > 0 ? recent.size() / (double) (expected - registered) : 1.0;
        return new PriceLesson(state.board.snapshot(), recent, clock.instant(), share);
    }

    /** Settles what a crash left half-done (see {@link Recovery}); returns how many changes it settled. */
    public int recover(Duration grace) {
        return call(() -> recovery.run(clock.instant().minus(grace)));
    }

    // ---- the thread --------------------------------------------------------------------------------------------------

    private void retrying(String workerId, java.util.function.Consumer<Candidate> change) {
        for (int attempt = 0; ; attempt++) {
            Candidate c = state.workers.get(workerId);
            try {
                change.accept(c);
                return;
            } catch (OfferBook.StaleWorkerException e) {
                if (attempt == 2) {
                    throw e;
                }
                offers.reload(workerId);
            }
        }
    }

    private <T> T call(Callable<T> task) {
        if (Thread.currentThread() == matchmakerThread) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (thread == null) {
            throw new IllegalStateException("Matching has not started");
        }
        Future<T> future = thread.submit(() -> {
            try {
                return task.call();
            } finally {
                publishGauge();
            }
        });
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for matching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void publishGauge() {
        metrics.openingsOpen(state.board.openingsLeft());
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "matchmaker");
            t.setDaemon(true);
            matchmakerThread = t;
            return t;
        });
        optimiserThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "optimiser");
            t.setDaemon(true);
            return t;
        });
        running = true;
        call(() -> {
            long started = System.nanoTime();
            jobs.all().forEach(state::post);
            candidates.loadAll().forEach(state::track);
            int settled = recovery.run(clock.instant().minus(properties.recoveryGrace()));
            log.info("Matching loaded {} postings and {} workers ({} waiting), settled {} half-done changes, in {} ms",
                    state.postings.size(), state.workers.size(), state.waiting.size(), settled,
                    (System.nanoTime() - started) / 1_000_000);
            new ArrayList<>(state.waiting).forEach(this::wantsMatch);
            return null;
        });
        thread.scheduleWithFixedDelay(this::expireQuietly, properties.expiryInterval().toMillis(),
                properties.expiryInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (!properties.priceInterval().isZero()) {
            optimiserThread.scheduleWithFixedDelay(this::learnPricesQuietly, properties.priceInterval().toMillis(),
                    properties.priceInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        thread.scheduleWithFixedDelay(this::recoverQuietly, properties.recoveryInterval().toMillis(),
                properties.recoveryInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (properties.warmUpBatches() > 0) {
            // First on the optimiser's thread: a batch asked for meanwhile waits the two or three seconds this takes,
            // and then runs compiled.
            optimiserThread.execute(this::warmUpQuietly);
        }
    }

    private void warmUpQuietly() {
        try {
            long millis = BatchWarmUp.run(properties.settings(), properties.warmUpWorkers(), properties.warmUpBatches());
            log.info("Warmed up the batch on {} generated batches of {} workers in {} ms", properties.warmUpBatches(),
                    properties.warmUpWorkers(), millis);
        } catch (RuntimeException e) {
            log.warn("Warming up the batch failed; the first batch will be compiled as it runs: {}", e.toString());
        }
    }

    private void expireQuietly() {
        try {
            expireDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Expiring offers failed, will retry: {}", e.toString());
        }
    }

    private void learnPricesQuietly() {
        try {
            learnPrices();
        } catch (RuntimeException e) {
            log.warn("Learning prices failed, will retry: {}", e.toString());
        }
    }

    private void recoverQuietly() {
        try {
            recover(properties.recoveryGrace());
        } catch (RuntimeException e) {
            log.warn("Recovery failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (optimiserThread != null) {
            optimiserThread.shutdownNow();
        }
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Ready before the Kafka listeners start delivering, stopped after they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
