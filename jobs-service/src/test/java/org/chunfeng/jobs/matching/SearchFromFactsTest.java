package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The search and the optimality check score pairs from the board's flat facts of each posting ({@link PostingFacts});
 * on campaigns with every kind of posting and worker (several skills, general labour, public-welfare posts, postings
 * without a site or city, full, closed and changed postings, declined jobs, several preferred cities, workers without
 * a home) they must find exactly the pairs, and the points, that the rules give reading every posting.
 */
class SearchFromFactsTest {

    private static final Skill[] SKILLS = {Skill.GARMENT, Skill.CONSTRUCTION, Skill.GENERAL_LABOUR, Skill.COOKING,
            Skill.ELECTRONICS_ASSEMBLY};
    private static final String[] CITIES = {"合肥", "苏州", "上海", "杭州"};
    private static final String[] TOWNS = {"程家集镇", "马店孜镇"};

    private final MatchRules rules = MatchRules.of(MatchingSettings.DEFAULT);

    @RepeatedTest(20)
    void theSearchFindsEveryFeasiblePostingWithTheRulesPoints(RepetitionInfo repetition) {
        Random r = new Random(7_000 + repetition.getCurrentRepetition());
        JobBoard board = board(r);
        CandidateSearch search = new CandidateSearch(board, rules);
        for (int k = 0; k < 60; k++) {
            WorkerView w = worker(r, board);
            Map<String, Double> expected = feasible(board, w, new boolean[0]);
            assertThat(found(search, search.search(w, 1_000))).as("%s", w).isEqualTo(expected);
        }
    }

