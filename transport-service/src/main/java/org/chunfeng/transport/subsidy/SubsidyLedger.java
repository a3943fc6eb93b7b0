package org.chunfeng.transport.subsidy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The fare subsidies paid, one per placement at most, with totals counted from the entries themselves. */
@Component
public class SubsidyLedger {

    public static final String COLLECTION = "subsidies";

    public record Total(String key, int riders, BigDecimal amountYuan) {
    }

    public record Totals(int riders, BigDecimal amountYuan, List<Total> byTown, List<Total> byDate) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Tariff tariff;

    SubsidyLedger(MongoTemplate mongo, Clock clock, Tariff tariff) {
        this.mongo = mongo;
        this.clock = clock;
        this.tariff = tariff;
    }

    /** Records the subsidy, or returns the one already recorded for this placement. */
    public SubsidyRecord grant(String placementId, String workerId, String town, LocalDate travelDate,
            double distanceKm, String reasonCode, String reason) {
        SubsidyRecord entry = new SubsidyRecord(placementId, "sub-" + UUID.randomUUID(), workerId, town, travelDate,
                tariff.amountFor(distanceKm), Math.round(distanceKm * 10) / 10.0, reasonCode, reason, clock.instant());
        try {
            mongo.insert(entry, COLLECTION);
            return entry;
        } catch (DuplicateKeyException e) {
            return find(placementId).orElseThrow();
        }
    }

    public Optional<SubsidyRecord> find(String placementId) {
        return Optional.ofNullable(mongo.findById(placementId, SubsidyRecord.class, COLLECTION));
    }

    public List<SubsidyRecord> list(LocalDate date, String town) {
        Criteria criteria = new Criteria();
        if (date != null) {
            criteria = criteria.and("travelDate").is(date);
        }
        if (town != null && !town.isBlank()) {
            criteria = criteria.and("town").is(town);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("travelDate", "town", "workerId")), SubsidyRecord.class,
                COLLECTION);
    }

    public static Totals totals(List<SubsidyRecord> entries) {
        Map<String, Total> byTown = new TreeMap<>();
        Map<String, Total> byDate = new TreeMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (SubsidyRecord e : entries) {
            add(byTown, e.town() == null ? "" : e.town(), e.amountYuan());
            add(byDate, String.valueOf(e.travelDate()), e.amountYuan());
            sum = sum.add(e.amountYuan());
        }
        return new Totals(entries.size(), sum, List.copyOf(byTown.values()), List.copyOf(byDate.values()));
    }

    private static void add(Map<String, Total> totals, String key, BigDecimal amount) {
        totals.merge(key, new Total(key, 1, amount),
                (a, b) -> new Total(key, a.riders() + b.riders(), a.amountYuan().add(b.amountYuan())));
    }

    public List<SubsidyRecord> byWorker(String workerId) {
        return mongo.find(query(where("workerId").is(workerId)), SubsidyRecord.class, COLLECTION);
    }
}
