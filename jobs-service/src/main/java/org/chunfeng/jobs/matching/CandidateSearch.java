package org.chunfeng.jobs.matching;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/**
 * Finds a worker's best feasible postings with openings left, reading only the board's lists that can hold them:
 * near home by skill, in the preferred cities by skill, by skill anywhere, and any posting by wage. Each list holds a
 * class of postings whose skill and place fractions it caps, sorted by wage, so it is read only while a posting further
 * down could still make the best few.
 * One search object per thread: it keeps scratch arrays between calls.
 */
public final class CandidateSearch {

    private final JobBoard board;
    private final PostingFacts facts;
    private final MatchRules rules;

    /** Postings seen in this search, a bit each: small enough to stay in the nearest cache while lists stream by. */
    private long[] seen = new long[0];
    /** Slot indices of the postings found; a slot itself is read only for the ones a caller asks for. */
    private int[] found = new int[64];
    private double[] points = new double[64];
    private int count;
    private boolean[] blocked;
    /** Each list the worker's classes use, without the blocked postings; null when none are blocked. */
    private Map<WageList, WageList> unblocked;
    private double bound;
    private WageList[] cutLists = new WageList[16];
    private int[] cutAt = new int[16];
    private int cutCount;
    private WageList[] classList = new WageList[16];
    private double[] classSkill = new double[16];
    private double[] classPlace = new double[16];

    public CandidateSearch(JobBoard board, MatchRules rules) {
        this.board = board;
        this.facts = board.facts();
        this.rules = rules;
    }

    /**
     * Postings (by slot index) later searches must pass over, as if full; null for none. They are the popular ones at
     * the top of every list, which a search would otherwise read through for each worker: two thirds of what the
     * batch's searches past them read. So each list is copied once without them, when first needed.
     */
    void block(boolean[] blocked) {
        this.unblocked = blocked == null ? null : new IdentityHashMap<>();
        this.blocked = blocked;
    }

    /** The result of the last search: the postings, best first, with their job points. */
    public int count() {
        return count;
    }

    public JobBoard.Slot slot(int i) {
        return board.slotAt(found[i]);
    }

