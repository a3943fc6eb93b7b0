package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Makes demonstration campaigns shaped like the Chengjiaji Town spring offensive of the seed text: one town of twenty
 * villages; at size 1, 2,000 workers, most of poor, unstable or marginal households; 600 postings with more than
 * 60,000 openings plus 50 public-welfare posts; 40 coaches at the county depot. A size factor multiplies the people,
 * the jobs and the coaches (×10 and ×100 serve the benchmarks); the town and the destination cities stay the same.
 *
 * <p>Deterministic: the same seed and size give an equal campaign, on any machine.
 */
public final class CampaignGenerator {

    /** The day the labour office registers the campaign's workers; workers' ages are counted on it. */
    public static final LocalDate REGISTRATION_DATE = LocalDate.of(2026, 2, 1);

    public static final int WORKERS_PER_SIZE = 2_000;
    /** Beyond this a campaign would no longer fit a test JVM's heap. */
    public static final int MAX_SIZE_FACTOR = 200;

    private CampaignGenerator() {
    }

    public static DemoCampaign generate(long seed, int sizeFactor) {
        if (sizeFactor < 1 || sizeFactor > MAX_SIZE_FACTOR) {
            throw new IllegalArgumentException(
                    "The size factor is between 1 and " + MAX_SIZE_FACTOR + ", not " + sizeFactor);
        }
        SplittableRandom random = new SplittableRandom(seed);
        // One stream per part, split in a fixed order.
        SplittableRandom people = random.split();
        SplittableRandom jobs = random.split();
        SplittableRandom coaches = random.split();

        DemoTown town = Geography.town();
        Phones phones = new Phones();
        Workforce workforce = new Workforce(people, town, new IdNumbers(), phones);
        workforce.register(WORKERS_PER_SIZE * sizeFactor);
        JobMarket market = new JobMarket(jobs, town, phones);
        market.post(sizeFactor);
        Fleet fleet = new Fleet(coaches, phones);
        fleet.register(Fleet.BUSES * sizeFactor);

        return new DemoCampaign(seed, sizeFactor, town, Geography.COUNTY_DEPOT, Geography.CITIES,
                workforce.households(), workforce.workers(), market.employers(), market.postings(), fleet.buses());
    }
}
