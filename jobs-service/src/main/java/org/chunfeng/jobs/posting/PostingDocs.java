package org.chunfeng.jobs.posting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/** How a posting is stored: plain fields, dates as ISO text, times as BSON dates, enums by name. */
public final class PostingDocs {

    private PostingDocs() {
    }

    /** Every stored field of the posting except the ledger's ({@code version}, {@code journal}) and the outbox. */
    public static Document fields(Posting p) {
        return new Document("employerId", p.employerId()).append("employerName", p.employerName())
                .append("employerKind", p.employerKind().name()).append("title", p.title())
                .append("category", p.category().name())
                .append("requiredSkills", p.requiredSkills().stream().map(Enum::name).toList())
                .append("openings", p.openings()).append("site", place(p.site()))
                .append("monthlyWage", p.monthlyWage()).append("startDate", p.startDate().toString())
                .append("accommodation", p.accommodation()).append("minAge", p.minAge()).append("maxAge", p.maxAge())
                .append("suitableFor", p.suitableFor().stream().map(Enum::name).toList())
                .append("publicWelfareTown", p.publicWelfareTown())
                .append("postedAt", Date.from(p.postedAt())).append("updatedAt", Date.from(p.updatedAt()));
    }

    public static Posting posting(Document d) {
        return new Posting(d.getString("_id"), d.getString("employerId"), d.getString("employerName"),
                EmployerKind.valueOf(d.getString("employerKind")), d.getString("title"),
                Skill.valueOf(d.getString("category")), enums(d, "requiredSkills", Skill.class),
                d.getInteger("openings", 0), d.getInteger("reserved", 0), d.getInteger("filled", 0),
                place(d.get("site", Document.class)), d.getInteger("monthlyWage", 0),
                LocalDate.parse(d.getString("startDate")), d.getBoolean("accommodation", false),
                d.getInteger("minAge", 0), d.getInteger("maxAge", 0), enums(d, "suitableFor", SpecialGroup.class),
                d.getString("publicWelfareTown"), JobStatus.valueOf(d.getString("status")), instant(d, "postedAt"),
                instant(d, "updatedAt"));
    }

    public static Document place(Place p) {
        if (p == null) {
            return null;
        }
        Document d = new Document("id", p.id()).append("name", p.name()).append("city", p.city());
        if (p.location() != null) {
            d.append("location", new Document("lat", p.location().lat()).append("lon", p.location().lon()));
        }
        return d;
    }

    public static Place place(Document d) {
        if (d == null) {
            return null;
        }
        Document at = d.get("location", Document.class);
        GeoPoint location = at == null ? null
                : new GeoPoint(((Number) at.get("lat")).doubleValue(), ((Number) at.get("lon")).doubleValue());
        return new Place(d.getString("id"), d.getString("name"), d.getString("city"), location);
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static <E extends Enum<E>> List<E> enums(Document d, String field, Class<E> type) {
        return d.getList(field, String.class, List.of()).stream().map(v -> Enum.valueOf(type, v)).toList();
    }
}
