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

    /** How many of the best postings at learned prices are compared for a tie. */
    private static final int TIED_CHOICES = 8;

    private final JobBoard board;
    private final MatchRules rules;
    private final CandidateSearch search;
    /** Learned prices in the batch's integer units (thousandths of a point), indexed like the board's slots. */
    private long[] learnedUnits = new long[0];

    public OnlineMatcher(JobBoard board, MatchRules rules) {
        this.board = board;
        this.rules = rules;
        this.search = new CandidateSearch(board, rules);
    }

    /**
     * The posting to offer, or null if no feasible posting has an opening (or, once prices are learned, none that
     * its price does not keep for the workers still expected); takes nothing from the board.
     */
    public Choice choose(WorkerView w, Instant now) {
        double workerPoints = rules.workerPoints(w, now);
        return learnedUnits.length > 0 ? chooseAtLearnedPrices(w, workerPoints) : chooseAtScarcityPrices(w, workerPoints);
    }

    /**
     * The posting with the most points less its learned price, among every feasible posting with an opening left,
     * and none whose price is more than the pair would score. Not just among the worker's best postings by points:
     * those are the ones everybody wants, and when all of them are priced out of the worker's reach a plainer
     * posting nobody else needs is still the right offer.
     */
    private Choice chooseAtLearnedPrices(WorkerView w, double workerPoints) {
        board.tidy();
        int n = search.violations(w, workerPoints, BatchOptimiser.SCALE, learnedUnits, 0, TIED_CHOICES);
        if (n == 0) {
            return null;
        }
        // At exact prices a worker with alternatives is often indifferent between a contested posting and a plainer
        // one (the price is what makes them equal); the plainer one leaves the contested opening to who needs it.
        int best = 0;
        for (int i = 1; i < n && search.points(i) == search.points(0); i++) {
            if (learnedPrice(search.slot(i)) < learnedPrice(search.slot(best))) {
                best = i;
            }
        }
        JobBoard.Slot slot = search.slot(best);
        double jobPoints = rules.jobPoints(w, slot.job(), rules.roadKm(w, slot.job()));
        return new Choice(slot, jobPoints, jobPoints + workerPoints);
    }

    /**
     * Whether an opening of this posting is kept from a worker whose pair would score {@code score}: the workers still
     * expected are learned to gain more from it.
     */
    public boolean keptForOthers(JobBoard.Slot slot, double score) {
        return learnedUnits.length > 0 && Math.round(score * BatchOptimiser.SCALE) <= learnedPrice(slot);
    }

    /**
     * After {@link #choose} found nothing: whether a feasible posting had an opening that its learned price kept from
     * this worker, so that the worker may be offered it once the prices change.
     */
    public boolean keptFromAnOpening(WorkerView w) {
        return learnedUnits.length > 0 && search.search(w, 1) > 0;
    }

    private long learnedPrice(JobBoard.Slot slot) {
        return slot.index < learnedUnits.length ? learnedUnits[slot.index] : 0;
    }

    private Choice chooseAtScarcityPrices(WorkerView w, double workerPoints) {
        int n = search.search(w, rules.settings().candidatesPerWorker());
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double value = search.points(i) - price(search.slot(i));
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
        if (prices == null) {
            learnedUnits = new long[0];
            return;
        }
        long[] units = new long[prices.length];
        for (int s = 0; s < prices.length; s++) {
            units[s] = Math.round(prices[s] * BatchOptimiser.SCALE);
        }
        learnedUnits = units;
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
