package org.chunfeng.jobs.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.candidate.CandidateChange;
import org.chunfeng.jobs.candidate.CandidateStore;
import org.chunfeng.jobs.match.OpeningLedger.Claim;
import org.chunfeng.jobs.support.Area;
import org.chunfeng.jobs.support.Employment;
import org.chunfeng.jobs.support.JobsClient;
import org.chunfeng.jobs.support.Topics;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** reserved + filled never exceeds openings, and no worker holds two live offers, whatever arrives twice or at once. */
@ServiceTest
class InvariantsTest {

    @Autowired
    RestTestClient http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    Matchmaker matchmaker;
    @Autowired
    OpeningLedger ledger;
    @Autowired
    CandidateStore candidates;

    JobsClient jobs;
    Employment employment;
    Topics topics;
    Area area;
    String employer;

    @BeforeEach
    void setUp() {
        jobs = new JobsClient(http);
        employment = new Employment(kafka, json);
        topics = new Topics(json);
        area = Area.fresh();
        employer = jobs.employer("县返岗指挥部 " + area.name(), "RETURN_TO_WORK_HQ", null);
    }

    @Test
    void manyConcurrentReservationsOnOneJobGetExactlyItsOpenings() throws Exception {
        String job = jobs.post(JobsClient.posting(employer, "普工", area.east(1), 20));
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Claim>>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String op = "race-" + i + ":reserve";
            Claim claim = new Claim("race-" + i, "nobody-" + i);
            results.add(pool.submit(() -> {
                start.await();
                return ledger.reserve(job, op, List.of(claim));
            }));
        }
        start.countDown();
        List<String> granted = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            if (!results.get(i).get().isEmpty()) {
                granted.add("race-" + i + ":reserve");
            }
        }
        pool.shutdown();
        assertThat(granted).hasSize(20);
        OpeningLedger.Counts counts = ledger.counts(job);
        assertThat(counts.reserved()).isEqualTo(20);
        assertThat(counts.free()).isZero();

        // The same reservation asked again (a redelivered event) is answered as before and takes nothing more.
        String again = granted.get(0);
        assertThat(ledger.reserve(job, again, List.of(new Claim("race-x", "nobody-x")))).hasSize(1);
        ledger.apply(job, "release-1", -1, 0, List.of());
        ledger.apply(job, "release-1", -1, 0, List.of());
        assertThat(ledger.counts(job).reserved()).isEqualTo(19);
        granted.forEach(op -> ledger.forget(job, op));
        ledger.forget(job, "release-1");
        assertThat(ledger.reserve(job, "late:reserve", List.of(new Claim("late", "nobody")))).hasSize(1);
        assertThat(ledger.reserve(job, "later:reserve", List.of(new Claim("later", "nobody")))).isEmpty();
        ledger.forget(job, "late:reserve");
    }

    @Test
    void redeliveredAndDuplicatedEventsNeverGiveAWorkerTwoOffersOrAJobTooMany() {
        String job = jobs.post(JobsClient.posting(employer, "普工", area.east(1), 10));
        List<String> workers = new ArrayList<>();
        Map<String, String> eventIds = new HashMap<>();
        Map<String, WorkerRegistered> events = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String worker = Employment.newWorkerId();
            workers.add(worker);
            WorkerRegistered e = new WorkerRegistered(worker, Instant.now(), Employment.localWorker(area, "工人" + i));
            events.put(worker, e);
            eventIds.put(worker, employment.publish(e));
        }
        for (String worker : workers) {
            employment.publish(events.get(worker), eventIds.get(worker));
            employment.publish(events.get(worker));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream()
                .allMatch(w -> matchmaker.candidate(w).isPresent()) && jobs.reserved(job) == 10);
        List<MatchProposed> offers;
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName())) {
            matches.until(records -> workers.stream().mapToInt(w -> topics.of(records, MatchProposed.class, w).size())
                    .sum() >= 10);
            var records = matches.settle(Duration.ofSeconds(2));
            offers = workers.stream().flatMap(w -> topics.of(records, MatchProposed.class, w).stream()).toList();
        }
        assertThat(offers).hasSize(10);
        assertThat(offers.stream().collect(Collectors.groupingBy(MatchProposed::workerId, Collectors.counting())))
                .allSatisfy((worker, count) -> assertThat(count).isEqualTo(1));
        assertThat(jobs.reserved(job)).isEqualTo(10);

        try (TopicReader placements = new TopicReader(Topic.JOBS_PLACEMENTS.topicName())) {
            for (MatchProposed offer : offers) {
                OfferAccepted accepted = new OfferAccepted(offer.matchId(), offer.workerId(), job, Instant.now());
                String id = employment.publish(accepted);
                employment.publish(accepted, id);
                employment.publish(accepted);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jobs.filled(job) == 10);
            var records = placements.settle(Duration.ofSeconds(2));
            assertThat(offers).allSatisfy(offer ->
                    assertThat(topics.of(records, PlacementConfirmed.class, offer.workerId())).hasSize(1));
        }
        assertThat(jobs.reserved(job)).isZero();
        assertThat(jobs.job(job).get("status")).isEqualTo("FILLED");
    }

    @Test
    void aPostingWithThousandsOfOpeningsMatchesTheWaitingWorkersAsOneBatch() {
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String worker = Employment.newWorkerId();
            workers.add(worker);
            employment.register(worker, Employment.localWorker(area, "返乡工人" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream().allMatch(w -> matchmaker.candidate(w)
                .map(c -> c.state() == Candidate.State.WAITING).orElse(false)));
        // Prices learned while these workers wait: the only posting near them is a small one they all want.
        String small = jobs.post(JobsClient.posting(employer, "小作坊", area.east(20), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.reserved(small) == 1);
        assertThat(matchmaker.learnPrices()).isGreaterThanOrEqualTo(0);
        String hq = jobs.post(JobsClient.posting(employer, "返岗专项岗位", area.east(4), 5000));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.reserved(hq) == 39);
        assertThat(workers).allSatisfy(w ->
                assertThat(matchmaker.candidate(w).orElseThrow().state()).isEqualTo(Candidate.State.OFFERED));
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName())) {
            var records = matches.until(r -> workers.stream().allMatch(w -> !topics.of(r, MatchProposed.class, w)
                    .isEmpty()));
            assertThat(workers).allSatisfy(w -> assertThat(topics.of(records, MatchProposed.class, w)).hasSize(1));
        }
    }

    @Test
    void aWorkerPricesKeptWaitingIsToldWhyAndOfferedTheOpeningOnceThePricesChange() {
        String kept = jobs.post(JobsClient.posting(employer, "留给后来者的岗位", area.east(3), 2));
        String first = Employment.newWorkerId();
        employment.register(first, Employment.localWorker(area, "先到工人"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.reserved(kept) == 1);
        String worker = Employment.newWorkerId();
        try {
            // The workers still expected are learned to need this posting's openings far more than anyone here would gain.
            matchmaker.adoptPricesForTest(Map.of(kept, 1_000.0));
            employment.register(worker, Employment.localWorker(area, "等候工人"));
            await().atMost(Duration.ofSeconds(30)).until(() -> matchmaker.candidate(worker)
                    .map(c -> c.state() == Candidate.State.WAITING).orElse(false));
            assertThat(jobs.reserved(kept)).isEqualTo(1);

            // The first worker declines: the opening that comes free is not handed to the waiting worker either.
            Candidate.Offer offer = matchmaker.candidate(first).orElseThrow().offer();
            employment.publish(new OfferDeclined(offer.matchId(), first, kept, Instant.now(), "不去了"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> jobs.reserved(kept) == 0);
            Map<?, ?> explained = http.get().uri("/api/matching/explain?workerId={w}", worker)
                    .header(AUTHORIZATION, JobsClient.office()).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(explained.get("keptForOthers")).isEqualTo(1);
            assertThat((List<?>) explained.get("bestOptions")).singleElement()
                    .satisfies(o -> assertThat(((Map<?, ?>) o).get("keptForOthers")).isEqualTo(true));

            // New prices that no longer keep them: the waiting worker is tried again without any event of their own.
            matchmaker.adoptPricesForTest(Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> jobs.reserved(kept) == 1);
            assertThat(matchmaker.candidate(worker).orElseThrow().state()).isEqualTo(Candidate.State.OFFERED);
        } finally {
            matchmaker.adoptPricesForTest(null);
        }
    }

    @Test
    void whileABatchIsSolvedOthersAreMatchedAndAnswersHeardAndTheResultHonoursThem() {
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String worker = Employment.newWorkerId();
            workers.add(worker);
            employment.register(worker, Employment.localWorker(area, "候批工人" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream().allMatch(w -> matchmaker.candidate(w)
                .map(c -> c.state() == Candidate.State.WAITING).orElse(false)));
        String quitter = workers.get(0);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        matchmaker.holdBatchSolvesUntil(gate);
        String hq;
        String batchId;
        try {
            hq = jobs.post(JobsClient.posting(employer, "返岗专项岗位", area.east(4), 5000));
            // The batch over these workers is being solved; meanwhile a worker withdraws,
            employment.publish(new WorkerWithdrawn(quitter, Instant.now(), "已自行外出务工"));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    matchmaker.candidate(quitter).orElseThrow().state() == Candidate.State.WITHDRAWN);
            // a newcomer elsewhere is offered a job near them at once,
            Area elsewhere = Area.fresh();
            String newcomer = Employment.newWorkerId();
            employment.register(newcomer, Employment.localWorker(elsewhere, "新来的"));
            await().atMost(Duration.ofSeconds(20)).until(() -> matchmaker.candidate(newcomer).isPresent());
            String nearNewcomer = jobs.post(JobsClient.posting(employer, "家门口的岗位", elsewhere.east(2), 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> jobs.reserved(nearNewcomer) == 1);
            // The office asking for a batch now is shown the one being solved, to follow;
            Map<?, ?> asked = http.post().uri("/api/matching/batch").header(AUTHORIZATION, JobsClient.office())
                    .exchange().expectStatus().isAccepted().expectHeader().exists("Location")
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(asked.get("state")).isEqualTo("RUNNING");
            batchId = (String) asked.get("batchId");
            Map<?, ?> running = batch(batchId);
            assertThat(running.get("state")).isEqualTo("RUNNING");
            // (held before its first round, so nothing is known yet of how far it has come)
            assertThat(running.get("rounds")).isEqualTo(0);
            assertThat(running.get("gap")).isNull();
            // and a small job near the batch's workers waits for the batch instead of racing it.
            String small = jobs.post(JobsClient.posting(employer, "小作坊", area.east(2), 1));
            assertThat(jobs.reserved(small)).isZero();
            assertThat(jobs.reserved(hq)).isZero();
            assertThat(workers.subList(1, workers.size())).allSatisfy(w ->
                    assertThat(matchmaker.candidate(w).orElseThrow().state()).isEqualTo(Candidate.State.WAITING));
        } finally {
            gate.complete(null);
            matchmaker.holdBatchSolvesUntil(CompletableFuture.completedFuture(null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.reserved(hq) == 11);
        await().atMost(Duration.ofSeconds(10)).until(() -> batch(batchId).get("state").equals("DONE"));
        Map<?, ?> done = batch(batchId);
        assertThat(((Number) done.get("proposed")).intValue()).isGreaterThanOrEqualTo(11);
        assertThat(((Number) done.get("rounds")).intValue()).isPositive();
        assertThat(((Number) done.get("gap")).doubleValue()).isZero();
        List<?> latest = http.get().uri("/api/matching/batch").header(AUTHORIZATION, JobsClient.office()).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) latest.get(0)).get("batchId")).isEqualTo(batchId);
        http.get().uri("/api/matching/batch/{id}", "no-such-batch").header(AUTHORIZATION, JobsClient.office())
                .exchange().expectStatus().isNotFound();
        assertThat(matchmaker.candidate(quitter).orElseThrow().state()).isEqualTo(Candidate.State.WITHDRAWN);
        assertThat(workers.subList(1, workers.size())).allSatisfy(w ->
                assertThat(matchmaker.candidate(w).orElseThrow().offer().jobId()).isEqualTo(hq));
    }

    private Map<?, ?> batch(String batchId) {
        return http.get().uri("/api/matching/batch/{id}", batchId).header(AUTHORIZATION, JobsClient.office())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void recoveryUndoesAReservationWhoseOfferWasNeverWritten() {
        String worker = Employment.newWorkerId();
        employment.register(worker, Employment.localWorker(area, "孤单"));
        await().atMost(Duration.ofSeconds(20)).until(() -> matchmaker.candidate(worker).isPresent());
        Area elsewhere = Area.fresh();
        String job = jobs.post(JobsClient.posting(employer, "远方岗位", elsewhere.east(1), 1));
        long versionBefore = matchmaker.candidate(worker).orElseThrow().version();

        // As if the process died between reserving the opening and writing the offer.
        assertThat(ledger.reserve(job, "m-crashed:reserve", List.of(new Claim("m-crashed", worker)))).hasSize(1);
        assertThat(ledger.counts(job).free()).isZero();

        matchmaker.recover(Duration.ZERO);
        assertThat(ledger.counts(job).reserved()).isZero();
        assertThat(ledger.journal()).noneMatch(e -> e.jobId().equals(job));
        assertThat(candidates.load(worker).orElseThrow().version()).isGreaterThan(versionBefore);
        matchmaker.recover(Duration.ZERO);
        assertThat(ledger.counts(job).reserved()).isZero();
    }

    @Test
    void recoverySettlesTheReleaseAWorkerStillOwesAPosting() {
        String job = jobs.post(JobsClient.posting(employer, "普工", area.east(1), 3));
        String worker = Employment.newWorkerId();
        employment.register(worker, Employment.localWorker(area, "刘强"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.reserved(job) == 1);
        Candidate copy = matchmaker.candidate(worker).orElseThrow();
        String matchId = copy.offer().matchId();

        // As if the process died after writing the worker's release but before the posting heard of it.
        Candidate.Owed owed = new Candidate.Owed(job, matchId + ":release", -1, 0, matchId);
        assertThat(candidates.write(copy, new CandidateChange().state(Candidate.State.WAITING).offer(null)
                .past(new Candidate.PastMatch(matchId, job, "DECLINED", Instant.now())).exclude(job).owe(owed)))
                .isTrue();
        assertThat(jobs.reserved(job)).isEqualTo(1);

        matchmaker.recover(Duration.ZERO);
        assertThat(jobs.reserved(job)).isZero();
        assertThat(candidates.load(worker).orElseThrow().owed()).isEmpty();
        matchmaker.recover(Duration.ZERO);
        assertThat(jobs.reserved(job)).isZero();
        assertThat(matchmaker.candidate(worker).orElseThrow().state()).isEqualTo(Candidate.State.WAITING);
    }

    static WorkerProfile profile(Area area, String name) {
        return Employment.localWorker(area, name);
    }
}
