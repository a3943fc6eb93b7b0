package org.chunfeng.jobs.matching;

/**
 * The tunable parts of matching.
 *
 * @param localCommuteKm a job is local when the road distance from home is at most this (default 30 km)
 * @param roadFactor road kilometres per great-circle kilometre until a routing engine is plugged in (default 1.3)
 * @param candidatesPerWorker how many best feasible postings each worker is weighed against (the batch's arcs)
 * @param scarcityPrice how many points an opening costs when its posting is nearly full: online matching steers
 *        workers who have other good choices away from postings about to run out, so the workers who have few
 *        choices still find an opening (0 turns it off, giving plain greedy)
 * @param scarcityStart the share of a posting's openings taken before its price starts to rise
 * @param batchArcsPerWorker how many best feasible postings per worker a batch starts from; the batch adds the pairs
 *        its optimality check finds missing, so this trades solver time per round against rounds, never the optimum
 */
public record MatchingSettings(Weights weights, double localCommuteKm, double roadFactor, int candidatesPerWorker,
        double scarcityPrice, double scarcityStart, int batchArcsPerWorker) {

    public static final MatchingSettings DEFAULT = new MatchingSettings(Weights.DEFAULT, 30, 1.3, 50, 8, 0.5, 20);

    public MatchingSettings(Weights weights, double localCommuteKm, double roadFactor, int candidatesPerWorker,
            double scarcityPrice, double scarcityStart) {
        this(weights, localCommuteKm, roadFactor, candidatesPerWorker, scarcityPrice, scarcityStart,
                DEFAULT.batchArcsPerWorker());
    }

    public MatchingSettings {
        if (weights == null) {
            weights = Weights.DEFAULT;
        }
        if (localCommuteKm <= 0 || roadFactor < 1 || candidatesPerWorker < 1 || batchArcsPerWorker < 1) {
            throw new IllegalArgumentException("Commute must be positive, road factor at least 1, candidates at least 1");
        }
        if (scarcityPrice < 0 || scarcityStart < 0 || scarcityStart >= 1) {
            throw new IllegalArgumentException("Scarcity price must be at least 0 and its start in [0, 1)");
        }
    }

    public MatchingSettings withScarcity(double price, double start) {
        return new MatchingSettings(weights, localCommuteKm, roadFactor, candidatesPerWorker, price, start,
                batchArcsPerWorker);
    }

    public MatchingSettings withCandidatesPerWorker(int k) {
        return new MatchingSettings(weights, localCommuteKm, roadFactor, k, scarcityPrice, scarcityStart,
                batchArcsPerWorker);
    }

    public MatchingSettings withBatchArcsPerWorker(int k) {
        return new MatchingSettings(weights, localCommuteKm, roadFactor, candidatesPerWorker, scarcityPrice,
                scarcityStart, k);
    }
}
