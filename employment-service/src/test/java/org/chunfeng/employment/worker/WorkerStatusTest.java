package org.chunfeng.employment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.employment.worker.WorkerStatus.INTENT_AGREED;
import static org.chunfeng.employment.worker.WorkerStatus.OFFERED;
import static org.chunfeng.employment.worker.WorkerStatus.REGISTERED;
import static org.chunfeng.employment.worker.WorkerStatus.RETURNED_TO_WORK;
import static org.chunfeng.employment.worker.WorkerStatus.TRANSPORT_ARRANGED;
import static org.chunfeng.employment.worker.WorkerStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.chunfeng.kit.error.ConflictException;
import org.junit.jupiter.api.Test;

class WorkerStatusTest {

    /** The campaign's flow, written out independently of the enum's table. */
    static final Map<WorkerStatus, Set<WorkerStatus>> LEGAL = Map.of(
            REGISTERED, EnumSet.of(OFFERED, WITHDRAWN),
            OFFERED, EnumSet.of(REGISTERED, INTENT_AGREED, WITHDRAWN),
            INTENT_AGREED, EnumSet.of(TRANSPORT_ARRANGED, REGISTERED, WITHDRAWN),
            TRANSPORT_ARRANGED, EnumSet.of(RETURNED_TO_WORK, INTENT_AGREED, REGISTERED, WITHDRAWN),
            RETURNED_TO_WORK, EnumSet.noneOf(WorkerStatus.class),
            WITHDRAWN, EnumSet.noneOf(WorkerStatus.class));

    @Test
    void everyPairIsLegalExactlyWhenTheFlowSaysSo() {
        int legal = 0;
        int illegal = 0;
        for (WorkerStatus from : WorkerStatus.values()) {
            for (WorkerStatus to : WorkerStatus.values()) {
                boolean expected = LEGAL.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
                if (expected) {
                    assertThat(from.moveTo(to)).isEqualTo(to);
                    legal++;
                } else {
                    assertThatThrownBy(() -> from.moveTo(to)).isInstanceOf(ConflictException.class)
                            .hasMessageContaining(from.name()).hasMessageContaining(to.name())
                            .satisfies(e -> {
                                ConflictException c = (ConflictException) e;
                                assertThat(c.code()).isEqualTo("illegal-transition");
                                assertThat(c.details()).containsEntry("from", from.name())
                                        .containsEntry("to", to.name());
                            });
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(12);
        assertThat(illegal).isEqualTo(24);
    }

    @Test
    void withdrawingIsPossibleFromEveryStatusBeforeWork() {
        for (WorkerStatus s : EnumSet.of(REGISTERED, OFFERED, INTENT_AGREED, TRANSPORT_ARRANGED)) {
            assertThat(s.canMoveTo(WITHDRAWN)).as(s.name()).isTrue();
        }
        assertThat(RETURNED_TO_WORK.isFinal()).isTrue();
        assertThat(WITHDRAWN.isFinal()).isTrue();
        assertThat(TRANSPORT_ARRANGED.next()).isEqualTo(LEGAL.get(TRANSPORT_ARRANGED));
    }

    @Test
    void placedMeansAnAcceptedOfferConfirmed() {
        assertThat(EnumSet.allOf(WorkerStatus.class).stream().filter(WorkerStatus::isPlaced))
                .containsExactlyInAnyOrder(INTENT_AGREED, TRANSPORT_ARRANGED, RETURNED_TO_WORK);
    }
}
