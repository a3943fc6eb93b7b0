package org.chunfeng.jobs.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Skill;

/**
 * The open postings and how many openings each has left, indexed by the constraints that decide who can take them,
 * so finding a worker's best postings reads a few short lists instead of every posting:
 * <ul>
 * <li>near a place: for each grid cell about one commute wide, the postings in it and its eight neighbours, by skill;</li>
 * <li>away: by city and skill, and by skill alone; each list sorted by wage, highest first.</li>
 * </ul>
 * Not thread-safe: one matching thread owns it. Full postings stay listed (they are skipped) until enough of them
 * pile up to be worth a rebuild.
 */
public final class JobBoard {

    /** A posting on the board: its view, its openings and how many are taken (reserved or filled). */
    public static final class Slot {
        final JobView job;
        final int index;
        int openings;
        int taken;
        boolean listed;
        boolean removed;

        Slot(JobView job, int index, int openings, int taken) {
            this.job = job;
            this.index = index;
            this.openings = openings;
            this.taken = taken;
        }

        public JobView job() {
            return job;
        }

        public int openings() {
            return openings;
        }

        public int taken() {
            return taken;
        }

        public int remaining() {
            return removed ? 0 : Math.max(0, openings - taken);
        }

        /** Where the posting sits in arrays indexed like the board's slots, such as learned prices. */
        public int index() {
            return index;
        }
    }

    private static final Comparator<Slot> BY_WAGE = Comparator.comparingInt((Slot s) -> -s.job.monthlyWage())
            .thenComparing(s -> s.job.jobId());
    private static final double KM_PER_DEGREE = 111.2;

    private final double cellDegrees;
    private final Map<String, Slot> byId = new HashMap<>();
    private final List<Slot> slots = new ArrayList<>();
    /** What scoring needs of each slot's posting, flat; kept in step with the slots. */
    private PostingFacts facts = new PostingFacts();
    private final Map<Long, EnumMap<Skill, WageList>> nearCell = new HashMap<>();
    private final Map<Long, WageList> nearCellAll = new HashMap<>();
    private final Map<String, EnumMap<Skill, WageList>> byCitySkill = new HashMap<>();
    private final Map<String, WageList> byCity = new HashMap<>();
    private final EnumMap<Skill, WageList> bySkill = new EnumMap<>(Skill.class);
    private final WageList all = new WageList();
    private int fullSinceRebuild;
    private boolean rebuildNeeded;
    private long openingsLeft;

    public JobBoard(MatchingSettings settings) {
        // A cell at least one commute (great-circle) wide at 60 degrees north, so the 3x3 block around a worker's cell
        // holds every site within the commute.
        this.cellDegrees = settings.localCommuteKm() / KM_PER_DEGREE / Math.cos(Math.toRadians(60));
    }

    private JobBoard(double cellDegrees) {
        this.cellDegrees = cellDegrees;
    }

    /**
     * A copy of the board as it is now, for work that takes long on another thread (learning prices): the same
     * postings at the same slot indices, with their openings and how many are taken; later changes to either board
     * do not reach the other.
     */
    public JobBoard snapshot() {
        JobBoard copy = new JobBoard(cellDegrees);
        for (Slot s : slots) {
            Slot c = new Slot(s.job, s.index, s.openings, s.taken);
            c.removed = s.removed;
            copy.slots.add(c);
            if (!s.removed && byId.get(s.job.jobId()) == s) {
                copy.byId.put(s.job.jobId(), c);
            }
        }
        copy.facts = facts.copy();
        copy.openingsLeft = openingsLeft;
        copy.rebuildNeeded = true;
        return copy;
    }

    /** Adds a posting, or replaces it when its details or openings changed. */
    public void put(JobView job, int openings, int taken) {
        remove(job.jobId());
        Slot slot = new Slot(job, slots.size(), openings, taken);
        slots.add(slot);
        facts.note(slot);
        byId.put(job.jobId(), slot);
        openingsLeft += slot.remaining();
        if (slot.remaining() > 0) {
            list(slot, false);
        }
    }

    public void remove(String jobId) {
        Slot slot = byId.remove(jobId);
        if (slot != null) {
            openingsLeft -= slot.remaining();
            slot.removed = true;
            facts.noteLeft(slot);
            rebuildNeeded = true;
        }
    }

    public Slot slot(String jobId) {
        return byId.get(jobId);
    }

    public JobView job(String jobId) {
        Slot slot = byId.get(jobId);
        return slot == null ? null : slot.job;
    }

    public int remaining(String jobId) {
        Slot slot = byId.get(jobId);
        return slot == null ? 0 : slot.remaining();
    }

    public Collection<Slot> slots() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** Openings not yet reserved or filled, over every posting on the board. */
    public long openingsLeft() {
        return openingsLeft;
    }

    /** Takes one opening; false if none is left. */
    public boolean take(String jobId) {
        Slot slot = byId.get(jobId);
        if (slot == null || slot.remaining() <= 0) {
            return false;
        }
        slot.taken++;
        facts.noteLeft(slot);
        openingsLeft--;
        if (slot.remaining() == 0) {
            fullSinceRebuild++;
        }
        return true;
    }

