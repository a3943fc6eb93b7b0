package org.chunfeng.jobs.matching;

import java.util.Arrays;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/**
 * Finds a worker's best feasible postings with openings left, reading only the board's lists that can hold them:
 * near home by skill, in the preferred cities by skill, by skill anywhere, and only if that yields too few, any
 * posting by wage. Each list is sorted by wage, so it is read only until enough feasible postings came from it.
 * One search object per thread: it keeps scratch arrays between calls.
 */
public final class CandidateSearch {

    private final JobBoard board;
    private final MatchRules rules;
    private final int perList;

    private int[] seen = new int[0];
    private int stamp;
    private JobBoard.Slot[] found = new JobBoard.Slot[64];
    private double[] points = new double[64];
    private int count;
    private boolean[] blocked;
    private double bound;
    private WageList[] cutLists = new WageList[16];
    private int[] cutAt = new int[16];
    private int cutCount;
    private WageList[] classList = new WageList[16];
    private double[] classSkill = new double[16];
    private double[] classPlace = new double[16];

    public CandidateSearch(JobBoard board, MatchRules rules) {
        this.board = board;
        this.rules = rules;
        this.perList = rules.settings().candidatesPerWorker();
    }

    /** Postings (by slot index) later searches must pass over, as if full; null for none. */
    void block(boolean[] blocked) {
        this.blocked = blocked;
    }

    /** The result of the last search: the postings, best first, with their job points. */
    public int count() {
        return count;
    }

    public JobBoard.Slot slot(int i) {
        return found[i];
    }

    public double points(int i) {
        return points[i];
    }

    /** Up to {@code k} feasible postings with openings left, best job points first; returns how many. */
    public int search(WorkerView w, int k) {
        board.tidy();
        return searchQuietly(w, k);
    }

    /** The same, for many threads reading one board: the caller tidies the board first and nobody changes it meanwhile. */
    int searchQuietly(WorkerView w, int k) {
        nextStamp();
        count = 0;
        cutCount = 0;
        boolean local = w.location() != null && w.intent() != WorkIntent.AWAY;
        boolean away = w.intent() != WorkIntent.LOCAL && w.fitness() == TravelFitness.GREEN;
        if (local) {
            for (Skill s : w.skills) {
                scan(w, board.near(w.location(), s), perList);
            }
            if (w.yearsBySkill[Skill.GENERAL_LABOUR.ordinal()] < 0) {
                scan(w, board.near(w.location(), Skill.GENERAL_LABOUR), perList);
            }
            scan(w, board.near(w.location(), null), perList);
        }
        if (away) {
            for (String city : w.preferredCities()) {
                for (Skill s : w.skills) {
                    scan(w, board.inCity(city, s), perList);
                }
                if (w.yearsBySkill[Skill.GENERAL_LABOUR.ordinal()] < 0) {
                    scan(w, board.inCity(city, Skill.GENERAL_LABOUR), perList);
                }
            }
            for (Skill s : w.skills) {
                scan(w, board.withSkill(s), perList);
            }
            if (w.yearsBySkill[Skill.GENERAL_LABOUR.ordinal()] < 0) {
                scan(w, board.withSkill(Skill.GENERAL_LABOUR), perList);
            }
            if (count < k) {
                for (String city : w.preferredCities()) {
                    scan(w, board.inCity(city, null), perList);
                }
            }
            if (count < k) {
                scan(w, board.allByWage(), k);
            }
        }
        double dropped = keepBest(k);
        bound = Math.max(dropped, unreadBound(w));
        return count;
    }

    /**
     * After a search: no feasible posting with an opening left outside the result earns more job points than this
     * (negative infinity when the search saw every one). Each class of postings the worker may take has a list,
     * sorted by wage, that holds the whole class, and the class caps the skill and place fractions; so whatever of the
     * list was not read earns at most those caps plus the wage fraction of the first posting not read.
     */
    public double bound() {
        return bound;
    }

