package org.chunfeng.transport.subsidy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fare subsidy by road distance from the collection point to the site: a fixed amount per band, as a county
 * publishes it ("up to 100 km: 50 yuan; up to 300 km: 120 yuan; …"). The last band may have no upper limit.
 */
public final class Tariff {

    /** @param upToKm the band's upper limit in kilometres, inclusive; null for "any distance beyond" */
    public record Band(Double upToKm, BigDecimal yuan) {
    }

    public static final List<Band> DEFAULT_BANDS = List.of(
            new Band(100.0, new BigDecimal("50")),
            new Band(300.0, new BigDecimal("120")),
            new Band(600.0, new BigDecimal("220")),
            new Band(1000.0, new BigDecimal("350")),
            new Band(null, new BigDecimal("500")));

    private final List<Band> bands;

    public Tariff(List<Band> bands) {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("The subsidy tariff needs at least one band");
        }
        double previous = 0;
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (band.yuan() == null || band.yuan().signum() < 0) {
                throw new IllegalArgumentException("Band " + (i + 1) + " of the subsidy tariff needs an amount >= 0");
            }
            if (band.upToKm() == null) {
                if (i != bands.size() - 1) {
                    throw new IllegalArgumentException("Only the last band of the subsidy tariff may be open-ended");
                }
            } else if (!(band.upToKm() > previous)) {
                throw new IllegalArgumentException("The subsidy tariff's bands must rise: band " + (i + 1)
                        + " ends at " + band.upToKm() + " km");
            } else {
                previous = band.upToKm();
            }
        }
        this.bands = List.copyOf(bands);
    }

    /** The amount for a journey of this many road kilometres; beyond a closed last band, that band's amount. */
    public BigDecimal amountFor(double km) {
        if (!(km >= 0)) {
            throw new IllegalArgumentException("A distance cannot be negative: " + km);
        }
        for (Band band : bands) {
            if (band.upToKm() == null || km <= band.upToKm()) {
                return band.yuan();
            }
        }
        return bands.get(bands.size() - 1).yuan();
    }

    public List<Band> bands() {
        return bands;
    }
}
