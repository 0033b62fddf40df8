package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * VAT of amounts stated before VAT (docs/rules.md, R-1). Seed 001: the CAIH grid and the deliberation price in
 * "€ HT" ("1 500 € HT/an"), and the Département budgets 2 800 € = 1 500 × 1,2 + 1 000 (RESAH's 1 000 carries no VAT).
 * Amounts, grids and maximum amounts stay HT; the VAT is computed per item, rounded HALF_UP to the cent.
 */
public final class Vat {

    /** A VAT rate in percent, in force from {@code validFrom} until the next rate's start. */
    public record Rate(LocalDate validFrom, BigDecimal rate) {
    }

    /** HT, VAT and TTC of a set of items. */
    public record Totals(BigDecimal beforeVat, BigDecimal vat, BigDecimal inclusiveOfVat) {
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Vat() {
    }

    /** The rate in force on {@code day}: the one with the latest start on or before it; empty before the first. */
    public static Optional<BigDecimal> rateOn(List<Rate> rates, LocalDate day) {
        return rates.stream().filter(r -> !r.validFrom().isAfter(day))
                .max(Comparator.comparing(Rate::validFrom)).map(Rate::rate);
    }

    /** VAT of one amount HT at a rate in percent, HALF_UP to the cent. */
    public static BigDecimal of(BigDecimal beforeVat, BigDecimal ratePercent) {
        if (ratePercent == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return beforeVat.multiply(ratePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /**
     * The taxation and rate an item carries: BEFORE_VAT with the rate in force on its issue date, or NET_OF_TAX and
     * no rate.
     */
    public static BillableItem apply(BillableItem i, BillableItem.Taxation taxation, List<Rate> rates) {
        BigDecimal rate = taxation == BillableItem.Taxation.BEFORE_VAT
                ? rateOn(rates, i.issueOn()).orElseThrow(() -> new IllegalStateException("No VAT rate on " + i.issueOn()))
                : null;
        return new BillableItem(i.sourceType(), i.sourceId(), i.sequence(), i.kind(), i.issuer(), i.debtorId(), i.label(),
                i.periodStart(), i.periodEnd(), i.issueOn(), i.months(), i.annualAmount(), i.amount(), i.paymentTermDays(),
                i.basis(), taxation, rate, i.chorusLegalCommitment(), i.chorusServiceCode(), i.legalBasis());
    }

    /** The sum HT of the items, their VAT (per item, HALF_UP to the cent, then summed) and the TTC. */
    public static Totals totals(List<BillableItem> items) {
        BigDecimal ht = BigDecimal.ZERO.setScale(2);
        BigDecimal vat = BigDecimal.ZERO.setScale(2);
        for (BillableItem i : items) {
            ht = ht.add(i.amount());
            if (i.taxation() == BillableItem.Taxation.BEFORE_VAT) {
                vat = vat.add(of(i.amount(), i.vatRate()));
            }
        }
        return new Totals(ht.setScale(2), vat, ht.add(vat).setScale(2));
    }
}
