package fr.centrale.billing.domain;

import fr.centrale.common.billing.BillableItem.Taxation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * VAT on titres (docs/rules.md, R-1): "VAT is computed per line, rounded HALF_UP to the cent, then summed per
 * rate"; "the total claimed is the TTC". Seed 001 prices CAIH in "€ HT" (1 500 € HT/an, 20 %): 1 500,00 HT +
 * 300,00 VAT = 1 800,00 TTC; RESAH and La Fibre amounts are net of tax (rate 0).
 */
public final class Vat {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Vat() {
    }

    /** The figures of one line: HT, rate (percent), VAT, TTC and how the source priced it. */
    public record LineAmounts(BigDecimal ht, BigDecimal rate, BigDecimal vat, BigDecimal ttc, Taxation taxation) {
    }

    /** The sum of the lines of one rate. */
    public record RateTotal(BigDecimal rate, BigDecimal ht, BigDecimal vat, BigDecimal ttc) {
    }

    /**
     * One line: VAT = HT × rate / 100, HALF_UP to the cent; TTC = HT + VAT. An absent taxation is net of tax; a
     * net-of-tax line carries rate 0 whatever rate is given.
     *
     * @throws IllegalArgumentException for a negative rate or one of 100 % or more
     */
    public static LineAmounts line(BigDecimal ht, Taxation taxation, BigDecimal rate) {
        BigDecimal amount = ht.setScale(2, RoundingMode.HALF_UP);
        Taxation t = taxation == null ? Taxation.NET_OF_TAX : taxation;
        BigDecimal r = t == Taxation.NET_OF_TAX || rate == null ? ZERO : rate.setScale(2, RoundingMode.HALF_UP);
        if (r.signum() < 0 || r.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("VAT rate " + rate + " is not between 0 and 100 %");
        }
        BigDecimal vat = amount.multiply(r).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new LineAmounts(amount, r, vat, amount.add(vat), t);
    }

    /** Totals per rate, lowest rate first: the sums of the lines' own figures (never recomputed from the sums). */
    public static List<RateTotal> byRate(List<LineAmounts> lines) {
        Map<BigDecimal, BigDecimal[]> sums = new TreeMap<>();
        for (LineAmounts l : lines) {
            BigDecimal[] s = sums.computeIfAbsent(l.rate().setScale(2), k -> new BigDecimal[]{ZERO, ZERO, ZERO});
            s[0] = s[0].add(l.ht());
            s[1] = s[1].add(l.vat());
            s[2] = s[2].add(l.ttc());
        }
        List<RateTotal> totals = new ArrayList<>();
        sums.forEach((rate, s) -> totals.add(new RateTotal(rate, s[0], s[1], s[2])));
        return totals;
    }

    /** The sum of every rate's figures. */
    public static RateTotal total(List<RateTotal> byRate) {
        BigDecimal ht = ZERO;
        BigDecimal vat = ZERO;
        BigDecimal ttc = ZERO;
        for (RateTotal r : byRate) {
            ht = ht.add(r.ht());
            vat = vat.add(r.vat());
            ttc = ttc.add(r.ttc());
        }
        return new RateTotal(null, ht, vat, ttc);
    }

    /**
     * Splits a correction stated in TTC back into HT and VAT per rate, in proportion to the original titre's
     * totals per rate: each rate takes its share of the TTC ({@code amount × ttc_rate / ttc_total}, HALF_UP to the
     * cent; the highest rate takes what remains, so that the shares add up to {@code amount} exactly), and within a
     * rate the VAT is the original's VAT in the same proportion ({@code vat_rate × share / ttc_rate}, HALF_UP), the
     * HT the rest: HT + VAT = TTC exactly, for each rate and in total. Cancelling a whole titre gives back its own
     * figures. Rates whose share is zero are left out.
     *
     * @param amount the TTC corrected, more than 0 and at most the original's TTC
     */
    public static List<RateTotal> split(BigDecimal amount, List<RateTotal> original) {
        BigDecimal total = total(original).ttc();
        if (amount.signum() <= 0 || amount.compareTo(total) > 0) {
            throw new IllegalArgumentException("A correction of " + amount + " is not between 0 and " + total);
        }
        List<RateTotal> shares = new ArrayList<>();
        BigDecimal given = ZERO;
        for (int i = 0; i < original.size(); i++) {
            RateTotal r = original.get(i);
            BigDecimal share = i == original.size() - 1 ? amount.subtract(given)
                    : amount.multiply(r.ttc()).divide(total, 2, RoundingMode.HALF_UP);
            given = given.add(share);
            if (share.signum() == 0) {
                continue;
            }
            BigDecimal vat = r.ttc().signum() == 0 ? ZERO : r.vat().multiply(share).divide(r.ttc(), 2, RoundingMode.HALF_UP);
            shares.add(new RateTotal(r.rate(), share.subtract(vat), vat, share));
        }
        return shares;
    }
}