    private double unreadBound(WorkerView w) {
        int n = classes(w);
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            WageList list = classList[c];
            int at = cutOf(list);
            if (at < list.size()) {
                best = Math.max(best, rules.jobPointsBound(w, classSkill[c], classPlace[c], list.wage(at)));
            }
        }
        return best;
    }

    /** A new mark for "seen in this search", so nothing from an earlier search counts; grows with the board. */
    private void nextStamp() {
        if (seen.length < board.capacity()) {
            seen = new int[Math.max(board.capacity(), seen.length * 2)];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
    }

    /**
     * The classes of postings the worker may take, each with the list that holds all of it and the most its members
     * can earn on skill and on place: local postings (within the commute) by the worker's skills, general labour, the
     * rest; postings away in a preferred city likewise; away elsewhere likewise, at the lower place fraction.
     */
    private int classes(WorkerView w) {
        int n = 0;
        boolean hasGeneral = w.yearsBySkill[Skill.GENERAL_LABOUR.ordinal()] >= 0;
        if (w.location() != null && w.intent() != WorkIntent.AWAY) {
            for (Skill s : w.skills) {
                n = addClass(n, board.near(w.location(), s), MatchRules.skillFraction(w.yearsBySkill[s.ordinal()]), 1.0);
            }
            if (!hasGeneral) {
                n = addClass(n, board.near(w.location(), Skill.GENERAL_LABOUR), MatchRules.GENERAL_LABOUR_FIT, 1.0);
            }
            n = addClass(n, board.near(w.location(), null), 0, 1.0);
        }
        if (w.intent() != WorkIntent.LOCAL && w.fitness() == TravelFitness.GREEN) {
            for (String city : w.preferredCities()) {
                for (Skill s : w.skills) {
                    n = addClass(n, board.inCity(city, s), MatchRules.skillFraction(w.yearsBySkill[s.ordinal()]), 1.0);
                }
                if (!hasGeneral) {
                    n = addClass(n, board.inCity(city, Skill.GENERAL_LABOUR), MatchRules.GENERAL_LABOUR_FIT, 1.0);
                }
                n = addClass(n, board.inCity(city, null), 0, 1.0);
            }
            double elsewhere = MatchRules.awayPlaceFit(w, false);
            for (Skill s : w.skills) {
                n = addClass(n, board.withSkill(s), MatchRules.skillFraction(w.yearsBySkill[s.ordinal()]), elsewhere);
            }
            if (!hasGeneral) {
                n = addClass(n, board.withSkill(Skill.GENERAL_LABOUR), MatchRules.GENERAL_LABOUR_FIT, elsewhere);
            }
            n = addClass(n, board.allByWage(), 0, elsewhere);
        }
        return n;
    }

    private int addClass(int n, WageList list, double skill, double place) {
        if (n == classList.length) {
            classList = Arrays.copyOf(classList, n * 2);
            classSkill = Arrays.copyOf(classSkill, n * 2);
            classPlace = Arrays.copyOf(classPlace, n * 2);
        }
        classList[n] = list;
        classSkill[n] = skill;
        classPlace[n] = place;
        return n + 1;
    }

    /**
     * Every feasible posting with an opening left whose pair score, in the batch's integer units, less its price
     * beats {@code utility}: the pairs that break the optimality condition of a batch solved over fewer pairs. Reads
     * each class's list only while the class can still beat it, and passes over postings priced out of reach before
     * checking any constraint. Keeps the best {@code limit} of them (see {@link #slot}, {@link #points}); returns how
     * many it kept, and {@link #bound()} then says by how much the best one beats {@code utility} (0 if none does).
     */
    int violations(WorkerView w, double workerPoints, long scale, long[] price, long utility, int limit) {
        nextStamp();
        count = 0;
        startGains(limit);
        int n = classes(w);
        for (int c = 0; c < n; c++) {
            WageList list = classList[c];
            int lastWage = Integer.MIN_VALUE;
            long reach = Long.MAX_VALUE;
            for (int i = 0, size = list.size(); i < size; i++) {
                int wage = list.wage(i);
                if (wage < w.minMonthlyWage()) {
                    break;
                }
                // Only pairs that would make the best {@code limit} found so far are worth a look.
                long floor = utility + gainFloor();
                if (wage != lastWage) {
                    lastWage = wage;
                    // The most any posting from here on can score, in integer units.
                    reach = Math.round((rules.jobPointsBound(w, classSkill[c], classPlace[c], wage) + workerPoints) * scale);
                }
                if (reach <= floor) {
                    break;
                }
                int s = list.slot(i);
                if (seen[s] == stamp) {
                    continue;
                }
                long p = s < price.length ? price[s] : 0;
                if (reach - p <= floor) {
                    continue;
                }
                JobBoard.Slot slot = board.slotAt(s);
                if (slot.remaining() <= 0) {
                    continue;
                }
                seen[s] = stamp;
                consider(w, slot, workerPoints, scale, p, utility);
            }
        }
        return keepViolations(limit);
    }

    /**
     * The same, looking only at the given postings: enough after a round in which the worker had no such pair, as
     * long as their utility did not fall, if these are the postings whose price fell since.
     */
    int violationsAmong(WorkerView w, double workerPoints, long scale, long[] price, long utility, int limit,
            int[] postings) {
        nextStamp();
        count = 0;
        startGains(limit);
        for (int s : postings) {
            JobBoard.Slot slot = board.slotAt(s);
            if (slot.removed || slot.remaining() <= 0 || seen[s] == stamp) {
                continue;
            }
            long reach = Math.round((rules.jobPointsBound(w, 1.0, 1.0, slot.job.monthlyWage()) + workerPoints) * scale);
            if (reach - price[s] <= utility + gainFloor()) {
                continue;
            }
            seen[s] = stamp;
            consider(w, slot, workerPoints, scale, price[s], utility);
        }
        return keepViolations(limit);
    }

    private void consider(WorkerView w, JobBoard.Slot slot, double workerPoints, long scale, long price, long utility) {
        JobView j = slot.job;
        if (rules.violatesBeforeDistance(w, j)) {
            return;
        }
        double km = rules.roadKm(w, j);
        if (rules.violation(w, j, km) != null) {
            return;
        }
        long gain = Math.round((rules.jobPoints(w, j, km) + workerPoints) * scale) - price - utility;
        if (gain > 0) {
            // Ranked by what the pair gains at these prices, not by its points.
            add(slot, gain);
            offerGain(gain);
        }
    }

    private int keepViolations(int limit) {
        keepBest(limit);
        bound = count == 0 ? 0 : points[0];
        return count;
    }

    /** The best {@code limit} gains so far, ascending, so the smallest of them is the bar for the next. */
    private long[] topGains = new long[8];
    private int topLimit;
    private int topCount;

    private void startGains(int limit) {
        if (topGains.length < limit) {
            topGains = new long[limit];
        }
        topLimit = limit;
        topCount = 0;
    }

    private long gainFloor() {
        return topCount < topLimit ? 0 : topGains[0];
    }

    private void offerGain(long gain) {
        int at;
        if (topCount < topLimit) {
            at = topCount++;
        } else if (gain > topGains[0]) {
            at = 0;
            // Drop the smallest and slide the rest down until the new gain fits.
            while (at + 1 < topLimit && topGains[at + 1] < gain) {
                topGains[at] = topGains[at + 1];
                at++;
            }
            topGains[at] = gain;
            return;
        } else {
            return;
        }
        while (at > 0 && topGains[at - 1] > gain) {
            topGains[at] = topGains[at - 1];
            at--;
        }
        topGains[at] = gain;
    }

    private void scan(WorkerView w, WageList list, int wanted) {
        int taken = 0;
        int i = 0;
        for (int n = list.size(); i < n && taken < wanted; i++) {
            if (list.wage(i) < w.minMonthlyWage()) {
                // Sorted by wage: neither this posting nor any after it pays the worker's minimum.
                i = n;
                break;
            }
            int s = list.slot(i);
            if (seen[s] == stamp) {
                taken++;
                continue;
            }
            seen[s] = stamp;
            if (blocked != null && blocked[s]) {
                continue;
            }
            JobBoard.Slot slot = board.slotAt(s);
            if (slot.remaining() <= 0) {
                continue;
            }
            JobView j = slot.job;
            if (rules.violatesBeforeDistance(w, j)) {
                continue;
            }
            double km = rules.roadKm(w, j);
            if (rules.violation(w, j, km) != null) {
                continue;
            }
            add(slot, rules.jobPoints(w, j, km));
            taken++;
        }
        recordCut(list, i);
    }

    private void recordCut(WageList list, int at) {
        for (int c = 0; c < cutCount; c++) {
            if (cutLists[c] == list) {
                cutAt[c] = Math.max(cutAt[c], at);
                return;
            }
        }
        if (cutCount == cutLists.length) {
            cutLists = Arrays.copyOf(cutLists, cutCount * 2);
            cutAt = Arrays.copyOf(cutAt, cutCount * 2);
        }
        cutLists[cutCount] = list;
        cutAt[cutCount++] = at;
    }

    /** Where the last search stopped reading this list: everything from there on is unread. */
    private int cutOf(WageList list) {
        for (int c = 0; c < cutCount; c++) {
            if (cutLists[c] == list) {
                return cutAt[c];
            }
        }
        return 0;
    }

    private void add(JobBoard.Slot slot, double p) {
        if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
            points = Arrays.copyOf(points, count * 2);
        }
        found[count] = slot;
        points[count] = p;
        count++;
    }

    /**
     * Sorts by points, best first, and keeps the first k; ties go to the posting found first, so results repeat.
     * Returns the points of the best one dropped (negative infinity if none).
     */
    private double keepBest(int k) {
        if (keys.length < count) {
            keys = new long[Math.max(count, keys.length * 2)];
            sortedSlots = new JobBoard.Slot[keys.length];
            sortedPoints = new double[keys.length];
        }
        for (int i = 0; i < count; i++) {
            keys[i] = (Math.round(points[i] * 1000) << 32) | (Integer.MAX_VALUE - i);
        }
        Arrays.sort(keys, 0, count);
        int kept = Math.min(count, k);
        double dropped = Double.NEGATIVE_INFINITY;
        for (int r = kept; r < count; r++) {
            // The keys round points, so the first one dropped need not be the best.
            dropped = Math.max(dropped, points[Integer.MAX_VALUE - (int) (keys[count - 1 - r] & 0xffffffffL)]);
        }
        for (int r = 0; r < kept; r++) {
            int i = Integer.MAX_VALUE - (int) (keys[count - 1 - r] & 0xffffffffL);
            sortedSlots[r] = found[i];
            sortedPoints[r] = points[i];
        }
        System.arraycopy(sortedSlots, 0, found, 0, kept);
        System.arraycopy(sortedPoints, 0, points, 0, kept);
        count = kept;
        return dropped;
    }

    private long[] keys = new long[64];
    private JobBoard.Slot[] sortedSlots = new JobBoard.Slot[64];
    private double[] sortedPoints = new double[64];
}
