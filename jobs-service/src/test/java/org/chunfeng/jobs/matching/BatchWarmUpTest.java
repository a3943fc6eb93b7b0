package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchWarmUpTest {

    @Test
    void solvesItsGeneratedBatchesOnBoardsOfTheirOwn() {
        assertThat(BatchWarmUp.run(MatchingSettings.DEFAULT, 400, 2)).isGreaterThanOrEqualTo(0);
        assertThat(BatchWarmUp.run(MatchingSettings.DEFAULT, 400, 0)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void stopsBetweenBatchesOnceItsThreadIsInterrupted() throws InterruptedException {
        long[] took = new long[1];
        Thread warming = new Thread(() -> {
            Thread.currentThread().interrupt();
            took[0] = BatchWarmUp.run(MatchingSettings.DEFAULT, 200_000, 1_000);
        });
        // Should it not stop, it must not keep the test JVM from ending.
        warming.setDaemon(true);
        warming.start();
        warming.join(10_000);
        // A thousand batches of 200,000 workers would take hours; interrupted, it solves none.
        assertThat(warming.isAlive()).isFalse();
        assertThat(took[0]).isLessThan(1_000);
    }

    @Test
    void refusesNoWorkersOrFewerThanNoBatches() {
        assertThatThrownBy(() -> BatchWarmUp.run(MatchingSettings.DEFAULT, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 workers");
        assertThatThrownBy(() -> BatchWarmUp.run(MatchingSettings.DEFAULT, 100, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 batches");
    }

    @Test
    void theSampleCampaignIsTheSameForTheSameSeed() {
        SampleCampaign one = SampleCampaign.generate(200, 40, 600, 7);
        SampleCampaign again = SampleCampaign.generate(200, 40, 600, 7);
        // Every posting offers at least one opening, so a few more than asked for in all.
        assertThat(one.openings()).isBetween(600L, 640L).isEqualTo(again.openings());
        assertThat(again.workers()).hasSize(200);
        assertThat(again.workers()).map(WorkerView::toString).isEqualTo(one.workers().stream().map(WorkerView::toString)
                .toList());
        assertThat(again.workers()).map(WorkerView::location).isEqualTo(one.workers().stream()
                .map(WorkerView::location).toList());
        assertThat(again.postings()).hasSize(40);
        java.util.function.Function<SampleCampaign.Posting, String> described =
                p -> p.job().toString() + p.job().site() + p.openings();
        assertThat(again.postings()).map(described).isEqualTo(one.postings().stream().map(described).toList());
    }
}