    /** The slot index of the posting {@link #slot} gives. */
    int slotIndex(int i) {
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
        forgetSeen();
        gateFor(w);
        count = 0;
        cutCount = 0;
        startGains(Math.max(1, k));
        passedOver = Double.NEGATIVE_INFINITY;
        int n = classes(w);
        for (int c = 0; c < n; c++) {
            scan(w, classList[c], classSkill[c], classPlace[c]);
        }
        double dropped = Math.max(keepBest(k), passedOver);
        bound = Math.max(dropped, unreadBound(w, n));
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

    /** What the worker's {@code n} classes, as {@link #classes} left them, hold beyond where the search stopped. */
    private double unreadBound(WorkerView w, int n) {
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

    /** Forgets what the last search saw; grows with the board. */
    private void forgetSeen() {
        int words = (board.capacity() + 63) >>> 6;
        if (seen.length < words) {
            seen = new long[Math.max(words, seen.length * 2)];
        } else {
            Arrays.fill(seen, 0, words, 0L);
        }
    }

    private boolean seen(int s) {
        return (seen[s >>> 6] & 1L << s) != 0;
    }

    private void markSeen(int s) {
        seen[s >>> 6] |= 1L << s;
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
        classList[n] = unblocked == null ? list : unblocked.computeIfAbsent(list, l -> l.without(blocked));
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
        return violations(w, workerPoints, scale, price, utility, limit, NO_ARCS, 0);
    }

    private static final int[] NO_ARCS = new int[0];

    /**
     * The same for a batch's worker, leaving out the postings they already have arcs to, and reading on by up to
     * {@code margin} below {@code utility}: when none breaks the condition, {@link #slack()} then says by how much the
     * best pair left out falls short of it (at most {@code margin}), which lets the next check pass over the worker
     * unless a price fell by more.
     */
    int violations(WorkerView w, double workerPoints, long scale, long[] price, long utility, int limit, int[] arcs,
            long margin) {
        start(arcs, limit, margin);
        gateFor(w);
        int n = classes(w);
        for (int c = 0; c < n; c++) {
            WageList list = classList[c];
            PricesAlong along = pricesAlong(list, price);
            for (int r = 0, runs = along.runs(); r < runs; r++) {
                int wage = along.wage(r);
                if (wage < w.minMonthlyWage()) {
                    break;
                }
                // The most any posting from here on can score, in integer units.
                long reach = Math.round((rules.jobPointsBound(w, classSkill[c], classPlace[c], wage) + workerPoints)
                        * scale);
                if (reach <= floor(utility)) {
                    break;
                }
                // The run's postings cheapest first: once one is priced out of reach, so are the rest of the run.
                for (int at = along.start(r), end = along.start(r + 1); at < end; at++) {
                    long priceAndPlace = along.byPrice[at];
                    if (reach - (priceAndPlace >>> 32) <= floor(utility)) {
                        break;
                    }
                    int i = (int) priceAndPlace;
                    int s = list.slot(i);
                    if (seen(s)) {
                        continue;
                    }
                    if (gated(w, list, i)) {
                        markSeen(s);
                        continue;
                    }
                    if (facts.left(s) <= 0) {
                        continue;
                    }
                    markSeen(s);
                    consider(s, points(w, s, onlyLocal), workerPoints, scale, s < price.length ? price[s] : 0, utility);
                }
            }
        }
        return keepViolations(limit);
    }

    /**
     * Each list's postings in runs of one wage, highest first as in the list, and within a run by price, cheapest
     * first: a check passes over three quarters of the places it reads as priced out of reach, and in this order it
     * stops at the first of them in each run rather than reading on. Kept for one array of prices (a caller with new
     * prices passes a new array) and while the list does not change.
     */
    private final Map<WageList, PricesAlong> listPrices = new IdentityHashMap<>();
    private long[] listPricesFor;

    /**
     * @param runStart where each run starts in {@code byPrice}, and past the last one its end
     * @param runWage each run's wage
     * @param byPrice the price (capped, as a bound) in the high half and the place in the list in the low
     */
    private record PricesAlong(int changes, int[] runStart, int[] runWage, long[] byPrice) {

        int runs() {
            return runWage.length;
        }

        int start(int run) {
            return runStart[run];
        }

        int wage(int run) {
            return runWage[run];
        }
    }

    private PricesAlong pricesAlong(WageList list, long[] price) {
        if (listPricesFor != price) {
            listPrices.clear();
            listPricesFor = price;
        }
        PricesAlong known = listPrices.get(list);
        if (known != null && known.changes() == list.changes()) {
            return known;
        }
        int size = list.size();
        int runs = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || list.wage(i) != list.wage(i - 1)) {
                runs++;
            }
        }
        int[] runStart = new int[runs + 1];
        int[] runWage = new int[runs];
        long[] byPrice = new long[size];
        for (int i = 0, r = 0; i < size; i++) {
            if (i == 0 || list.wage(i) != list.wage(i - 1)) {
                runStart[r] = i;
                runWage[r++] = list.wage(i);
            }
            int s = list.slot(i);
            long p = s < price.length ? Math.min(price[s], 0x7fffffffL) : 0;
            byPrice[i] = p << 32 | i;
        }
        runStart[runs] = size;
        for (int r = 0; r < runs; r++) {
            Arrays.sort(byPrice, runStart[r], runStart[r + 1]);
        }
        known = new PricesAlong(list.changes(), runStart, runWage, byPrice);
        listPrices.put(list, known);
        return known;
    }

