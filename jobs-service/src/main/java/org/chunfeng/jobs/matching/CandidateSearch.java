package org.chunfeng.jobs.matching;

import java.util.Arrays;
import java.util.List;
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
        if (seen.length < board.capacity()) {
            seen = new int[Math.max(board.capacity(), seen.length * 2)];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        count = 0;
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
        keepBest(k);
        return count;
    }

    private void scan(WorkerView w, List<JobBoard.Slot> list, int wanted) {
        int taken = 0;
        for (int i = 0, n = list.size(); i < n && taken < wanted; i++) {
            JobBoard.Slot slot = list.get(i);
            if (seen[slot.index] == stamp) {
                taken++;
                continue;
            }
            seen[slot.index] = stamp;
            if (slot.remaining() <= 0 || blocked != null && blocked[slot.index]) {
                continue;
            }
            JobView j = slot.job;
            double km = rules.roadKm(w, j);
            if (rules.violation(w, j, km) != null) {
                continue;
            }
            add(slot, rules.jobPoints(w, j, km));
            taken++;
        }
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

    /** Sorts by points, best first, and keeps the first k; ties go to the posting found first, so results repeat. */
    private void keepBest(int k) {
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
        for (int r = 0; r < kept; r++) {
            int i = Integer.MAX_VALUE - (int) (keys[count - 1 - r] & 0xffffffffL);
            sortedSlots[r] = found[i];
            sortedPoints[r] = points[i];
        }
        System.arraycopy(sortedSlots, 0, found, 0, kept);
        System.arraycopy(sortedPoints, 0, points, 0, kept);
        count = kept;
    }

    private long[] keys = new long[64];
    private JobBoard.Slot[] sortedSlots = new JobBoard.Slot[64];
    private double[] sortedPoints = new double[64];
}
