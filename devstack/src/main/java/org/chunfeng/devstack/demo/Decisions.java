package org.chunfeng.devstack.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * How the demo's workers answer their offers and turn up for their buses. Most accept; some decline with a reason
 * and are matched again, and nobody declines more than twice (a third offer is taken). Each answer is drawn from the
 * worker and the job alone, so loading the demo again on the same data answers the same way.
 *
 * @param declineShare the share of first and second offers declined
 * @param noShowShare the share of seated riders who do not turn up at the pickup
 */
record Decisions(double declineShare, double noShowShare) {

    static final Decisions DEMO = new Decisions(0.3, 0.02);
    static final int MOST_DECLINES = 2;

    /** What workers in Chengjiaji said when they turned a job down. */
    static final List<String> DECLINE_REASONS = List.of(
            "离家太远 (too far from home)",
            "工资偏低 (the wage is too low)",
            "家中老人需要照顾 (has to look after the elderly at home)",
            "希望包住宿 (wants a job with accommodation)",
            "想换个工种 (wants another kind of work)",
            "孩子开学前走不开 (cannot leave before the children's school starts)");

    boolean accepts(String workerId, String jobId, int declinedSoFar) {
        return declinedSoFar >= MOST_DECLINES || draw(workerId + "|" + jobId) >= declineShare;
    }

    String declineReason(String workerId, String jobId) {
        return DECLINE_REASONS.get((int) (draw("reason|" + workerId + "|" + jobId) * DECLINE_REASONS.size()));
    }

    boolean turnsUp(String workerId, String tripId) {
        return draw("trip|" + workerId + "|" + tripId) >= noShowShare;
    }

    /** A number in [0, 1) fixed by the text. */
    static double draw(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return (bits >>> 3) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
