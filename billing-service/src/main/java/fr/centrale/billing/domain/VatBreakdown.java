package fr.centrale.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * docs/rules.md, R-1: "A titre shows, per rate, the amount HT, the VAT and the total TTC; the total claimed is the TTC.
 * VAT is computed per line, rounded HALF_UP to the cent, then summed per rate."
 */
public final class VatBreakdown {

    /** One line's amounts: HT, rate (percent, e.g. 20.00), VAT. */
    public record LineAmounts(BigDecimal ht, BigDecimal rate, BigDecimal vat) {
    }

    /** The totals of one rate. */
    public record RateTotal(BigDecimal rate, BigDecimal ht, BigDecimal vat, BigDecimal ttc) {
    }

    private VatBreakdown() {
    }

    /** The VAT of a line: HT × rate / 100, HALF_UP to the cent. */
    public static BigDecimal vat(BigDecimal ht, BigDecimal ratePercent) {
        return ht.multiply(ratePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Per rate, lowest first: the sums of the lines' HT and VAT (each already rounded), and their TTC. */
    public static List<RateTotal> perRate(List<LineAmounts> lines) {
        Map<BigDecimal, BigDecimal[]> sums = new TreeMap<>();
        for (LineAmounts l : lines) {
            BigDecimal[] s = sums.computeIfAbsent(l.rate().setScale(2, RoundingMode.HALF_UP),
                    r -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            s[0] = s[0].add(l.ht());
            s[1] = s[1].add(l.vat());
        }
        return sums.entrySet().stream()
                .map(e -> new RateTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[0].add(e.getValue()[1])))
                .toList();
    }
}
