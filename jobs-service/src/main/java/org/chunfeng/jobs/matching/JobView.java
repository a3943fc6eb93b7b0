package org.chunfeng.jobs.matching;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/**
 * What matching knows of a posting. {@code publicWelfareTown} is set for public-welfare posts: only poor and unstable
 * households of that town may take them. {@code maxAge} 0 means no upper limit.
 */
public final class JobView {

    private final String jobId;
    private final EmployerKind employerKind;
    private final Skill category;
    private final Set<Skill> requiredSkills;
    private final String city;
    private final GeoPoint site;
    private final int monthlyWage;
    private final LocalDate startDate;
    private final int minAge;
    private final int maxAge;
    private final Set<SpecialGroup> suitableFor;
    private final String publicWelfareTown;

    final int suitableMask;
    final long startDay;
    final Skill[] skills;
    /** A bit for each of {@link #skills} by ordinal, and {@link #GENERAL_LABOUR_CATEGORY}. */
    final long skillBits;

    /**
     * The constraints that need no distance, packed as the board's lists and facts keep them (see
     * {@link MatchRules#outsideAgeStartOrGroups(WorkerView, long)}): start day in the high half (a day past the int
     * range is as good as none), then minimum and maximum age in 12 bits each (16 to 100 by validation) and the
     * suitable groups in 8.
     */
    final long reach;
    /** The cosine of the site's latitude, as distances take it ({@link GeoPoint#cosLat}); NaN without a site. */
    final double siteCosLat;

    /** In {@link #skillBits}: the posting's category is general labour, which anyone may take. */
    static final long GENERAL_LABOUR_CATEGORY = 1L << 63;

    static {
        if (Skill.values().length >= 63 || SpecialGroup.values().length > 8) {
            throw new IllegalStateException("A posting's skills and groups no longer fit the bits kept for them");
        }
    }

    public JobView(String jobId, EmployerKind employerKind, Skill category, Collection<Skill> requiredSkills,
            String city, GeoPoint site, int monthlyWage, LocalDate startDate, int minAge, int maxAge,
            Collection<SpecialGroup> suitableFor, String publicWelfareTown) {
        this.jobId = jobId;
        this.employerKind = employerKind;
        this.category = category == null ? Skill.GENERAL_LABOUR : category;
        EnumSet<Skill> all = EnumSet.of(this.category);
        if (requiredSkills != null) {
            all.addAll(requiredSkills);
        }
        this.requiredSkills = requiredSkills == null || requiredSkills.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(requiredSkills));
        this.city = city;
        this.site = site;
        this.monthlyWage = monthlyWage;
        this.startDate = startDate;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.suitableFor = suitableFor == null || suitableFor.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(suitableFor));
        this.publicWelfareTown = publicWelfareTown == null || publicWelfareTown.isBlank() ? null : publicWelfareTown;
        this.suitableMask = SpecialGroups.mask(this.suitableFor);
        this.startDay = startDate == null ? Long.MAX_VALUE : startDate.toEpochDay();
        this.skills = all.toArray(Skill[]::new);
        long bits = this.category == Skill.GENERAL_LABOUR ? GENERAL_LABOUR_CATEGORY : 0;
        for (Skill s : skills) {
            bits |= 1L << s.ordinal();
        }
        this.skillBits = bits;
        this.reach = Math.min(startDay, Integer.MAX_VALUE) << 32 | (long) (Math.min(minAge, 0xfff) & 0xfff) << 20
                | (long) (Math.min(maxAge, 0xfff) & 0xfff) << 8 | suitableMask & 0xff;
        this.siteCosLat = site == null ? Double.NaN : GeoPoint.cosLat(site.lat());
    }

    public boolean publicWelfare() {
        return publicWelfareTown != null || employerKind == EmployerKind.PUBLIC_WELFARE;
    }

    /** Every skill the job asks for: its category and the required skills. */
    public Skill[] skills() {
        return skills.clone();
    }

    public String jobId() {
        return jobId;
    }

    public EmployerKind employerKind() {
        return employerKind;
    }

    public Skill category() {
        return category;
    }

    public Set<Skill> requiredSkills() {
        return requiredSkills;
    }

    public String city() {
        return city;
    }

    public GeoPoint site() {
        return site;
    }

    public int monthlyWage() {
        return monthlyWage;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public int minAge() {
        return minAge;
    }

    public int maxAge() {
        return maxAge;
    }

    public Set<SpecialGroup> suitableFor() {
        return suitableFor;
    }

    public String publicWelfareTown() {
        return publicWelfareTown;
    }

    @Override
    public String toString() {
        return "JobView[" + jobId + "]";
    }
}
