package org.chunfeng.jobs.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.contracts.jobs.JobClosed;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.chunfeng.jobs.match.Matchmaker;
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

/** The life of an offer, through the real broker: employment's events in, jobs-service's events out. */
@ServiceTest
class MatchingFlowTest {

    @Autowired
    RestTestClient http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    Matchmaker matchmaker;

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
        employer = jobs.employer("春风服装厂 " + area.name());
    }

    @Test
    void aRegisteredWorkerIsOfferedTheBestJobWithTheReasons() {
        String near = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(3), 2));
        String far = jobs.post(JobsClient.posting(employer, "包装工", area.east(18), 2));
        String worker = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName())) {
            employment.register(worker, Employment.localWorker(area, "王秀英"));
            MatchProposed offer = topics.await(matches, MatchProposed.class, worker, 1).get(0);
            assertThat(offer.jobId()).isEqualTo(near);
            assertThat(offer.jobTitle()).isEqualTo("缝纫工");
            assertThat(offer.employerName()).startsWith("春风服装厂");
            assertThat(offer.score()).isPositive();
            assertThat(offer.scoreBreakdown()).extracting(ScoreComponent::criterion)
                    .containsExactly("skill", "distance", "wage", "priority", "waiting");
            assertThat(offer.scoreBreakdown().get(1).reasonZh()).contains("公里");
            assertThat(offer.scoreBreakdown().get(3).reasonEn()).contains("poor household");
            assertThat(offer.expiresAt()).isEqualTo(offer.proposedAt().plus(Duration.ofHours(72)));
            assertThat(offer.scoreBreakdown().stream().mapToDouble(ScoreComponent::points).sum())
                    .isCloseTo(offer.score(), org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(jobs.reserved(near)).isEqualTo(1);
        assertThat(jobs.reserved(far)).isZero();
        Map<?, ?> explained = explain(worker);
        assertThat(explained.get("state")).isEqualTo("OFFERED");
        assertThat(((Map<?, ?>) explained.get("matched")).get("jobId")).isEqualTo(near);
    }

    @Test
    void aDeclineReleasesTheOpeningAndRematchesNeverToTheSameJob() {
        String first = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(2), 1));
        String second = jobs.post(JobsClient.posting(employer, "熨烫工", area.east(12), 1));
        String worker = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName())) {
            employment.register(worker, Employment.localWorker(area, "李桂兰"));
            MatchProposed offer = topics.await(matches, MatchProposed.class, worker, 1).get(0);
            assertThat(offer.jobId()).isEqualTo(first);

            employment.publish(new OfferDeclined(offer.matchId(), worker, first, Instant.now(), "太远"));
            MatchProposed again = topics.await(matches, MatchProposed.class, worker, 2).get(1);
            assertThat(again.jobId()).isEqualTo(second);
            assertThat(jobs.reserved(first)).isZero();
            assertThat(jobs.reserved(second)).isEqualTo(1);

            employment.publish(new OfferDeclined(again.matchId(), worker, second, Instant.now(), "不合适"));
            await().atMost(Duration.ofSeconds(20)).until(() -> jobs.reserved(second) == 0);
            assertThat(topics.of(matches.settle(Duration.ofSeconds(1)), MatchProposed.class, worker)).hasSize(2);
        }
        Map<?, ?> explained = explain(worker);
        assertThat(explained.get("state")).isEqualTo("WAITING");
        assertThat((List<?>) explained.get("ruledOut")).anySatisfy(line -> {
            assertThat(((Map<?, ?>) line).get("constraint")).isEqualTo("NOT_DECLINED");
            assertThat(((Map<?, ?>) line).get("postings")).isEqualTo(2);
        });
    }

    @Test
    void anExpiredOfferIsAnnouncedReleasesItsOpeningAndTheWorkerIsMatchedElsewhere() {
        String first = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(2), 1));
        String worker = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName())) {
            employment.register(worker, Employment.localWorker(area, "张兰"));
            MatchProposed offer = topics.await(matches, MatchProposed.class, worker, 1).get(0);
            String second = jobs.post(JobsClient.posting(employer, "裁剪工", area.east(8), 1));

            assertThat(matchmaker.expireOffer(worker, offer.expiresAt().minusSeconds(1))).isFalse();
            assertThat(matchmaker.expireOffer(worker, offer.expiresAt())).isTrue();
            MatchExpired expired = topics.await(matches, MatchExpired.class, worker, 1).get(0);
            assertThat(expired.matchId()).isEqualTo(offer.matchId());
            assertThat(jobs.reserved(first)).isZero();
            MatchProposed again = topics.await(matches, MatchProposed.class, worker, 2).get(1);
            assertThat(again.jobId()).isEqualTo(second);
        }
    }

    @Test
    void closingAJobWithdrawsItsLiveOffersAndRematchesThoseWorkers() {
        String closing = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(2), 3));
        String worker = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName());
                TopicReader postings = new TopicReader(Topic.JOBS_POSTINGS.topicName())) {
            employment.register(worker, Employment.localWorker(area, "赵玉梅"));
            assertThat(topics.await(matches, MatchProposed.class, worker, 1).get(0).jobId()).isEqualTo(closing);
            String other = jobs.post(JobsClient.posting(employer, "质检员", area.east(9), 1));

            jobs.close(closing);
            MatchWithdrawn withdrawn = topics.await(matches, MatchWithdrawn.class, worker, 1).get(0);
            assertThat(withdrawn.reason()).isEqualTo("JOB_CLOSED");
            assertThat(topics.await(matches, MatchProposed.class, worker, 2).get(1).jobId()).isEqualTo(other);
            assertThat(topics.await(postings, JobClosed.class, closing, 1).get(0).reason()).contains("停止招聘");
        }
        assertThat(jobs.job(closing).get("status")).isEqualTo("CLOSED");
        assertThat(jobs.reserved(closing)).isZero();
    }

    @Test
    void aWithdrawnWorkersOpeningGoesToTheNextWaitingWorker() {
        String job = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(2), 1));
        String first = Employment.newWorkerId();
        String second = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName())) {
            employment.register(first, Employment.localWorker(area, "孙凤"));
            topics.await(matches, MatchProposed.class, first, 1);
            employment.register(second, Employment.localWorker(area, "周梅"));
            assertThat(topics.of(matches.settle(Duration.ofMillis(500)), MatchProposed.class, second)).isEmpty();

            employment.publish(new WorkerWithdrawn(first, Instant.now(), "已自行外出务工"));
            assertThat(topics.await(matches, MatchWithdrawn.class, first, 1).get(0).reason())
                    .isEqualTo("WORKER_WITHDRAWN");
            assertThat(topics.await(matches, MatchProposed.class, second, 1).get(0).jobId()).isEqualTo(job);
        }
        assertThat(jobs.reserved(job)).isEqualTo(1);
    }

    @Test
    void anAcceptedOfferBecomesAPlacementWithWhatTransportNeeds() {
        String job = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(5), 2));
        String worker = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName());
                TopicReader placements = new TopicReader(Topic.JOBS_PLACEMENTS.topicName())) {
            employment.register(worker, Employment.localWorker(area, "钱红"));
            MatchProposed offer = topics.await(matches, MatchProposed.class, worker, 1).get(0);
            employment.publish(new OfferAccepted(offer.matchId(), worker, job, Instant.now()));
            PlacementConfirmed placed = topics.await(placements, PlacementConfirmed.class, worker, 1).get(0);
            assertThat(placed.placementId()).isEqualTo(offer.matchId());
            assertThat(placed.matchId()).isEqualTo(offer.matchId());
            assertThat(placed.jobId()).isEqualTo(job);
            assertThat(placed.employerId()).isEqualTo(employer);
            assertThat(placed.workerName()).isEqualTo("钱红");
            assertThat(placed.phoneMasked()).isEqualTo("138****0000");
            assertThat(placed.collectionPoint().location()).isEqualTo(area.centre());
            assertThat(placed.site().location().lon()).isEqualTo(area.east(5).lon());
            assertThat(placed.startDate()).isEqualTo(JobsClient.START);
            assertThat(placed.local()).isTrue();
        }
        assertThat(jobs.filled(job)).isEqualTo(1);
        assertThat(jobs.reserved(job)).isZero();
        List<?> placed = http.get().uri("/api/jobs/{id}/placements", job).header(AUTHORIZATION, JobsClient.office())
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(placed).hasSize(1);
        assertThat(((Map<?, ?>) placed.get(0)).get("workerId")).isEqualTo(worker);
    }

    @Test
    void anAcceptAfterExpiryIsHonouredWhileAnOpeningIsLeftAndRefusedWhenNone() {
        String job = jobs.post(JobsClient.posting(employer, "缝纫工", area.east(2), 1));
        String late = Employment.newWorkerId();
        String next = Employment.newWorkerId();
        String lucky = Employment.newWorkerId();
        try (TopicReader matches = new TopicReader(Topic.JOBS_MATCHES.topicName());
                TopicReader placements = new TopicReader(Topic.JOBS_PLACEMENTS.topicName())) {
            employment.register(late, Employment.localWorker(area, "吴芳"));
            MatchProposed offer = topics.await(matches, MatchProposed.class, late, 1).get(0);
            matchmaker.expireOffer(late, offer.expiresAt());
            topics.await(matches, MatchExpired.class, late, 1);
            employment.register(next, Employment.localWorker(area, "郑丽"));
            topics.await(matches, MatchProposed.class, next, 1);

            // The lapsed offer's only opening went to the next worker: the accept is answered with a cancellation.
            employment.publish(new OfferAccepted(offer.matchId(), late, job, Instant.now()));
            PlacementCancelled refused = topics.await(placements, PlacementCancelled.class, late, 1).get(0);
            assertThat(refused.placementId()).isEqualTo(offer.matchId());
            assertThat(refused.reason()).isEqualTo("OFFER_LAPSED_NO_OPENING");
            assertThat(jobs.reserved(job) + jobs.filled(job)).isEqualTo(1);

            // With an opening left, a late accept is honoured.
            String roomy = jobs.post(JobsClient.posting(employer, "裁床工", area.east(20), 2));
            employment.register(lucky, Employment.localWorker(area, "冯静"));
            MatchProposed luckyOffer = topics.of(matches.until(r -> topics.of(r, MatchProposed.class, lucky).stream()
                    .anyMatch(m -> m.jobId().equals(roomy))), MatchProposed.class, lucky).get(0);
            matchmaker.expireOffer(lucky, luckyOffer.expiresAt());
            employment.publish(new OfferAccepted(luckyOffer.matchId(), lucky, roomy, Instant.now()));
            PlacementConfirmed placed = topics.await(placements, PlacementConfirmed.class, lucky, 1).get(0);
            assertThat(placed.matchId()).isEqualTo(luckyOffer.matchId());
            assertThat(jobs.filled(roomy)).isEqualTo(1);
        }
    }

    @Test
    void aWorkerNoJobFitsIsToldWhichConstraintsRuledHowManyOut() {
        jobs.post(JobsClient.posting(employer, "缝纫工", area.east(2), 1));
        Map<String, Object> tooFar = JobsClient.posting(employer, "远处缝纫工", area.east(40), 1);
        jobs.post(tooFar);
        String worker = Employment.newWorkerId();
        var profile = Employment.localWorker(area, "陈老汉");
        var old = new org.chunfeng.contracts.employment.WorkerProfile(profile.name(), profile.idNumberMasked(),
                profile.phoneMasked(), 66, profile.sex(), profile.householdId(), profile.povertyStatus(),
                profile.specialGroups(), profile.county(), profile.town(), profile.village(), profile.collectionPoint(),
                profile.home(), profile.skills(), profile.intent(), profile.preferredCities(), profile.minMonthlyWage(),
                profile.availableFrom(), profile.fitness(), profile.fitnessCheckedOn());
        employment.register(worker, old);
        await().atMost(Duration.ofSeconds(20)).until(() -> matchmaker.candidate(worker).isPresent());
        Map<?, ?> explained = explain(worker);
        assertThat(explained.get("matched")).isNull();
        // Nothing fits, so no posting can be one kept for workers still expected either.
        assertThat(explained.get("keptForOthers")).isEqualTo(0);
        assertThat((List<?>) explained.get("ruledOut")).anySatisfy(line -> {
            assertThat(((Map<?, ?>) line).get("constraint")).isEqualTo("AGE_RANGE");
            assertThat((Integer) ((Map<?, ?>) line).get("postings")).isGreaterThanOrEqualTo(2);
            assertThat((String) ((Map<?, ?>) line).get("reasonZh")).contains("年龄");
        });
        assertThat((List<?>) explained.get("ruledOut")).anySatisfy(line ->
                assertThat(((Map<?, ?>) line).get("constraint")).isEqualTo("WORK_INTENT"));
    }

    private Map<?, ?> explain(String worker) {
        return http.get().uri("/api/matching/explain?workerId={w}", worker).header(AUTHORIZATION, JobsClient.office())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
