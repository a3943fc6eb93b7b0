package org.chunfeng.transport.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffTest {

    final Tariff tariff = new Tariff(Tariff.DEFAULT_BANDS);

    @Test
    void paysTheBandTheDistanceFallsIn() {
        assertThat(tariff.amountFor(0)).isEqualByComparingTo("50");
        assertThat(tariff.amountFor(100)).isEqualByComparingTo("50");
        assertThat(tariff.amountFor(100.1)).isEqualByComparingTo("120");
        assertThat(tariff.amountFor(599)).isEqualByComparingTo("220");
        assertThat(tariff.amountFor(2400)).isEqualByComparingTo("500");
    }

    @Test
    void aClosedLastBandCapsTheAmount() {
        Tariff capped = new Tariff(List.of(new Tariff.Band(200.0, new BigDecimal("80")),
                new Tariff.Band(500.0, new BigDecimal("200"))));
        assertThat(capped.amountFor(900)).isEqualByComparingTo("200");
    }

    @Test
    void refusesBandsThatDoNotRiseOrOpenTooEarly() {
        assertThatThrownBy(() -> new Tariff(List.of(new Tariff.Band(300.0, BigDecimal.TEN),
                new Tariff.Band(100.0, BigDecimal.ONE)))).hasMessageContaining("must rise");
        assertThatThrownBy(() -> new Tariff(List.of(new Tariff.Band(null, BigDecimal.TEN),
                new Tariff.Band(100.0, BigDecimal.ONE)))).hasMessageContaining("last band");
        assertThatThrownBy(() -> new Tariff(List.of())).hasMessageContaining("at least one band");
        assertThatThrownBy(() -> tariff.amountFor(-1)).hasMessageContaining("negative");
    }
}
