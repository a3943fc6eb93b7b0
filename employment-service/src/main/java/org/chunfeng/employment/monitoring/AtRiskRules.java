package org.chunfeng.employment.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.employment.worker.WorkerStatus;

/**
 * Who may fall back into poverty (返贫监测预警), and why:
 * <ul>
 * <li>a worker of a poor, unstable or marginal household with no accepted offer {@code days} after registering;</li>
 * <li>every waiting member of such a household when no member is placed {@code days} after the household's first
 * registration;</li>
 * <li>a worker not placed who declined two offers or more;</li>
 * <li>a worker who did not turn up for their bus, until they travel another way or are seated again.</li>
 * </ul>
 * Withdrawn workers have left the campaign and are not listed.
 */
public final class AtRiskRules {

    static final Set<PovertyStatus> WATCHED = EnumSet.of(PovertyStatus.POOR, PovertyStatus.UNSTABLE,
            PovertyStatus.MARGINAL);
    static final int DECLINES = 2;

    public enum Reason {
        NO_ACCEPTED_OFFER, HOUSEHOLD_NOT_PLACED, DECLINED_OFFERS, MISSED_BUS
    }

    /** What the rules need to know of one worker. */
    public record Facts(String workerId, String name, String phoneMasked, String town, String village,
            String householdId, PovertyStatus povertyStatus, WorkerStatus status, Instant registeredAt,
            int declinedOffers, boolean acceptedOffer, LocalDate missedBusOn) {
    }

    /** One reason, said in Chinese and English for the dashboard. */
    public record Why(Reason code, String zh, String en) {
    }

    public record Row(String workerId, String name, String phoneMasked, String town, String village,
            String householdId, PovertyStatus povertyStatus, WorkerStatus status, Instant registeredAt,
            long daysSinceRegistered, int declinedOffers, List<Why> reasons) {
    }

    private final int days;

    public AtRiskRules(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        this.days = days;
    }

    /** The listed workers, most reasons first, then longest waiting. */
    public List<Row> evaluate(List<Facts> workers, Instant now) {
        Map<String, List<Facts>> households = new HashMap<>();
        for (Facts f : workers) {
            if (f.status() != WorkerStatus.WITHDRAWN && f.householdId() != null) {
                households.computeIfAbsent(f.householdId(), h -> new ArrayList<>()).add(f);
            }
        }
        Map<String, Boolean> householdAtRisk = new LinkedHashMap<>();
        households.forEach((id, members) -> householdAtRisk.put(id,
                members.stream().anyMatch(m -> WATCHED.contains(m.povertyStatus()))
                        && members.stream().noneMatch(m -> m.status().isPlaced())
                        && members.stream().map(Facts::registeredAt).min(Comparator.naturalOrder())
                                .map(first -> daysBetween(first, now) >= days).orElse(false)));

        List<Row> rows = new ArrayList<>();
        for (Facts f : workers) {
            if (f.status() == WorkerStatus.WITHDRAWN) {
                continue;
            }
            long waited = daysBetween(f.registeredAt(), now);
            List<Why> reasons = new ArrayList<>();
            if (WATCHED.contains(f.povertyStatus()) && !f.acceptedOffer() && waited >= days) {
                reasons.add(new Why(Reason.NO_ACCEPTED_OFFER,
                        label(f.povertyStatus()) + "，登记 " + waited + " 天仍无接受的岗位",
                        f.povertyStatus() + " household, no accepted offer " + waited + " days after registering"));
            }
            if (Boolean.TRUE.equals(householdAtRisk.get(f.householdId()))) {
                reasons.add(new Why(Reason.HOUSEHOLD_NOT_PLACED, "户 " + f.householdId() + " 尚无一人就业",
                        "No member of household " + f.householdId() + " is placed"));
            }
            if (f.declinedOffers() >= DECLINES && !f.status().isPlaced()) {
                reasons.add(new Why(Reason.DECLINED_OFFERS, "已拒绝 " + f.declinedOffers() + " 个岗位",
                        "Declined " + f.declinedOffers() + " offers"));
            }
            if (f.missedBusOn() != null) {
                reasons.add(new Why(Reason.MISSED_BUS, f.missedBusOn() + " 未按时乘车，座位已取消",
                        "Did not turn up for the bus on " + f.missedBusOn() + "; the seat was given up"));
            }
            if (!reasons.isEmpty()) {
                rows.add(new Row(f.workerId(), f.name(), f.phoneMasked(), f.town(), f.village(), f.householdId(),
                        f.povertyStatus(), f.status(), f.registeredAt(), waited, f.declinedOffers(),
                        List.copyOf(reasons)));
            }
        }
        rows.sort(Comparator.comparingInt((Row r) -> -r.reasons().size()).thenComparing(Row::registeredAt)
                .thenComparing(Row::workerId));
        return rows;
    }

    static long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    private static String label(PovertyStatus status) {
        return switch (status) {
            case POOR -> "建档立卡贫困户";
            case UNSTABLE -> "脱贫不稳定户";
            case MARGINAL -> "边缘户";
            case NONE -> "一般户";
        };
    }
}
