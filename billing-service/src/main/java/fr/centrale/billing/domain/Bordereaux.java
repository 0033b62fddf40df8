package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The bordereau de titres (docs/rules.md, R-6): "the titres of one issuer issued together (by a run, or by hand) are
 * listed on a numbered bordereau (annual series per issuer), with their totals, signed by the officer of R-4".
 * <ul>
 * <li>which titres go on one: those of one billing run, issuer and fiscal year; a correction issued by hand
 *     (cancellation, reduction) on its own; a mandat 673 on none, being an expense and not a titre;</li>
 * <li>its number: the issuer, the fiscal year, {@code B} and the serial in the annual series on at least six digits,
 *     as a titre's (RESAH-2025-B-000001);</li>
 * <li>its totals: the sums of its titres' lines per VAT rate ({@link Vat#byRate}), and of those.</li>
 * </ul>
 */
public final class Bordereaux {

    /** The name of the bordereaux' series in number_series, and the mark in their numbers. */
    public static final String SERIES = "B";

    private Bordereaux() {
    }

    /** RESAH-2025-B-000001. */
    public static String number(String issuer, int fiscalYear, int serial) {
        if (serial < 1) {
            throw new IllegalArgumentException("A bordereau's serial starts at 1, was " + serial);
        }
        String digits = Integer.toString(serial);
        StringBuilder number = new StringBuilder(issuer).append('-').append(fiscalYear).append('-').append(SERIES).append('-');
        for (int i = digits.length(); i < 6; i++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }

    /** Whether a titre of this kind is listed on a bordereau de titres: every kind but the mandat 673. */
    public static boolean listed(TitreKind kind) {
        return kind != TitreKind.MANDATE_673;
    }

    /** What some titres add to a bordereau: their count, and their lines' figures per rate and in total. */
    public record Totals(int count, List<Vat.RateTotal> byRate, Vat.RateTotal total) {
    }

    /**
     * The totals of titres given by their lines: {@code lines.get(i)} are the lines of the i-th titre.
     */
    public static Totals of(List<List<Vat.LineAmounts>> titres) {
        List<Vat.LineAmounts> all = new ArrayList<>();
        titres.forEach(all::addAll);
        List<Vat.RateTotal> byRate = Vat.byRate(all);
        return new Totals(titres.size(), byRate, Vat.total(byRate));
    }

    /**
     * A bordereau's totals built titre after titre from their lines (the verification reads the titres one at a time and
     * keeps only these sums): as {@link #of}, an absent figure counted as 0.
     */
    public static final class Sums {
        private int count;
        private final Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>();

        public void add(LedgerRecords.TitreFields titre) {
            count++;
            for (LedgerRecords.LineFields l : titre.lines()) {
                BigDecimal rate = (l.vatRate() == null ? Vat.ZERO : l.vatRate()).setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal[] s = byRate.computeIfAbsent(rate, k -> new BigDecimal[]{Vat.ZERO, Vat.ZERO, Vat.ZERO});
                s[0] = s[0].add(l.amount() == null ? Vat.ZERO : l.amount());
                s[1] = s[1].add(l.vatAmount() == null ? Vat.ZERO : l.vatAmount());
                s[2] = s[2].add(l.amountTtc() == null ? Vat.ZERO : l.amountTtc());
            }
        }

        public Totals totals() {
            List<Vat.RateTotal> rates = new ArrayList<>();
            byRate.forEach((rate, s) -> rates.add(new Vat.RateTotal(rate, s[0], s[1], s[2])));
            return new Totals(count, rates, Vat.total(rates));
        }
    }

    /** A bordereau of a series as the verification reads it: its serial, id and number. */
    public record Numbered(int serial, UUID id, String number) {
    }

    /**
     * The number series of an issuer's bordereaux of a fiscal year (the verification, NUMBER_SERIES): serials 1..n without
     * gap nor double, each number that of its serial, the last one the series' last number given ({@code number_series},
     * series {@code B}; null: none given).
     */
    public static List<ChainWalk.Break> seriesBreaks(ChainKey series, List<Numbered> bordereaux, Long lastNumber) {
        List<ChainWalk.Break> breaks = new ArrayList<>();
        List<Numbered> sorted = bordereaux.stream().sorted(Comparator.comparingInt(Numbered::serial)).toList();
        ChainWalk.Check check = ChainWalk.Check.NUMBER_SERIES;
        long last = 0;
        for (Numbered b : sorted) {
            if (b.serial() == last) {
                breaks.add(new ChainWalk.Break(check, series, (long) b.serial(), b.id(), b.number(), "number " + b.serial() + " is taken twice"));
            } else if (b.serial() > last + 1) {
                breaks.add(new ChainWalk.Break(check, series, (long) b.serial(), b.id(), b.number(), b.serial() == last + 2
                        ? "number " + (last + 1) + " is missing" : "numbers " + (last + 1) + " to " + (b.serial() - 1) + " are missing"));
            }
            last = Math.max(last, b.serial());
            String expected = b.serial() < 1 ? null : number(series.issuer(), series.fiscalYear(), b.serial());
            if (!java.util.Objects.equals(expected, b.number())) {
                breaks.add(new ChainWalk.Break(check, series, (long) b.serial(), b.id(), b.number(), "number " + b.number()
                        + " is not that of serial " + b.serial() + " (" + expected + ")"));
            }
        }
        if (lastNumber != null && lastNumber != last) {
            breaks.add(new ChainWalk.Break(check, series, lastNumber, null, null, lastNumber > last
                    ? "numbers " + (last + 1) + " to " + lastNumber + " were given but no bordereau has them"
                    : "the number series stops at " + lastNumber + " but bordereaux go up to " + last));
        }
        return breaks;
    }

    /**
     * Where a bordereau's stated count and totals (overall and per VAT rate) differ from those of the titres that name it
     * (the verification, TOTALS): {@code titres} are those titres' totals, from their lines ({@link #of}).
     */
    public static List<String> differences(LedgerRecords.BordereauFields stated, Totals titres) {
        List<String> found = new ArrayList<>();
        if (stated.titreCount() != titres.count()) {
            found.add("titre count " + stated.titreCount() + " ≠ the " + titres.count() + " titre(s) that name it");
        }
        compare(found, "total HT", stated.totalHt(), titres.total().ht());
        compare(found, "total VAT", stated.totalVat(), titres.total().vat());
        compare(found, "total TTC", stated.totalTtc(), titres.total().ttc());
        if (stated.totalHt() != null && stated.totalVat() != null && stated.totalTtc() != null
                && stated.totalHt().add(stated.totalVat()).compareTo(stated.totalTtc()) != 0) {
            found.add("total HT " + stated.totalHt() + " + total VAT " + stated.totalVat() + " ≠ total TTC " + stated.totalTtc());
        }
        Map<BigDecimal, LedgerRecords.RateFields> byRate = new TreeMap<>();
        for (LedgerRecords.RateFields r : stated.rates()) {
            byRate.put(r.vatRate().setScale(2, java.math.RoundingMode.HALF_UP), r);
        }
        for (Vat.RateTotal r : titres.byRate()) {
            BigDecimal rate = r.rate().setScale(2, java.math.RoundingMode.HALF_UP);
            LedgerRecords.RateFields s = byRate.remove(rate);
            if (s == null) {
                found.add("no totals at rate " + rate + " % where its titres' lines have " + r.ttc() + " TTC");
                continue;
            }
            compare(found, "HT at " + rate + " %", s.totalHt(), r.ht());
            compare(found, "VAT at " + rate + " %", s.totalVat(), r.vat());
            compare(found, "TTC at " + rate + " %", s.totalTtc(), r.ttc());
        }
        byRate.forEach((rate, s) -> found.add("totals at rate " + rate + " % (" + s.totalTtc() + " TTC) where no line of its titres has that rate"));
        return found;
    }

    private static void compare(List<String> found, String what, BigDecimal stated, BigDecimal sum) {
        if (stated == null || stated.compareTo(sum) != 0) {
            found.add(what + " " + stated + " ≠ the sum of its titres' lines " + sum);
        }
    }
}
