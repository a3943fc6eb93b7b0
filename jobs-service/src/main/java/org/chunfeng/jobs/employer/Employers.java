package org.chunfeng.jobs.employer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.jobs.posting.PostingDocs;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class Employers {

    static final String COLLECTION = "employers";

    private final MongoTemplate mongo;
    private final Clock clock;

    Employers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private MongoCollection<Document> employers() {
        return mongo.getCollection(COLLECTION);
    }

    public Employer register(EmployerForm form) {
        if (form.kind() == EmployerKind.PUBLIC_WELFARE && (form.town() == null || form.town().isBlank())) {
            throw new InvalidInputException("town", "is required for a public-welfare programme, which serves one town");
        }
        String id = "emp-" + UUID.randomUUID();
        Place location = form.location() == null ? null : form.location().toPlace("site-" + id);
        Employer employer = new Employer(id, form.name().trim(), form.kind(), form.contactName(), form.contactPhone(),
                form.town(), location, clock.instant());
        employers().insertOne(new Document("_id", id).append("name", employer.name())
                .append("kind", employer.kind().name()).append("contactName", employer.contactName())
                .append("contactPhone", employer.contactPhone()).append("town", employer.town())
                .append("location", PostingDocs.place(location)).append("createdAt", Date.from(employer.createdAt())));
        return employer;
    }

    public Optional<Employer> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(employers().find(Filters.eq("_id", id)).first()).map(Employers::employer);
    }

    /** The employers of these ids that exist, by id, in one query (an import's batch names few employers). */
    public Map<String, Employer> findAll(Collection<String> ids) {
        Map<String, Employer> found = new HashMap<>();
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            employers().find(Filters.in("_id", wanted)).forEach(d -> {
                Employer e = employer(d);
                found.put(e.id(), e);
            });
        }
        return found;
    }

    public List<Employer> list(EmployerKind kind) {
        List<Employer> result = new ArrayList<>();
        employers().find(kind == null ? new Document() : Filters.eq("kind", kind.name())).sort(Sorts.ascending("name"))
                .forEach(d -> result.add(employer(d)));
        return result;
    }

    private static Employer employer(Document d) {
        Date created = d.getDate("createdAt");
        return new Employer(d.getString("_id"), d.getString("name"), EmployerKind.valueOf(d.getString("kind")),
                d.getString("contactName"), d.getString("contactPhone"), d.getString("town"),
                PostingDocs.place(d.get("location", Document.class)), created == null ? null : created.toInstant());
    }
}