    @RepeatedTest(20)
    void aSearchPastBlockedPostingsFindsTheBestOfTheRestAndBoundsWhatItLeftOut(RepetitionInfo repetition) {
        Random r = new Random(9_000 + repetition.getCurrentRepetition());
        JobBoard board = board(r);
        board.tidy();
        boolean[] blocked = new boolean[board.capacity()];
        for (int s = 0; s < blocked.length; s++) {
            blocked[s] = r.nextInt(3) == 0;
        }
        CandidateSearch search = new CandidateSearch(board, rules);
        search.block(blocked);
        for (int k = 0; k < 60; k++) {
            WorkerView w = worker(r, board);
            Map<String, Double> expected = feasible(board, w, blocked);
            assertThat(found(search, search.searchQuietly(w, 1_000))).as("%s", w).isEqualTo(expected);

            int n = search.searchQuietly(w, 3);
            List<Double> best = expected.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
            List<Double> kept = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                kept.add(search.points(i));
            }
            assertThat(kept).as("%s", w).isEqualTo(best.subList(0, Math.min(3, best.size())));
            if (best.size() > 3) {
                assertThat(search.bound()).as("%s", w).isGreaterThanOrEqualTo(best.get(3));
            }
        }
    }

    @RepeatedTest(20)
    void theCheckFindsEveryViolationWithTheRulesGain(RepetitionInfo repetition) {
        Random r = new Random(8_000 + repetition.getCurrentRepetition());
        JobBoard board = board(r);
        board.tidy();
        long[] price = new long[board.capacity()];
        for (int s = 0; s < price.length; s++) {
            price[s] = r.nextInt(3) == 0 ? 0 : r.nextInt(70_000);
        }
        CandidateSearch search = new CandidateSearch(board, rules);
        int[] every = java.util.stream.IntStream.range(0, board.capacity()).toArray();
        for (int k = 0; k < 60; k++) {
            WorkerView w = worker(r, board);
            double workerPoints = rules.workerPoints(w, Fixtures.NOW);
            long utility = r.nextBoolean() ? 0 : r.nextInt(60_000);
            List<Long> expected = new ArrayList<>();
            for (JobBoard.Slot slot : board.slots()) {
                double km = rules.roadKm(w, slot.job());
                if (slot.remaining() > 0 && rules.violation(w, slot.job(), km) == null) {
                    long gain = Math.round((rules.jobPoints(w, slot.job(), km) + workerPoints) * 1000)
                            - price[slot.index()] - utility;
                    if (gain > 0) {
                        expected.add(gain);
                    }
                }
            }
            expected.sort(java.util.Comparator.reverseOrder());
            int n = search.violations(w, workerPoints, 1000, price, utility, 1_000);
            assertThat(gains(search, n)).as("%s", w).isEqualTo(expected);
            n = search.violationsAmong(w, workerPoints, 1000, price, utility, 1_000, every, every.length, new int[0], 0);
            assertThat(gains(search, n)).as("%s, looking at every posting", w).isEqualTo(expected);
        }
    }

    /** Every posting with an opening left, not blocked, that the rules let the worker take, with its job points. */
    private Map<String, Double> feasible(JobBoard board, WorkerView w, boolean[] blocked) {
        Map<String, Double> feasible = new LinkedHashMap<>();
        for (JobBoard.Slot slot : board.slots()) {
            double km = rules.roadKm(w, slot.job());
            boolean isBlocked = slot.index() < blocked.length && blocked[slot.index()];
            if (!isBlocked && slot.remaining() > 0 && rules.violation(w, slot.job(), km) == null) {
                feasible.put(slot.job().jobId(), rules.jobPoints(w, slot.job(), km));
            }
        }
        return feasible;
    }

    private static Map<String, Double> found(CandidateSearch search, int n) {
        Map<String, Double> found = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            found.put(search.slot(i).job().jobId(), search.points(i));
        }
        return found;
    }

    private static List<Long> gains(CandidateSearch search, int n) {
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found.add(Math.round(search.points(i)));
        }
        return found;
    }

    /** Up to 120 postings of every kind; some full, some closed, some changed after they were listed. */
    private static JobBoard board(Random r) {
        JobBoard board = new JobBoard(MatchingSettings.DEFAULT);
        int count = 40 + r.nextInt(80);
        for (int j = 0; j < count; j++) {
            int openings = 1 + r.nextInt(3);
            board.put(job(r, "j" + j), openings, r.nextInt(5) == 0 ? openings : r.nextInt(openings));
        }
        for (int k = 0; k < count / 10; k++) {
            String id = "j" + r.nextInt(count);
            if (r.nextBoolean()) {
                board.remove(id);
            } else {
                board.put(job(r, id), 2, 0);
            }
        }
        // Openings taken and given back as offers come and go, after the lists were built: a posting that fills up
        // stays listed until enough others do.
        board.tidy();
        for (int k = 0; k < 3; k++) {
            String id = "j" + r.nextInt(count);
            while (board.take(id)) {
                // until the posting is full
            }
            board.release("j" + r.nextInt(count));
        }
        return board;
    }

    private static JobView job(Random r, String id) {
        Fixtures.JobBuilder b = Fixtures.job().id(id).category(SKILLS[r.nextInt(SKILLS.length)])
                .wage(1800 + 100 * r.nextInt(60)).start(Fixtures.SEASON.plusDays(r.nextInt(20) - 5))
                .ages(16 + r.nextInt(10), r.nextInt(4) == 0 ? 0 : 40 + r.nextInt(25));
        if (r.nextBoolean()) {
            b.required(SKILLS[r.nextInt(SKILLS.length)], SKILLS[r.nextInt(SKILLS.length)]);
        }
        int place = r.nextInt(10);
        if (place < 4) {
            // In the county, some beyond the commute.
            b.local(0).site(nearHome(r, 45));
        } else if (place < 9) {
            b.city(CITIES[r.nextInt(CITIES.length)]).site(new GeoPoint(30 + r.nextDouble() * 2, 118 + r.nextDouble() * 3));
        } else {
            b.city(r.nextBoolean() ? null : CITIES[0]).site(null);
        }
        if (r.nextInt(5) == 0) {
            b.suitable(SpecialGroup.values()[r.nextInt(SpecialGroup.values().length)]);
        }
        if (r.nextInt(6) == 0) {
            b.welfare(TOWNS[r.nextInt(TOWNS.length)]).local(0).site(nearHome(r, 20));
        }
        return b.build();
    }

    /** A place up to {@code km} from the fixtures' home in any direction: north and south too, at other latitudes. */
    private static GeoPoint nearHome(Random r, double km) {
        double bearing = r.nextDouble() * 2 * Math.PI;
        double distance = r.nextDouble() * km;
        GeoPoint home = Fixtures.HOME;
        return new GeoPoint(home.lat() + distance * Math.cos(bearing) / 111.2,
                home.lon() + distance * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(home.lat()))));
    }

    private static WorkerView worker(Random r, JobBoard board) {
        Map<Skill, Integer> skills = new EnumMap<>(Skill.class);
        for (int k = r.nextInt(4); k > 0; k--) {
            skills.put(SKILLS[r.nextInt(SKILLS.length)], r.nextInt(8));
        }
        List<String> cities = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            cities.add(r.nextInt(5) == 0 ? "深圳" : CITIES[r.nextInt(CITIES.length)]);
        }
        Fixtures.WorkerBuilder b = Fixtures.worker().id("w" + r.nextInt(1_000)).age(18 + r.nextInt(45))
                .poverty(PovertyStatus.values()[r.nextInt(PovertyStatus.values().length)])
                .town(TOWNS[r.nextInt(TOWNS.length)]).skills(skills)
                .intent(WorkIntent.values()[r.nextInt(WorkIntent.values().length)])
                .cities(cities.toArray(String[]::new)).minWage(1500 + 100 * r.nextInt(40))
                .available(Fixtures.SEASON.plusDays(r.nextInt(16) - 8))
                .fitness(TravelFitness.values()[r.nextInt(TravelFitness.values().length)])
                .home(r.nextInt(30) == 0 ? null : nearHome(r, 5));
        if (r.nextInt(4) == 0) {
            b.groups(SpecialGroup.values()[r.nextInt(SpecialGroup.values().length)]);
        }
        if (r.nextInt(5) == 0) {
            int first = r.nextInt(board.capacity());
            b.excluded("j" + first, "j" + (first + 1 + r.nextInt(board.capacity() - 1)) % board.capacity());
        }
        return b.build();
    }
}
