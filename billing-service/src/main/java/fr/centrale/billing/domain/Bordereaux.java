package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;

import java.util.ArrayList;
import java.util.List;

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
}