    /** Gives an opening back (a declined, expired or withdrawn offer, a cancelled placement). */
    public void release(String jobId) {
        Slot slot = byId.get(jobId);
        if (slot == null || slot.taken == 0) {
            return;
        }
        slot.taken--;
        facts.noteLeft(slot);
        openingsLeft++;
        if (!slot.listed) {
            rebuildNeeded = true;
        }
    }

    /** Sets the count of taken openings, as the ledger recorded it. */
    public void setTaken(String jobId, int taken) {
        Slot slot = byId.get(jobId);
        if (slot == null) {
            return;
        }
        openingsLeft -= slot.remaining();
        slot.taken = taken;
        facts.noteLeft(slot);
        openingsLeft += slot.remaining();
        if (slot.remaining() > 0 && !slot.listed) {
            rebuildNeeded = true;
        }
    }

    /** The length of arrays indexed like the board's slots (prices, for one). */
    public int capacity() {
        return slots.size();
    }

    Slot slotAt(int index) {
        return slots.get(index);
    }

    /** What scoring needs of each slot's posting, by slot index, without reading the slots. */
    PostingFacts facts() {
        return facts;
    }

    /** Rebuilds the lists if many postings filled up or some reopened since the last rebuild. */
    void tidy() {
        if (rebuildNeeded || fullSinceRebuild > Math.max(64, byId.size() / 10)) {
            rebuild();
        }
    }

    private void rebuild() {
        nearCell.clear();
        nearCellAll.clear();
        byCitySkill.clear();
        byCity.clear();
        bySkill.clear();
        all.clear();
        List<Slot> live = new ArrayList<>();
        for (Slot s : slots) {
            s.listed = false;
            if (!s.removed && s.remaining() > 0 && byId.get(s.job.jobId()) == s) {
                live.add(s);
            }
        }
        live.sort(BY_WAGE);
        for (Slot s : live) {
            list(s, true);
        }
        fullSinceRebuild = 0;
        rebuildNeeded = false;
    }

    /** Lists a posting in each list it belongs to; {@code sorted} when postings come highest wage first. */
    private void list(Slot slot, boolean sorted) {
        if (slot.job.site() != null) {
            long home = cell(slot.job.site());
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    long key = key(cellX(home) + dx, cellY(home) + dy);
                    EnumMap<Skill, WageList> bySkillHere = nearCell.computeIfAbsent(key, k -> new EnumMap<>(Skill.class));
                    for (Skill s : slot.job.skills) {
                        add(bySkillHere.computeIfAbsent(s, k -> new WageList()), slot, sorted);
                    }
                    add(nearCellAll.computeIfAbsent(key, k -> new WageList()), slot, sorted);
                }
            }
        }
        String city = cityOf(slot.job);
        EnumMap<Skill, WageList> cityLists = byCitySkill.computeIfAbsent(city, k -> new EnumMap<>(Skill.class));
        for (Skill s : slot.job.skills) {
            add(cityLists.computeIfAbsent(s, k -> new WageList()), slot, sorted);
            add(bySkill.computeIfAbsent(s, k -> new WageList()), slot, sorted);
        }
        add(byCity.computeIfAbsent(city, k -> new WageList()), slot, sorted);
        add(all, slot, sorted);
        slot.listed = true;
    }

    /** Keeps the list sorted by wage, highest first, and equal wages by posting id, as {@link #BY_WAGE} does. */
    private void add(WageList list, Slot slot, boolean sorted) {
        int wage = slot.job.monthlyWage();
        if (sorted) {
            list.append(slot);
            return;
        }
        int at = list.firstAtOrBelow(wage);
        while (at < list.size() && BY_WAGE.compare(slots.get(list.slot(at)), slot) < 0) {
            at++;
        }
        list.insertAt(at, slot);
    }

    private static String cityOf(JobView job) {
        return job.city() == null ? "" : job.city();
    }

    long cell(GeoPoint p) {
        return key((int) Math.floor(p.lon() / cellDegrees), (int) Math.floor(p.lat() / cellDegrees));
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    private static int cellX(long key) {
        return (int) (key >> 32);
    }

    private static int cellY(long key) {
        return (int) key;
    }

    WageList near(GeoPoint p, Skill skill) {
        EnumMap<Skill, WageList> lists = nearCell.get(cell(p));
        if (lists == null) {
            return WageList.EMPTY;
        }
        WageList list = skill == null ? nearCellAll.get(cell(p)) : lists.get(skill);
        return list == null ? WageList.EMPTY : list;
    }

    WageList inCity(String city, Skill skill) {
        if (skill == null) {
            return byCity.getOrDefault(city, WageList.EMPTY);
        }
        EnumMap<Skill, WageList> lists = byCitySkill.get(city);
        WageList list = lists == null ? null : lists.get(skill);
        return list == null ? WageList.EMPTY : list;
    }

    WageList withSkill(Skill skill) {
        return bySkill.getOrDefault(skill, WageList.EMPTY);
    }

    WageList allByWage() {
        return all;
    }
}
