package org.chunfeng.jobs.match;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.matching.HardConstraint;
import org.chunfeng.jobs.matching.JobBoard;
import org.chunfeng.jobs.matching.JobView;
import org.chunfeng.jobs.matching.MatchRules;
import org.chunfeng.jobs.matching.OnlineMatcher;
import org.chunfeng.jobs.matching.WorkerView;

/**
 * Why a worker has the offer they have, or why they have none: the offer's score line by line, or, over every open
 * posting, how many each hard constraint ruled out, how many are kept for workers still expected, and the best
 * postings still open to them.
 */
@Schema(description = "Why this offer, or why none")
public record Explanation(
        String workerId,
        Candidate.State state,
        @Schema(description = "The live offer or the placement, with its score breakdown; null when waiting")
        Matched matched,
        @Schema(description = "Open postings weighed")
        int postingsConsidered,
        @Schema(description = "Postings the worker may take, openings aside")
        int feasible,
        @Schema(description = "Of those, postings with an opening left")
        int feasibleWithOpenings,
        @Schema(description = "Of those with an opening left, postings whose openings are kept for workers still expected:"
                + " learned from the campaign so far, they would gain more from it than this worker")
        int keptForOthers,
        @Schema(description = "How many postings each hard constraint ruled out (a posting can break several)")
        List<RuledOut> ruledOut,
        @Schema(description = "The best postings still open to the worker, with their scores")
        List<Option> bestOptions) {

    public record Matched(String matchId, String jobId, double score, List<ScoreComponent> breakdown,
            Instant expiresAt) {
    }

    public record RuledOut(HardConstraint constraint, int postings, String reasonZh, String reasonEn) {
    }

    public record Option(String jobId, double score, List<ScoreComponent> breakdown,
            @Schema(description = "Whether the posting's openings are kept for workers still expected") boolean keptForOthers) {
    }

    static Explanation of(Candidate c, MatchState state, MatchRules rules, OnlineMatcher online, Instant now) {
        Matched matched = null;
        if (c.state() == Candidate.State.OFFERED && c.offer() != null) {
            Candidate.Offer o = c.offer();
            matched = new Matched(o.matchId(), o.jobId(), o.score(), o.breakdown(), o.expiresAt());
        } else if (c.state() == Candidate.State.PLACED && c.placement() != null) {
            Candidate.Placement p = c.placement();
            matched = new Matched(p.matchId(), p.jobId(), p.score(), p.breakdown(), null);
        }
        WorkerView w = c.view();
        Map<HardConstraint, Integer> counts = new EnumMap<>(HardConstraint.class);
        int considered = 0;
        int feasible = 0;
        int withOpenings = 0;
        int kept = 0;
        record Scored(JobView job, double score, boolean kept) {
        }
        List<Scored> options = new ArrayList<>();
        for (JobBoard.Slot slot : state.board.slots()) {
            JobView job = slot.job();
            considered++;
            List<HardConstraint> broken = rules.violations(w, job);
            broken.forEach(h -> counts.merge(h, 1, Integer::sum));
            if (broken.isEmpty()) {
                feasible++;
                if (slot.remaining() > 0) {
                    withOpenings++;
                    double score = rules.score(w, job, rules.roadKm(w, job), now);
                    boolean keptForOthers = online.keptForOthers(slot, score);
                    if (keptForOthers) {
                        kept++;
                    }
                    options.add(new Scored(job, score, keptForOthers));
                } else {
                    counts.merge(HardConstraint.OPENINGS_LEFT, 1, Integer::sum);
                }
            }
        }
        List<RuledOut> ruledOut = counts.entrySet().stream()
                .map(e -> new RuledOut(e.getKey(), e.getValue(), e.getKey().reasonZh(), e.getKey().reasonEn()))
                .sorted(Comparator.comparingInt(RuledOut::postings).reversed()).toList();
        List<Option> best = options.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(3)
                .map(s -> {
                    MatchRules.Score score = rules.explain(w, s.job(), now);
                    return new Option(s.job().jobId(), score.total(), score.breakdown(), s.kept());
                }).toList();
        return new Explanation(c.workerId(), c.state(), matched, considered, feasible, withOpenings, kept, ruledOut,
                best);
    }
}
