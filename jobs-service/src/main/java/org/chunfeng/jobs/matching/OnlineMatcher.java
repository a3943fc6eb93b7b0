package org.chunfeng.jobs.matching;

import java.time.Instant;

/**
 * Matching one worker at a time, as their event arrives: the best feasible posting with an opening left.
 *
 * <p>Plain greedy lets early workers take the last openings of postings that later workers, with fewer choices,
 * needed. So each opening has a price that rises as its posting fills (from {@code scarcityStart} of it taken up to
 * {@code scarcityPrice} points for the last one): a worker with another posting almost as good goes there instead,
 * and the nearly full posting keeps its last openings for someone who has no alternative. The score the worker gets
 * is unchanged; the price only steers the choice. With a price of 0 this is plain greedy.
 *
 * <p>Better still are prices learned from an optimum over the workers seen so far ({@link #learnPrices}): what one
 * more opening of each posting would add for the workers expected to come. Once learned they replace the scarcity
 * price, and an opening worth more to the coming workers than to this one is not offered to this one at all.
 */
public final class OnlineMatcher {

    /** The posting chosen for a worker and the score of the pair. */
    public record Choice(JobBoard.Slot slot, double jobPoints, double score) {
        public JobView job() {
            return slot.job();
        }
    }

    private final JobBoard board;
    private final MatchRules rules;
    private final CandidateSearch search;
    private double[] learned = new double[0];

    public OnlineMatcher(JobBoard board, MatchRules rules) {
        this.board = board;
        this.rules = rules;
        this.search = new CandidateSearch(board, rules);
    }

    /** The posting to offer, or null if no feasible posting has an opening; takes nothing from the board. */
    public Choice choose(WorkerView w, Instant now) {
        int n = search.search(w, rules.settings().candidatesPerWorker());
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double workerPoints = rules.workerPoints(w, now);
        for (int i = 0; i < n; i++) {
            JobBoard.Slot slot = search.slot(i);
            double learnedPrice = slot.index < learned.length ? learned[slot.index] : 0;
            if (learnedPrice > search.points(i) + workerPoints) {
                // The workers still to come are expected to gain more from this opening than this one would.
                continue;
            }
            // Learned prices replace the scarcity rule of thumb once there are any: they know which postings the
            // coming workers need, where the rule of thumb only knows which are nearly full.
            double value = search.points(i) - (learned.length > 0 ? learnedPrice : price(slot));
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        double jobPoints = search.points(best);
        return new Choice(search.slot(best), jobPoints, jobPoints + workerPoints);
    }

    /** Chooses and takes the opening on the board; null if none. */
    public Choice assign(WorkerView w, Instant now) {
        Choice choice = choose(w, now);
        if (choice != null && !board.take(choice.job().jobId())) {
            return null;
        }
        return choice;
    }

    /**
     * Prices learned from an optimum over the workers seen so far (see {@link BatchOptimiser#prices}), indexed like the
     * board's slots: what one opening of each posting is worth to the workers expected to come.
     */
    public void learnPrices(double[] prices) {
        this.learned = prices == null ? new double[0] : prices.clone();
    }

    /** What the next opening of this posting costs, in score points. */
    double price(JobBoard.Slot slot) {
        MatchingSettings s = rules.settings();
        if (s.scarcityPrice() == 0 || slot.openings <= 0) {
            return 0;
        }
        double fill = (slot.taken + 1) / (double) slot.openings;
        double over = (fill - s.scarcityStart()) / (1 - s.scarcityStart());
        return over <= 0 ? 0 : s.scarcityPrice() * Math.min(1, over);
    }
}