    /**
     * The same, looking only at the first {@code count} of the given postings: enough when every other pair left out
     * is known to fall short of {@code utility} (by at least {@code margin}, which the slack then does not exceed).
     */
    int violationsAmong(WorkerView w, double workerPoints, long scale, long[] price, long utility, int limit,
            int[] postings, int count, int[] arcs, long margin) {
        start(arcs, limit, margin);
        gateFor(w);
        for (int k = 0; k < count; k++) {
            int s = postings[k];
            if (facts.left(s) <= 0 || seen(s)) {
                continue;
            }
            int wage = facts.wage(s);
            long reach = Math.round((rules.jobPointsBound(w, 1.0, 1.0, wage) + workerPoints) * scale);
            if (reach - price[s] <= floor(utility)) {
                continue;
            }
            markSeen(s);
            // Not read from a list, so the wage, age range, start date and groups are yet to be ruled out.
            if (wage >= w.minMonthlyWage() && !MatchRules.outsideAgeStartOrGroups(w, facts.reach(s))) {
                consider(s, points(w, s, false), workerPoints, scale, price[s], utility);
            }
        }
        return keepViolations(limit);
    }

    /**
     * After a look for violations that found none: how far below the worker's utility the best pair left out stays,
     * at most the margin asked for.
     */
    long slack() {
        return count > 0 ? 0 : -closest;
    }

    /** The best gain (at most 0) of a pair that broke nothing, or minus the margin asked for. */
    private long closest;
    private long margin;

    private void start(int[] arcs, int limit, long margin) {
        forgetSeen();
        for (int s : arcs) {
            markSeen(s);
        }
        count = 0;
        startGains(limit);
        this.margin = margin;
        this.closest = -margin;
    }

    /** Only pairs that would make the best {@code limit} found so far are worth a look, or the margin while none is. */
    private long floor(long utility) {
        return utility + (topCount == 0 ? -margin : gainFloor());
    }

    /** Which side of the commute the worker may work on, for {@link #gated}: only one side, or either. */
    private boolean onlyLocal;
    private boolean onlyAway;

    private void gateFor(WorkerView w) {
        preferredCount = 0;
        for (String city : w.preferredCities()) {
            if (preferredCount == preferred.length) {
                preferred = Arrays.copyOf(preferred, preferredCount * 2);
            }
            preferred[preferredCount++] = facts.cityNumber(city);
        }
        boolean local = w.intent() != WorkIntent.AWAY;
        boolean away = w.intent() != WorkIntent.LOCAL && w.fitness() == TravelFitness.GREEN;
        onlyLocal = w.location() != null && local && !away;
        onlyAway = w.location() != null && away && !local;
    }

    /**
     * Whether the list's posting surely breaks a hard constraint for the worker, told from the list alone: age range,
     * start date, special groups, and a site surely on the wrong side of the commute. Most postings a batch reads fail
     * one of these, and reading the posting itself would cost a trip to memory each.
     */
    private boolean gated(WorkerView w, WageList list, int at) {
        if (list.outOfReach(at, w)) {
            return true;
        }
        if (onlyLocal) {
            return rules.surelyBeyondCommute(w, list.lat(at), list.lon(at), list.cosLat(at));
        }
        return onlyAway && rules.surelyWithinCommute(w, list.lat(at), list.lon(at), list.cosLat(at));
    }

    /** Weighs a pair with these job points (NaN: infeasible) against the worker's utility at the posting's price. */
    private void consider(int s, double points, double workerPoints, long scale, long price, long utility) {
        if (Double.isNaN(points)) {
            return;
        }
        long gain = Math.round((points + workerPoints) * scale) - price - utility;
        if (gain > 0) {
            // Ranked by what the pair gains at these prices, not by its points; one below the best kept so far
            // never will be.
            if (topCount < topLimit || gain >= topGains[0]) {
                add(s, gain);
                offerGain(gain);
            }
        } else {
            closest = Math.max(closest, gain);
        }
    }

