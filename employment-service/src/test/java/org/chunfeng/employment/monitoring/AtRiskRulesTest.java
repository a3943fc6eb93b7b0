package org.chunfeng.employment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.employment.monitoring.AtRiskRules.Facts;
import org.chunfeng.employment.monitoring.AtRiskRules.Reason;
import org.chunfeng.employment.monitoring.AtRiskRules.Row;
import org.chunfeng.employment.worker.WorkerStatus;
import org.junit.jupiter.api.Test;

class AtRiskRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    static Facts worker(String id, String household, PovertyStatus poverty, WorkerStatus status, int daysAgo,
            int declined, boolean accepted) {
        return new Facts(id, "名" + id, "138****0000", "程家集镇", "李楼村", household, poverty, status,
                NOW.minus(Duration.ofDays(daysAgo)), declined, accepted, null);
    }

    static Map<String, List<Reason>> reasons(List<Row> rows) {
        Map<String, List<Reason>> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.put(r.workerId(), r.reasons().stream().map(AtRiskRules.Why::code).toList()));
        return out;
    }

    @Test
    void aPoorUnstableOrMarginalWorkerWithoutAnAcceptedOfferAfterNDays() {
        List<Facts> workers = new ArrayList<>();
        workers.add(worker("poor-8", "h1", PovertyStatus.POOR, WorkerStatus.REGISTERED, 8, 0, false));
        workers.add(worker("unstable-7", "h2", PovertyStatus.UNSTABLE, WorkerStatus.OFFERED, 7, 0, false));
        workers.add(worker("marginal-6", "h3", PovertyStatus.MARGINAL, WorkerStatus.REGISTERED, 6, 0, false));
        workers.add(worker("none-30", "h4", PovertyStatus.NONE, WorkerStatus.REGISTERED, 30, 0, false));
        workers.add(worker("accepted", "h5", PovertyStatus.POOR, WorkerStatus.OFFERED, 30, 0, true));
        workers.add(worker("placed", "h6", PovertyStatus.POOR, WorkerStatus.INTENT_AGREED, 30, 0, true));
        Map<String, List<Reason>> listed = reasons(new AtRiskRules(7).evaluate(workers, NOW));
        assertThat(listed.get("poor-8")).contains(Reason.NO_ACCEPTED_OFFER);
        assertThat(listed.get("unstable-7")).contains(Reason.NO_ACCEPTED_OFFER);
        assertThat(listed).doesNotContainKeys("marginal-6", "none-30", "placed");
        assertThat(listed.get("accepted")).as("accepted but not yet confirmed: the household still waits")
                .containsExactly(Reason.HOUSEHOLD_NOT_PLACED);
        assertThat(reasons(new AtRiskRules(5).evaluate(workers, NOW))).containsKey("marginal-6");
    }

    @Test
    void everyWaitingMemberOfAHouseholdWithNobodyPlaced() {
        List<Facts> workers = List.of(
                worker("a1", "hA", PovertyStatus.POOR, WorkerStatus.OFFERED, 10, 0, true),
                worker("a2", "hA", PovertyStatus.POOR, WorkerStatus.REGISTERED, 2, 0, false),
                worker("b1", "hB", PovertyStatus.POOR, WorkerStatus.TRANSPORT_ARRANGED, 10, 0, true),
                worker("b2", "hB", PovertyStatus.POOR, WorkerStatus.REGISTERED, 10, 0, false),
                worker("c1", "hC", PovertyStatus.NONE, WorkerStatus.REGISTERED, 10, 0, false),
                worker("d1", "hD", PovertyStatus.MARGINAL, WorkerStatus.REGISTERED, 3, 0, false),
                worker("e1", "hE", PovertyStatus.POOR, WorkerStatus.WITHDRAWN, 30, 5, false));
        Map<String, List<Reason>> listed = reasons(new AtRiskRules(7).evaluate(workers, NOW));
        assertThat(listed.get("a1")).containsExactly(Reason.HOUSEHOLD_NOT_PLACED);
        assertThat(listed.get("a2")).containsExactly(Reason.HOUSEHOLD_NOT_PLACED);
        assertThat(listed.get("b2")).as("someone in hB is placed").containsExactly(Reason.NO_ACCEPTED_OFFER);
        assertThat(listed).doesNotContainKeys("b1", "c1", "d1", "e1");
    }

    @Test
    void twoDeclinesOrMoreWhateverTheHousehold() {
        List<Facts> workers = List.of(
                worker("twice", "h1", PovertyStatus.NONE, WorkerStatus.REGISTERED, 1, 2, false),
                worker("once", "h2", PovertyStatus.NONE, WorkerStatus.REGISTERED, 1, 1, false),
                worker("placed-after", "h3", PovertyStatus.NONE, WorkerStatus.RETURNED_TO_WORK, 1, 3, true));
        List<Row> rows = new AtRiskRules(7).evaluate(workers, NOW);
        assertThat(reasons(rows)).containsOnlyKeys("twice");
        assertThat(rows.get(0).reasons().get(0).en()).isEqualTo("Declined 2 offers");
        assertThat(rows.get(0).reasons().get(0).zh()).contains("2");
    }

    @Test
    void aWorkerWhoMissedTheBusWhateverTheHousehold() {
        Facts missed = worker("missed", "h1", PovertyStatus.NONE, WorkerStatus.TRANSPORT_ARRANGED, 1, 0, true);
        missed = new Facts(missed.workerId(), missed.name(), missed.phoneMasked(), missed.town(), missed.village(),
                missed.householdId(), missed.povertyStatus(), missed.status(), missed.registeredAt(), 0, true,
                LocalDate.of(2026, 2, 28));
        List<Row> rows = new AtRiskRules(7).evaluate(List.of(missed,
                worker("seated", "h2", PovertyStatus.NONE, WorkerStatus.TRANSPORT_ARRANGED, 1, 0, true)), NOW);

        assertThat(reasons(rows)).containsOnlyKeys("missed").containsEntry("missed", List.of(Reason.MISSED_BUS));
        assertThat(rows.get(0).reasons().get(0).zh()).contains("2026-02-28").contains("未按时乘车");
    }

    @Test
    void mostReasonsFirstThenLongestWaiting() {
        List<Facts> workers = List.of(
                worker("one-old", "h1", PovertyStatus.NONE, WorkerStatus.REGISTERED, 40, 2, false),
                worker("three", "h2", PovertyStatus.POOR, WorkerStatus.REGISTERED, 9, 2, false),
                worker("one-new", "h3", PovertyStatus.NONE, WorkerStatus.REGISTERED, 1, 2, false));
        assertThat(new AtRiskRules(7).evaluate(workers, NOW)).extracting(Row::workerId)
                .containsExactly("three", "one-old", "one-new");
        assertThatThrownBy(() -> new AtRiskRules(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFunnelCountsEachWorkerAtTheirStageAndEveryStageBefore() {
        FunnelStage.Funnel f = FunnelStage.funnel(Map.of(WorkerStatus.REGISTERED, 5L, WorkerStatus.OFFERED, 4L,
                WorkerStatus.INTENT_AGREED, 3L, WorkerStatus.TRANSPORT_ARRANGED, 2L,
                WorkerStatus.RETURNED_TO_WORK, 1L, WorkerStatus.WITHDRAWN, 6L));
        assertThat(f).isEqualTo(new FunnelStage.Funnel(21, 10, 6, 3, 1, 6));
        for (FunnelStage stage : FunnelStage.values()) {
            assertThat(f.get(stage)).isEqualTo(stage.statuses().stream().mapToLong(s -> Map.of(
                    WorkerStatus.REGISTERED, 5L, WorkerStatus.OFFERED, 4L, WorkerStatus.INTENT_AGREED, 3L,
                    WorkerStatus.TRANSPORT_ARRANGED, 2L, WorkerStatus.RETURNED_TO_WORK, 1L,
                    WorkerStatus.WITHDRAWN, 6L).get(s)).sum());
        }
    }
}
