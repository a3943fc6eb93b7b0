package org.chunfeng.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.employment.WorkerUpdated;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.contracts.jobs.JobClosed;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.contracts.jobs.JobPosting;
import org.chunfeng.contracts.jobs.JobUpdated;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;

/**
 * One realistic payload per event: a worker from Chengjiaji Town, Lixin County, travelling in February 2020 to an
 * electronics plant in Suzhou Industrial Park. Every identifier differs from every other, so a test that finds the
 * key field's value in the record key cannot have found it by coincidence.
 */
final class EventSamples {

    static final String WORKER_ID = "wkr-20200218-0417";
    static final String JOB_ID = "job-sz-elec-0032";
    static final String MATCH_ID = "match-7f3a9c21";
    static final String PLACEMENT_ID = "plc-5b21e804";
    static final String TRIP_ID = "trip-20200224-lx-sz-03";

    // Coordinates are those of the places named; village-level positions are approximate.
    static final Place COLLECTION_POINT = new Place("cp-cjj-chengjiaji", "程家集村村委会集合点", "利辛县",
            new GeoPoint(33.2396, 115.9836));
    static final GeoPoint HOME = new GeoPoint(33.2461, 115.9772);
    static final Place SUZHOU_SITE = new Place("site-sz-sip-xinghu", "苏州工业园区星湖街厂区", "苏州市",
            new GeoPoint(31.2989, 120.7356));

    static final WorkerProfile PROFILE = new WorkerProfile(
            "王秀兰",
            "341623********2846",
            "138****5621",
            46,
            "女",
            "hh-cjj-chengjiaji-0912",
            PovertyStatus.POOR,
            List.of(),
            "利辛县",
            "程家集镇",
            "程家集村",
            COLLECTION_POINT,
            HOME,
            List.of(new SkillLevel(Skill.ELECTRONICS_ASSEMBLY, 6), new SkillLevel(Skill.GARMENT, 3)),
            WorkIntent.AWAY,
            List.of("苏州市", "宁波市"),
            3200,
            LocalDate.of(2020, 2, 20),
            TravelFitness.GREEN,
            LocalDate.of(2020, 2, 17));

    static final JobPosting POSTING = new JobPosting(
            "emp-sz-chunhui-elec",
            "苏州春晖电子有限公司",
            EmployerKind.ENTERPRISE,
            "电子装配普工",
            Skill.ELECTRONICS_ASSEMBLY,
            List.of(Skill.ELECTRONICS_ASSEMBLY),
            120,
            SUZHOU_SITE,
            4800,
            LocalDate.of(2020, 2, 25),
            true,
            18,
            50,
            List.of(),
            null);

    private EventSamples() {
    }

    /** The sample of one event; the switch has no default, so a new EventType does not compile without one. */
    static Event of(EventType type) {
        return switch (type) {
            case WORKER_REGISTERED -> new WorkerRegistered(WORKER_ID, at("2020-02-18T01:12:40Z"), PROFILE);
            case WORKER_UPDATED -> new WorkerUpdated(WORKER_ID, at("2020-02-19T03:05:11Z"), PROFILE);
            case WORKER_WITHDRAWN -> new WorkerWithdrawn(WORKER_ID, at("2020-03-02T06:40:00Z"), "本人已在县城就近找到工作");
            case OFFER_ACCEPTED -> new OfferAccepted(MATCH_ID, WORKER_ID, JOB_ID, at("2020-02-21T02:30:00Z"));
            case OFFER_DECLINED -> new OfferDeclined(MATCH_ID, WORKER_ID, JOB_ID, at("2020-02-21T02:30:00Z"),
                    "家中老人需要照顾，不能外出");
            case JOB_POSTED -> new JobPosted(JOB_ID, at("2020-02-16T00:00:00Z"), POSTING);
            case JOB_UPDATED -> new JobUpdated(JOB_ID, at("2020-02-19T08:15:00Z"), POSTING);
            case JOB_CLOSED -> new JobClosed(JOB_ID, at("2020-02-28T10:00:00Z"), "岗位已招满");
            case MATCH_PROPOSED -> new MatchProposed(MATCH_ID, WORKER_ID, JOB_ID, POSTING.title(),
                    POSTING.employerName(), POSTING.employerKind(), SUZHOU_SITE, POSTING.monthlyWage(),
                    POSTING.startDate(), POSTING.accommodation(), 87.5,
                    List.of(new ScoreComponent("skills", 40.0, "有6年电子装配经验", "6 years of electronics assembly"),
                            new ScoreComponent("poverty", 30.0, "建档立卡贫困户优先", "Registered poor household first"),
                            new ScoreComponent("wage", 17.5, "月薪4800元，高于期望3200元",
                                    "Wage 4,800 yuan, above the 3,200 asked")),
                    at("2020-02-20T01:00:00Z"), at("2020-02-22T01:00:00Z"));
            case MATCH_EXPIRED -> new MatchExpired(MATCH_ID, WORKER_ID, JOB_ID, at("2020-02-22T01:00:00Z"));
            case MATCH_WITHDRAWN -> new MatchWithdrawn(MATCH_ID, WORKER_ID, JOB_ID, "岗位已关闭",
                    at("2020-02-21T09:00:00Z"));
            case PLACEMENT_CONFIRMED -> new PlacementConfirmed(PLACEMENT_ID, MATCH_ID, WORKER_ID, JOB_ID,
                    POSTING.employerId(), POSTING.employerName(), PROFILE.name(), PROFILE.phoneMasked(),
                    TravelFitness.GREEN, PROFILE.town(), PROFILE.village(), COLLECTION_POINT, SUZHOU_SITE,
                    POSTING.startDate(), false, at("2020-02-21T02:30:05Z"));
            case PLACEMENT_CANCELLED -> new PlacementCancelled(PLACEMENT_ID, WORKER_ID, JOB_ID, "用人单位推迟复工",
                    at("2020-02-23T04:00:00Z"));
            case SEAT_ASSIGNED -> new SeatAssigned(WORKER_ID, PLACEMENT_ID, TRIP_ID, LocalDate.of(2020, 2, 24),
                    "皖S·D3721", 17, COLLECTION_POINT, at("2020-02-23T22:30:00Z"), SUZHOU_SITE, "李建国",
                    "139****0873", null, at("2020-02-22T12:00:00Z"));
            case FARE_SUBSIDY_GRANTED -> new FareSubsidyGranted("sub-3c9d1e77", WORKER_ID, PLACEMENT_ID,
                    new BigDecimal("186.50"), 618.4, "同日同方向人数不足，无法成车", at("2020-02-22T12:00:00Z"));
            case RIDER_BOARDED -> new RiderBoarded(TRIP_ID, WORKER_ID, PLACEMENT_ID, at("2020-02-23T22:41:00Z"));
            case RIDER_ARRIVED -> new RiderArrived(TRIP_ID, WORKER_ID, PLACEMENT_ID, SUZHOU_SITE.name(),
                    at("2020-02-24T07:55:00Z"));
            case RIDER_NO_SHOW -> new RiderNoShow(TRIP_ID, WORKER_ID, PLACEMENT_ID, LocalDate.parse("2020-02-23"),
                    at("2020-02-23T22:50:00Z"));
            case TRIP_CANCELLED -> new TripCancelled(TRIP_ID, WORKER_ID, PLACEMENT_ID, "车辆故障，改派他车",
                    at("2020-02-23T15:00:00Z"));
        };
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
