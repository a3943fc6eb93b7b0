package org.chunfeng.devstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A smaller campaign cut from a generated one, for tests that drive the whole system and must stay quick: an even
 * spread of its workers (every n-th, so every village and kind of household stays in), the same share of its
 * postings of each kind and of its buses, and the households and employers they name.
 */
public final class CampaignSample {

    private CampaignSample() {
    }

    /** About {@code workers} workers of the campaign (never fewer), with postings and buses in proportion. */
    public static DemoCampaign of(DemoCampaign campaign, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("A sample needs at least one worker, not " + workers);
        }
        if (workers >= campaign.workers().size()) {
            return campaign;
        }
        double share = (double) workers / campaign.workers().size();
        List<DemoWorker> sampledWorkers = spread(campaign.workers(), workers);
        List<DemoPosting> postings = new ArrayList<>();
        campaign.postings().stream().collect(Collectors.groupingBy(DemoPosting::employerKind))
                .forEach((kind, ofKind) -> postings.addAll(spread(ofKind, (int) Math.ceil(ofKind.size() * share))));
        postings.sort((a, b) -> a.postingRef().compareTo(b.postingRef()));
        List<DemoBus> buses = spread(campaign.buses(), Math.max(2, (int) Math.ceil(campaign.buses().size() * share)));
        Set<String> households = names(sampledWorkers, DemoWorker::householdId);
        Set<String> employers = names(postings, DemoPosting::employerRef);
        return new DemoCampaign(campaign.seed(), campaign.sizeFactor(), campaign.town(), campaign.countyDepot(),
                campaign.cities(),
                campaign.households().stream().filter(h -> households.contains(h.householdId())).toList(),
                sampledWorkers,
                campaign.employers().stream().filter(e -> employers.contains(e.employerRef())).toList(),
                postings, buses);
    }

    /** {@code count} items taken at even steps through the list, the first one included. */
    static <T> List<T> spread(List<T> all, int count) {
        if (count >= all.size()) {
            return List.copyOf(all);
        }
        List<T> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(all.get((int) ((long) i * all.size() / count)));
        }
        return picked;
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }
}
