package org.chunfeng.jobs.match;

import java.time.Duration;
import org.chunfeng.jobs.matching.BatchWarmUp;
import org.chunfeng.jobs.matching.MatchingSettings;
import org.chunfeng.jobs.matching.Weights;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chunfeng.matching.*}: how matching weighs and decides. The weights are points per criterion (see
 * {@link Weights}); the rest:
 *
 * @param localCommuteKm a site within this many road km of home is local (no bus; no travel fitness needed)
 * @param roadFactor road km per great-circle km
 * @param candidatesPerWorker the best feasible postings each worker is weighed against online before prices are
 *        learned, and the arcs per worker of the flow prices are learned from
 * @param batchArcsPerWorker the best feasible postings per worker a batch starts from (it adds what its optimality
 *        check finds missing, so this changes how long a batch takes, not its result)
 * @param scarcityPrice points an opening costs online when its posting is nearly full (0: plain greedy)
 * @param scarcityStart the share of a posting's openings taken before its price starts to rise
 * @param offerTtl how long an offer holds its opening before it expires (72 h)
 * @param batchOpenings a new posting with at least this many openings is matched as a batch over all waiting workers
 * @param batchWorkers at least this many workers waiting to be matched at once are matched as a batch
 * @param expiryInterval how often offers past their time are expired
 * @param recoveryInterval how often half-finished reservations (a crash between two writes) are settled
 * @param recoveryGrace how old a reservation in flight must be before recovery settles it
 * @param priceInterval how often online prices are learned again from the optimum over recent registrations (0: never)
 * @param priceSample how many of the latest registrations that optimum covers
 * @param expectedWorkers the campaign's headcount from the door-to-door checks, so prices know how many workers are
 *        still to come; 0 when unknown (then as many again as the sample are expected)
 * @param warmUpBatches batches over generated workers solved at start-up, before any real one, so that the JVM has
 *        compiled the batch's code by the time a labour office needs it (3; 0: none)
 * @param warmUpWorkers the generated workers of each such batch (10,000)
 */
@ConfigurationProperties("chunfeng.matching")
public record MatchingProperties(WeightProperties weights, Double localCommuteKm, Double roadFactor, Integer candidatesPerWorker,
        Double scarcityPrice, Double scarcityStart, Duration offerTtl, Integer batchOpenings, Integer batchWorkers,
        Duration expiryInterval, Duration recoveryInterval, Duration recoveryGrace, Duration priceInterval,
        Integer priceSample, Integer expectedWorkers, Integer batchArcsPerWorker, Integer warmUpBatches,
        Integer warmUpWorkers) {

    public MatchingProperties {
        MatchingSettings d = MatchingSettings.DEFAULT;
        weights = weights == null ? new WeightProperties(null, null, null, null, null) : weights;
        localCommuteKm = localCommuteKm == null ? d.localCommuteKm() : localCommuteKm;
        roadFactor = roadFactor == null ? d.roadFactor() : roadFactor;
        candidatesPerWorker = candidatesPerWorker == null ? d.candidatesPerWorker() : candidatesPerWorker;
        scarcityPrice = scarcityPrice == null ? d.scarcityPrice() : scarcityPrice;
        scarcityStart = scarcityStart == null ? d.scarcityStart() : scarcityStart;
        offerTtl = offerTtl == null ? Duration.ofHours(72) : offerTtl;
        batchOpenings = batchOpenings == null ? 1000 : batchOpenings;
        batchWorkers = batchWorkers == null ? 200 : batchWorkers;
        expiryInterval = expiryInterval == null ? Duration.ofSeconds(30) : expiryInterval;
        recoveryInterval = recoveryInterval == null ? Duration.ofMinutes(1) : recoveryInterval;
        recoveryGrace = recoveryGrace == null ? Duration.ofMinutes(2) : recoveryGrace;
        priceInterval = priceInterval == null ? Duration.ofMinutes(1) : priceInterval;
        priceSample = priceSample == null ? 20_000 : priceSample;
        expectedWorkers = expectedWorkers == null ? 0 : expectedWorkers;
        batchArcsPerWorker = batchArcsPerWorker == null ? d.batchArcsPerWorker() : batchArcsPerWorker;
        warmUpBatches = warmUpBatches == null ? BatchWarmUp.BATCHES : warmUpBatches;
        warmUpWorkers = warmUpWorkers == null ? BatchWarmUp.WORKERS : warmUpWorkers;
        if (warmUpBatches < 0 || warmUpWorkers < 1) {
            throw new IllegalArgumentException("chunfeng.matching.warm-up-batches must be 0 or more and "
                    + "chunfeng.matching.warm-up-workers 1 or more; got " + warmUpBatches + " and " + warmUpWorkers);
        }
    }

    public MatchingSettings settings() {
        return new MatchingSettings(weights.toWeights(), localCommuteKm, roadFactor, candidatesPerWorker, scarcityPrice,
                scarcityStart, batchArcsPerWorker);
    }

    /** {@code chunfeng.matching.weights.*}: each one left out keeps its default. */
    public record WeightProperties(Double skill, Double distance, Double wage, Double priority, Double waiting) {
        Weights toWeights() {
            Weights d = Weights.DEFAULT;
            return new Weights(skill == null ? d.skill() : skill, distance == null ? d.distance() : distance,
                    wage == null ? d.wage() : wage, priority == null ? d.priority() : priority,
                    waiting == null ? d.waiting() : waiting);
        }
    }
}
