package org.chunfeng.jobs.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchingPropertiesTest {

    @Test
    void warmsUpOnThreeBatchesOfTenThousandWorkersUnlessTold() {
        MatchingProperties defaults = withWarmUp(null, null);
        assertThat(defaults.warmUpBatches()).isEqualTo(3);
        assertThat(defaults.warmUpWorkers()).isEqualTo(10_000);
        assertThat(withWarmUp(0, null).warmUpBatches()).isZero();
    }

    @Test
    void refusesAWarmUpOfFewerThanNoBatchesOrNoWorkers() {
        assertThatThrownBy(() -> withWarmUp(-1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunfeng.matching.warm-up-batches").hasMessageContaining("got -1 and 10000");
        assertThatThrownBy(() -> withWarmUp(2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunfeng.matching.warm-up-workers").hasMessageContaining("got 2 and 0");
    }

    private static MatchingProperties withWarmUp(Integer batches, Integer workers) {
        return new MatchingProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, batches, workers);
    }
}
