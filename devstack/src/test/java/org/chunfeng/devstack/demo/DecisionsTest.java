package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionsTest {

    private final Decisions decisions = Decisions.DEMO;

    @Test
    void aboutSevenInTenFirstOffersAreAcceptedAndTheSameWorkerAnswersTheSameWay() {
        long accepted = IntStream.range(0, 10_000).filter(i -> decisions.accepts("w-" + i, "job-1", 0)).count();

        assertThat(accepted).isBetween(6_800L, 7_200L);
        assertThat(decisions.accepts("w-42", "job-1", 0)).isEqualTo(decisions.accepts("w-42", "job-1", 0));
        assertThat(decisions.declineReason("w-42", "job-1")).isEqualTo(decisions.declineReason("w-42", "job-1"))
                .isIn(Decisions.DECLINE_REASONS);
    }

    @Test
    void nobodyDeclinesAThirdTime() {
        assertThat(IntStream.range(0, 1_000).allMatch(i -> decisions.accepts("w-" + i, "job-3", 2))).isTrue();
    }

    @Test
    void almostEveryoneTurnsUpForTheBus() {
        long turnUp = IntStream.range(0, 10_000).filter(i -> decisions.turnsUp("w-" + i, "trip-1")).count();

        assertThat(turnUp).isBetween(9_700L, 9_900L);
        assertThat(Decisions.draw("x")).isEqualTo(Decisions.draw("x")).isBetween(0.0, 1.0);
    }
}