    /**
     * The job points of a pair whose wage, age range, start date and groups were already ruled out (by one of the
     * board's lists, or from the facts); NaN when it breaks a constraint. From the posting's facts, but for a
     * public-welfare post (its town) or a worker who declined jobs (which), where the posting itself says.
     * {@code gatedNear}: the site is not surely beyond the commute, as the gate of a worker who may only work near home
     * found, so the distance need not ask again.
     */
    private double points(WorkerView w, int s, boolean gatedNear) {
        if (facts.publicWelfare(s) || !w.excludedJobs().isEmpty()) {
            return postingPoints(w, board.slotAt(s).job);
        }
        double km = gatedNear ? rules.nearRoadKm(w, facts.lat(s), facts.lon(s), facts.cosLat(s))
                : rules.roadKm(w, facts.lat(s), facts.lon(s), facts.cosLat(s));
        boolean local = rules.isLocal(km);
        if (MatchRules.travelViolation(w, local) != null) {
            return Double.NaN;
        }
        return rules.jobPoints(w, facts.skillBits(s), km, !local && prefers(facts.city(s)), facts.wage(s));
    }

    /** The job points of a feasible pair, NaN for one that breaks a constraint, from the posting itself. */
    private double postingPoints(WorkerView w, JobView j) {
        if (rules.violatesBeforeDistance(w, j)) {
            return Double.NaN;
        }
        double km = rules.roadKm(w, j);
        return rules.violation(w, j, km) != null ? Double.NaN : rules.jobPoints(w, j, km);
    }

    /** The worker's preferred cities by their numbers in the board's facts, for {@link #prefers}. */
    private int[] preferred = new int[4];
    private int preferredCount;

    private boolean prefers(int city) {
        for (int c = 0; c < preferredCount; c++) {
            if (preferred[c] == city) {
                return true;
            }
        }
        return false;
    }

    private int keepViolations(int limit) {
        keepBest(limit);
        bound = count == 0 ? 0 : points[0];
        return count;
    }

    /** The best {@code limit} gains (job points, in a search) so far, ascending: the smallest is the next one's bar. */
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

    /**
     * Reads a class's list, highest wage first, until no posting further down can earn more job points than the best
     * {@code k} found so far: the list's class caps the skill and place fractions, and the wage falls.
     */
    private void scan(WorkerView w, WageList list, double skillCap, double placeCap) {
        int i = 0;
        int lastWage = Integer.MIN_VALUE;
        for (int n = list.size(); i < n; i++) {
            int wage = list.wage(i);
            if (wage < w.minMonthlyWage()) {
                // Sorted by wage: neither this posting nor any after it pays the worker's minimum.
                i = n;
                break;
            }
            if (wage != lastWage && topCount == topLimit) {
                lastWage = wage;
                if (pointsKey(rules.jobPointsBound(w, skillCap, placeCap, wage)) <= topGains[0]) {
                    break;
                }
            }
            int s = list.slot(i);
            if (seen(s)) {
                continue;
            }
            markSeen(s);
            if (gated(w, list, i)) {
                continue;
            }
            if (facts.left(s) <= 0) {
                continue;
            }
            double points = points(w, s, onlyLocal);
            if (Double.isNaN(points)) {
                continue;
            }
            long key = pointsKey(points);
            if (topCount == topLimit && key < topGains[0]) {
                // Below k found before it: never among the best k, only in the bound on what was left out.
                passedOver = Math.max(passedOver, points);
                continue;
            }
            add(s, points);
            offerGain(key);
        }
        recordCut(list, i);
    }

    /** The most job points of a feasible posting the search passed over as below the best k found before it. */
    private double passedOver;

    /** Job points as a whole number for ranking the best found so far: millionths, finer than any score's rounding. */
    private static long pointsKey(double points) {
        return Math.round(points * 1_000_000);
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

    private void add(int slot, double p) {
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
            sortedSlots = new int[keys.length];
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
    private int[] sortedSlots = new int[64];
    private double[] sortedPoints = new double[64];
}
