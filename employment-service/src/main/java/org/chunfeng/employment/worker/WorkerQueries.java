package org.chunfeng.employment.worker;

import java.util.List;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SpecialGroup;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Lists of workers by place, status and household standing, page by page. */
@Component
public class WorkerQueries {

    /** The longest name part a search takes: longer than any name, and it bounds the pattern the database runs. */
    public static final int MAX_NAME_SEARCH = 50;

    /**
     * Filters a list or a drill-down may combine; null means any. {@code name} is a part of the worker's name,
     * matched anywhere in it, Latin letters in either case.
     */
    public record Filter(String town, String village, List<WorkerStatus> statuses, PovertyStatus povertyStatus,
            SpecialGroup specialGroup, String householdId, String name) {

        public Filter(String town, String village, List<WorkerStatus> statuses, PovertyStatus povertyStatus,
                SpecialGroup specialGroup, String householdId) {
            this(town, village, statuses, povertyStatus, specialGroup, householdId, null);
        }

        public static Filter of(String town, String village, WorkerStatus status, PovertyStatus povertyStatus) {
            return new Filter(town, village, status == null ? null : List.of(status), povertyStatus, null, null);
        }

        public Filter withName(String part) {
            return new Filter(town, village, statuses, povertyStatus, specialGroup, householdId, part);
        }

        Criteria criteria() {
            Criteria c = new Criteria();
            if (town != null && !town.isBlank()) {
                c = c.and("town").is(town);
            }
            if (village != null && !village.isBlank()) {
                c = c.and("village").is(village);
            }
            if (statuses != null) {
                c = statuses.size() == 1 ? c.and("status").is(statuses.get(0).name())
                        : c.and("status").in(statuses.stream().map(Enum::name).toList());
            }
            if (povertyStatus != null) {
                c = c.and("povertyStatus").is(povertyStatus.name());
            }
            if (specialGroup != null) {
                c = c.and("specialGroups").is(specialGroup.name());
            }
            if (householdId != null) {
                c = c.and("householdId").is(householdId);
            }
            if (name != null && !name.isBlank()) {
                // No index serves "contains": the wire server scans every worker anyway, a real MongoDB scans the
                // index. The other filters narrow the scan; a county's workers are a few thousand.
                c = c.and("name").regex(NameSearch.pattern(name), "i");
            }
            return c;
        }
    }

    private final MongoTemplate mongo;
    private final WorkerRepository workers;

    public WorkerQueries(MongoTemplate mongo, WorkerRepository workers) {
        this.mongo = mongo;
        this.workers = workers;
    }

    /** Newest registrations first. */
    public PageOf<Worker> page(Filter filter, int page, int size) {
        PageOf.check(page, size);
        Query query = Query.query(filter.criteria());
        long total = mongo.count(query, WorkerRepository.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.asc("_id"))).skip((long) page * size)
                .limit(size);
        query.fields().exclude("outbox").exclude("history");
        List<Worker> items = mongo.find(query, org.bson.Document.class, WorkerRepository.COLLECTION).stream()
                .map(workers::read).toList();
        return new PageOf<>(items, page, size, total);
    }

    public long count(Filter filter) {
        return mongo.count(Query.query(filter.criteria()), WorkerRepository.COLLECTION);
    }

    public List<Worker> all(Filter filter) {
        Query query = Query.query(filter.criteria());
        query.fields().exclude("outbox").exclude("history");
        return mongo.find(query, org.bson.Document.class, WorkerRepository.COLLECTION).stream()
                .map(workers::read).toList();
    }
}
