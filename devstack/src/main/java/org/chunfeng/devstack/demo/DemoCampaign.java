package org.chunfeng.devstack.demo;

import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;

/**
 * A whole demonstration campaign shaped like the Chengjiaji Town spring offensive: the town and its villages, the
 * households and workers the labour office registers, the employers and their job postings, and the buses at the
 * county depot. Plain data for a loader to post through the gateway; {@link CampaignGenerator} makes it.
 */
public record DemoCampaign(
        long seed,
        int sizeFactor,
        DemoTown town,
        Place countyDepot,
        List<DestinationCity> cities,
        List<DemoHousehold> households,
        List<DemoWorker> workers,
        List<DemoEmployer> employers,
        List<DemoPosting> postings,
        List<DemoBus> buses) {

    public DemoCampaign {
        cities = List.copyOf(cities);
        households = List.copyOf(households);
        workers = List.copyOf(workers);
        employers = List.copyOf(employers);
        postings = List.copyOf(postings);
        buses = List.copyOf(buses);
    }

    /** Openings over every posting, public-welfare posts included. */
    public long totalOpenings() {
        return postings.stream().mapToLong(DemoPosting::openings).sum();
    }

    /** The 公益性岗位: reserved for poor and unstable households of the town. */
    public List<DemoPosting> publicWelfarePosts() {
        return postings.stream().filter(p -> p.employerKind() == EmployerKind.PUBLIC_WELFARE).toList();
    }

    /**
     * One line for a terminal, e.g.
     * "2,000 workers of 程家集镇 in 855 households, 650 postings with 63,488 openings, 40 buses".
     */
    public String summary() {
        return String.format("%,d workers of %s in %,d households, %,d postings with %,d openings, %,d buses",
                workers.size(), town.name(), households.size(), postings.size(), totalOpenings(), buses.size());
    }
}
