package org.chunfeng.devstack.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Loads a demo campaign through the gateway and plays it out as its people would: waits for jobs-service's offers,
 * lets the workers accept most and decline some with a reason, waits for the placements, has the coordinator plan
 * every travel date, check riders on and off the buses of the first travel dates, and the labour office record the
 * first day of workers who went by themselves; then prints the campaign funnel. Everything goes through the public
 * API as the office and coordinator accounts, and each step only does what is still to do, so running it again on
 * the same data changes nothing that was done.
 */
public final class CampaignDriver {

    /**
     * @param quiet how long the funnel must stay unchanged before the system counts as settled
     * @param timeout the longest wait for any one step
     * @param travelDatesRun how many of the first travel dates are played out (boarding, arrival, first days)
     * @param threads parallel calls per step
     */
    public record Settings(Duration quiet, Duration timeout, int travelDatesRun, int threads) {

        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(4), Duration.ofMinutes(10), 2, 4);
    }

    private static final int PAGE = 200;
    private static final int IDLE_ROUNDS = 2;

    private final GatewayClient office;
    private final GatewayClient coordinator;
    private final PrintStream out;
    private final Settings settings;
    private final Decisions decisions = Decisions.DEMO;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    public CampaignDriver(GatewayClient office, GatewayClient coordinator, PrintStream out, Settings settings) {
        this.office = office;
        this.coordinator = coordinator;
        this.out = out;
        this.settings = settings;
    }

    /** Loads the campaign, plays it out, prints the funnel and returns what happened. */
    public DemoReport run(DemoCampaign campaign) {
        long start = System.nanoTime();
        out.println("  " + campaign.summary());
        CampaignLoader.Loaded loaded = new CampaignLoader(office, coordinator, out, settings.timeout()).load(campaign);
        settle("matching", f -> f.offered() > 0 || f.registered() == 0);
        int[] answers = answerOffers();
        int[] transport = arrangeTransport();
        List<LocalDate> travelDates = firstTravelDates(campaign);
        int[] travel = playOut(travelDates);
        int firstDays = recordFirstDays(travelDates);
        DemoReport.Funnel funnel = settle("the day's records", f -> true);
        out.printf("  campaign funnel (GET /api/monitoring/summary), after %.0f s:%n", seconds(start));
        printFunnel(funnel);
        synchronized (errors) {
            if (!errors.isEmpty()) {
                out.printf("  %,d calls failed; the first: %s%n", errors.size(), errors.get(0));
            }
        }
        return new DemoReport(loaded.employersAdded(), loaded.postingsAdded(), loaded.postingsRejected(),
                loaded.vehiclesAdded(), loaded.vehiclesRejected(), loaded.workersImported(),
                loaded.workersAlreadyThere(), loaded.workersRejected(), answers[0], answers[1], transport[0],
                transport[1], transport[2], travel[0], travel[1], travel[2], firstDays, funnel, errors);
    }

    /**
     * Workers answer their open offers, round by round: a decline makes jobs-service match the worker again, and
     * the next round answers the new offer; so do workers whose first offer comes late, when matching is slow. It
     * ends after {@value #IDLE_ROUNDS} rounds in a row found nothing to answer, nothing waiting for jobs-service's
     * confirmation and the funnel standing still. Returns {accepted, declined}.
     */
    private int[] answerOffers() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger declined = new AtomicInteger();
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        int idle = 0;
        DemoReport.Funnel before = funnel();
        for (int round = 1; idle < IDLE_ROUNDS; round++) {
            AtomicInteger pending = new AtomicInteger();
            AtomicInteger acceptedNow = new AtomicInteger();
            AtomicInteger declinedNow = new AtomicInteger();
            parallel(workers("OFFERED"), workerId -> {
                JsonNode worker = office.get("/api/workers/" + workerId);
                for (JsonNode offer : worker.path("offers")) {
                    String state = offer.path("state").asString();
                    if (state.equals("ACCEPTED")) {
                        pending.incrementAndGet();
                    } else if (state.equals("OPEN")) {
                        answer(workerId, offer, worker.path("declinedOffers").asInt(), acceptedNow, declinedNow);
                    }
                }
            });
            accepted.addAndGet(acceptedNow.get());
            declined.addAndGet(declinedNow.get());
            if (acceptedNow.get() + declinedNow.get() > 0) {
                out.printf("  offers, round %d: %,d accepted, %,d declined with a reason%n", round, acceptedNow.get(),
                        declinedNow.get());
            }
            DemoReport.Funnel after = settle("placements and new offers", f -> true);
            boolean still = acceptedNow.get() + declinedNow.get() + pending.get() == 0 && after.equals(before);
            idle = still ? idle + 1 : 0;
            before = after;
            if (System.nanoTime() > deadline) {
                out.printf("  still answering offers after %d s; going on%n", settings.timeout().toSeconds());
                break;
            }
        }
        return new int[] {accepted.get(), declined.get()};
    }

    private void answer(String workerId, JsonNode offer, int declinedSoFar, AtomicInteger accepted,
            AtomicInteger declined) {
        String offerId = offer.path("offerId").asString();
        String jobId = offer.path("jobId").asString();
        String path = "/api/workers/" + workerId + "/offers/" + offerId;
        GatewayClient.Answer answer;
        if (decisions.accepts(workerId, jobId, declinedSoFar)) {
            answer = office.call("POST", path + "/accept", null);
            count(answer, accepted, path);
        } else {
            answer = office.call("POST", path + "/decline", Map.of("reason", decisions.declineReason(workerId, jobId)));
            count(answer, declined, path);
        }
    }

    /** A 409 means the offer closed meanwhile (expired or withdrawn): nothing to do, and not an error. */
    private void count(GatewayClient.Answer answer, AtomicInteger counter, String call) {
        if (answer.ok()) {
            counter.incrementAndGet();
        } else if (answer.status() != 409) {
            errors.add("POST " + call + ": " + answer.status() + " " + answer.body());
        }
    }

    /**
     * The coordinator plans every travel date that has riders still waiting for a seat, until every placed worker
     * has a seat or a fare subsidy. Returns {dates planned, seated, subsidised}.
     */
    private int[] arrangeTransport() {
        int planned = 0;
        int seated = 0;
        int subsidised = 0;
        for (int pass = 1; pass <= 3; pass++) {
            List<String> waiting = workers("INTENT_AGREED");
            if (waiting.isEmpty()) {
                break;
            }
            TreeSet<LocalDate> dates = new TreeSet<>();
            List<String> unknown = Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            List<String> toFind = waiting;
            while (!toFind.isEmpty()) {
                unknown.clear();
                parallel(toFind, workerId -> {
                    GatewayClient.Answer rider = coordinator.call("GET", "/api/riders/" + workerId, null);
                    if (rider.status() == 404) {
                        unknown.add(workerId); // transport-service has not seen the placement yet
                    } else if (rider.ok()) {
                        if (rider.body().path("status").asString().equals("WAITING")) {
                            synchronized (dates) {
                                dates.add(LocalDate.parse(rider.body().path("travelDate").asString()));
                            }
                        }
                    } else {
                        errors.add("GET /api/riders/" + workerId + ": " + rider.status() + " " + rider.body());
                    }
                });
                toFind = List.copyOf(unknown);
                if (!toFind.isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        errors.add(toFind.size() + " placed workers never reached transport-service");
                        break;
                    }
                    GatewayClient.pause(Duration.ofSeconds(1));
                }
            }
            for (LocalDate date : dates) {
                GatewayClient.Answer answer = coordinator.call("POST", "/api/trips/plan?date=" + date, null);
                if (!answer.ok()) {
                    // A plan that outlasts the gateway's timeout still finishes; the next pass sees what is left.
                    out.printf("  travel date %s: planning answered %d; checking again%n", date, answer.status());
                    continue;
                }
                JsonNode plan = answer.body();
                planned++;
                seated += plan.path("seated").asInt();
                subsidised += plan.path("subsidised").asInt();
                out.printf("  travel date %s planned: %s (lower bound %d), %,d seated, %,d fare subsidies, %,.0f km%n",
                        date, buses(plan.path("buses").asInt()), plan.path("boundBySeats").asInt(),
                        plan.path("seated").asInt(), plan.path("subsidised").asInt(), plan.path("vehicleKm").asDouble());
            }
            settle("seats and subsidies", f -> f.intentAgreed() == f.transportArranged());
        }
        return new int[] {planned, seated, subsidised};
    }

    /**
     * The first travel dates that have buses: each posting's workers travel the day before it starts. Found by
     * asking for the trips of each date rather than by counting days, so a changed rule shows here at once.
     */
    private List<LocalDate> firstTravelDates(DemoCampaign campaign) {
        TreeSet<LocalDate> candidates = new TreeSet<>();
        campaign.postings().forEach(p -> {
            candidates.add(p.startDate().minusDays(1));
            candidates.add(p.startDate());
        });
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date : candidates) {
            if (dates.size() >= settings.travelDatesRun()) {
                break;
            }
            JsonNode trips = coordinator.get("/api/trips?date=" + date);
            boolean any = false;
            for (JsonNode trip : trips) {
                any |= !trip.path("status").asString().equals("CANCELLED");
            }
            if (any) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** Boarding at the village pickups, departure and handover at the sites. Returns {boarded, no-shows, arrived}. */
    private int[] playOut(List<LocalDate> dates) {
        AtomicInteger boarded = new AtomicInteger();
        AtomicInteger noShows = new AtomicInteger();
        AtomicInteger arrived = new AtomicInteger();
        for (LocalDate date : dates) {
            List<JsonNode> trips = new ArrayList<>();
            coordinator.get("/api/trips?date=" + date).forEach(trips::add);
            int before = boarded.get();
            int noShowsBefore = noShows.get();
            int arrivedBefore = arrived.get();
            parallel(trips, trip -> {
                String tripId = trip.path("id").asString();
                if (trip.path("status").asString().equals("PLANNED")) {
                    for (JsonNode rider : trip.path("riders")) {
                        if (rider.path("status").asString().equals("ASSIGNED")) {
                            String workerId = rider.path("workerId").asString();
                            boolean fit = rider.path("fitness").asString().equals("GREEN");
                            String action = fit && decisions.turnsUp(workerId, tripId) ? "board" : "no-show";
                            GatewayClient.Answer answer = coordinator.call("POST",
                                    "/api/trips/" + tripId + "/riders/" + workerId + "/" + action, null);
                            count(answer, action.equals("board") ? boarded : noShows, tripId + " " + action);
                        }
                    }
                }
                JsonNode departed = trip.path("status").asString().equals("CANCELLED") ? trip
                        : coordinator.post("/api/trips/" + tripId + "/depart", null).path("trip");
                for (JsonNode rider : departed.path("riders")) {
                    if (rider.path("status").asString().equals("BOARDED")) {
                        GatewayClient.Answer answer = coordinator.call("POST", "/api/trips/" + tripId + "/riders/"
                                + rider.path("workerId").asString() + "/arrive", null);
                        count(answer, arrived, tripId + " arrive");
                    }
                }
            });
            out.printf("  travel date %s: %s left, %,d riders boarded, %,d did not turn up, %,d arrived%n",
                    date, buses(trips.size()), boarded.get() - before, noShows.get() - noShowsBefore,
                    arrived.get() - arrivedBefore);
        }
        return new int[] {boarded.get(), noShows.get(), arrived.get()};
    }

    /**
     * The labour office records the first day of workers who went by themselves: those placed near home, and those
     * paid a fare subsidy to travel on the dates played out. The first day is their job's start date.
     */
    private int recordFirstDays(List<LocalDate> travelDates) {
        AtomicInteger recorded = new AtomicInteger();
        parallel(workers("TRANSPORT_ARRANGED"), workerId -> {
            JsonNode worker = office.get("/api/workers/" + workerId);
            JsonNode transport = worker.path("transport");
            String kind = transport.path("kind").asString("");
            boolean subsidisedNow = kind.equals("FARE_SUBSIDY") && travelDates.stream()
                    .anyMatch(d -> d.toString().equals(transport.path("travelDate").asString("")));
            if (kind.equals("SELF") || subsidisedNow) {
                String startDate = worker.path("placement").path("startDate").asString();
                count(office.call("POST", "/api/workers/" + workerId + "/first-day", Map.of("date", startDate)),
                        recorded, "first day of " + workerId);
            }
        });
        out.printf("  first days at work recorded for %,d workers who went by themselves%n", recorded.get());
        return recorded.get();
    }

    /** The ids of every worker with this status now. */
    private List<String> workers(String status) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = office.get("/api/workers?status=" + status + "&size=" + PAGE + "&page=" + page);
            answer.path("items").forEach(w -> ids.add(w.path("workerId").asString()));
            if ((long) (page + 1) * PAGE >= answer.path("total").asLong()) {
                return ids;
            }
        }
    }

    /**
     * Waits until the funnel has stood still for the quiet time with the condition true, and returns it; after the
     * step's timeout it goes on with what there is.
     */
    private DemoReport.Funnel settle(String what, Predicate<DemoReport.Funnel> condition) {
        long start = System.nanoTime();
        DemoReport.Funnel last = funnel();
        long stableSince = System.nanoTime();
        while (true) {
            GatewayClient.pause(Duration.ofMillis(500));
            DemoReport.Funnel now = funnel();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= settings.quiet().toNanos() && condition.test(now)) {
                out.printf("  waited %.1f s for %s: %s%n", seconds(start), what, now.line());
                return now;
            }
            if (System.nanoTime() - start > settings.timeout().toNanos()) {
                out.printf("  still not settled after %d s waiting for %s; going on: %s%n",
                        settings.timeout().toSeconds(), what, now.line());
                return now;
            }
        }
    }

    private DemoReport.Funnel funnel() {
        return DemoReport.Funnel.of(office.get("/api/monitoring/summary").path("total"));
    }

    private void printFunnel(DemoReport.Funnel f) {
        row("registered", f.registered(), f.registered());
        row("offered a job", f.offered(), f.registered());
        row("intention agreed (用工意向)", f.intentAgreed(), f.registered());
        row("transport arranged", f.transportArranged(), f.registered());
        row("returned to work", f.returnedToWork(), f.registered());
        if (f.withdrawn() > 0) {
            row("withdrawn", f.withdrawn(), f.registered());
        }
    }

    private void row(String label, long n, long of) {
        out.printf("    %-28s %,7d  %5.1f%%%n", label, n, of == 0 ? 0.0 : 100.0 * n / of);
    }

    /** Runs the action for each item on a few threads; a failure is noted and the others go on. */
    private <T> void parallel(List<T> items, Consumer<T> action) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.threads(), items.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        action.accept(item);
                    } catch (RuntimeException e) {
                        if (errors.size() < 10_000) {
                            errors.add(e.getMessage());
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String buses(int n) {
        return n == 1 ? "1 bus" : String.format("%,d buses", n);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
