package org.chunfeng.employment.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.employment.monitoring.FunnelStage.Funnel;
import org.chunfeng.employment.worker.PageOf;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerQueries;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.employment.worker.WorkerStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The campaign dashboard, counted from the worker records every time (no figure is stored or typed in), so each
 * one can be drilled down to the workers behind it with the same filter.
 */
@Service
public class Monitoring {

    public record Summary(String town, String village, Funnel total, List<TownFigures> byTown,
            List<VillageFigures> byVillage, List<PovertyFigures> byPovertyStatus, List<GroupFigures> specialGroups,
            Instant computedAt) {
    }

    public record TownFigures(String town, Funnel funnel) {
    }

    public record VillageFigures(String town, String village, Funnel funnel) {
    }

    public record PovertyFigures(PovertyStatus povertyStatus, Funnel funnel) {
    }

    public record GroupFigures(SpecialGroup specialGroup, Funnel funnel) {
    }

    private final MongoTemplate mongo;
    private final WorkerQueries queries;
    private final Clock clock;

    public Monitoring(MongoTemplate mongo, WorkerQueries queries, Clock clock) {
        this.mongo = mongo;
        this.queries = queries;
        this.clock = clock;
    }

    public Summary summary(String town, String village) {
        Document match = match(town, village);
        Map<String, Map<WorkerStatus, Long>> byTown = new TreeMap<>();
        Map<String, Map<WorkerStatus, Long>> byVillage = new TreeMap<>();
        Map<PovertyStatus, Map<WorkerStatus, Long>> byPoverty = new EnumMap<>(PovertyStatus.class);
        Map<WorkerStatus, Long> total = new EnumMap<>(WorkerStatus.class);
        List<Document> pipeline = List.of(new Document("$match", match), new Document("$group",
                new Document("_id", new Document("town", "$town").append("village", "$village")
                        .append("povertyStatus", "$povertyStatus").append("status", "$status"))
                        .append("n", new Document("$sum", 1))));
        for (Document d : mongo.getCollection(WorkerRepository.COLLECTION).aggregate(pipeline)) {
            Document key = d.get("_id", Document.class);
            WorkerStatus status = WorkerStatus.valueOf(key.getString("status"));
            long n = ((Number) d.get("n")).longValue();
            add(total, status, n);
            add(byTown.computeIfAbsent(key.getString("town"), t -> new EnumMap<>(WorkerStatus.class)), status, n);
            add(byVillage.computeIfAbsent(key.getString("town") + "\u001f" + key.getString("village"),
                    v -> new EnumMap<>(WorkerStatus.class)), status, n);
            add(byPoverty.computeIfAbsent(PovertyStatus.valueOf(key.getString("povertyStatus")),
                    p -> new EnumMap<>(WorkerStatus.class)), status, n);
        }
        Map<SpecialGroup, Map<WorkerStatus, Long>> byGroup = new EnumMap<>(SpecialGroup.class);
        List<Document> groups = List.of(new Document("$match", match), new Document("$unwind", "$specialGroups"),
                new Document("$group", new Document("_id", new Document("group", "$specialGroups")
                        .append("status", "$status")).append("n", new Document("$sum", 1))));
        for (Document d : mongo.getCollection(WorkerRepository.COLLECTION).aggregate(groups)) {
            Document key = d.get("_id", Document.class);
            add(byGroup.computeIfAbsent(SpecialGroup.valueOf(key.getString("group")),
                    g -> new EnumMap<>(WorkerStatus.class)), WorkerStatus.valueOf(key.getString("status")),
                    ((Number) d.get("n")).longValue());
        }
        List<VillageFigures> villages = new ArrayList<>();
        byVillage.forEach((k, v) -> {
            String[] parts = k.split("\u001f", 2);
            villages.add(new VillageFigures(parts[0], parts[1], FunnelStage.funnel(v)));
        });
        return new Summary(town, village, FunnelStage.funnel(total),
                byTown.entrySet().stream().map(e -> new TownFigures(e.getKey(), FunnelStage.funnel(e.getValue())))
                        .toList(),
                villages,
                byPoverty.entrySet().stream()
                        .map(e -> new PovertyFigures(e.getKey(), FunnelStage.funnel(e.getValue()))).toList(),
                byGroup.entrySet().stream()
                        .map(e -> new GroupFigures(e.getKey(), FunnelStage.funnel(e.getValue()))).toList(),
                clock.instant());
    }

    /** The workers behind one figure of the summary: the same stage and filters give the same count. */
    public PageOf<Worker> drill(FunnelStage stage, String town, String village, PovertyStatus povertyStatus,
            SpecialGroup specialGroup, int page, int size) {
        return queries.page(new WorkerQueries.Filter(town, village, stage.statuses(), povertyStatus, specialGroup,
                null), page, size);
    }

    public PageOf<AtRiskRules.Row> atRisk(int days, String town, String village, int page, int size) {
        PageOf.check(page, size);
        List<AtRiskRules.Row> rows = atRiskRows(days, town, village);
        int from = Math.min(rows.size(), page * size);
        return new PageOf<>(rows.subList(from, Math.min(rows.size(), from + size)), page, size, rows.size());
    }

    /**
     * The county's at-risk list counted by town, for the gauge: every town with workers is there, 0 when nobody in
     * it is at risk. One read of the workers gives both (the rules pass over withdrawn ones).
     */
    public Map<String, Long> atRiskByTown(int days) {
        List<AtRiskRules.Facts> facts = facts(new WorkerQueries.Filter(null, null, null, null, null, null));
        Map<String, Long> counts = new TreeMap<>();
        facts.forEach(f -> counts.put(f.town(), 0L));
        new AtRiskRules(days).evaluate(facts, clock.instant()).forEach(r -> counts.merge(r.town(), 1L, Long::sum));
        return counts;
    }

    private List<AtRiskRules.Row> atRiskRows(int days, String town, String village) {
        List<WorkerStatus> waiting = List.of(WorkerStatus.REGISTERED, WorkerStatus.OFFERED,
                WorkerStatus.INTENT_AGREED, WorkerStatus.TRANSPORT_ARRANGED, WorkerStatus.RETURNED_TO_WORK);
        return new AtRiskRules(days).evaluate(facts(new WorkerQueries.Filter(town, village, waiting, null, null,
                null)), clock.instant());
    }

    private List<AtRiskRules.Facts> facts(WorkerQueries.Filter filter) {
        return queries.all(filter).stream().map(w -> new AtRiskRules.Facts(w.id(), w.name(), w.phoneMasked(),
                w.town(), w.village(), w.householdId(), w.povertyStatus(), w.status(), w.registeredAt(),
                w.declinedOffers(), w.hasAcceptedOffer(), w.missedBusOn())).toList();
    }

    private static Document match(String town, String village) {
        Document match = new Document();
        if (town != null && !town.isBlank()) {
            match.append("town", town);
        }
        if (village != null && !village.isBlank()) {
            match.append("village", village);
        }
        return match;
    }

    private static void add(Map<WorkerStatus, Long> counts, WorkerStatus status, long n) {
        counts.merge(status, n, Long::sum);
    }
}
