package fr.centrale.membership.domain;

import fr.centrale.common.billing.BillableItem.Taxation;
import fr.centrale.common.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whether a fee schedule's amounts are net of tax or before VAT, and at which rate (docs/rules.md, R-1).
 * Seed 000, RESAH bulletin: "300 euros (établissements médico-sociaux) 600 euros (autres organismes) nets de
 * taxe": RESAH and La Fibre bill net of tax, so that is the default. Amounts stay HT; billing computes the VAT.
 *
 * @param taxation NET_OF_TAX (no VAT applies) or BEFORE_VAT
 * @param vatRate  the VAT rate in percent (2 decimals) when BEFORE_VAT, else null
 */
public record FeeTaxation(Taxation taxation, BigDecimal vatRate) {

    public static final FeeTaxation NET_OF_TAX = new FeeTaxation(Taxation.NET_OF_TAX, null);

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * The taxation a schedule states: absent means net of tax; before VAT needs a rate above 0 and at most 100 %;
     * net of tax takes no rate. A contradiction is a 400 naming {@code vatRate}.
     */
    public static FeeTaxation of(Taxation taxation, BigDecimal vatRate) {
        Taxation t = taxation == null ? Taxation.NET_OF_TAX : taxation;
        if (t == Taxation.NET_OF_TAX) {
            if (vatRate != null && vatRate.signum() != 0) {
                throw ProblemException.invalid("vatRate", "must be absent when taxation is NET_OF_TAX");
            }
            return NET_OF_TAX;
        }
        if (vatRate == null) {
            throw ProblemException.invalid("vatRate", "is required when taxation is BEFORE_VAT");
        }
        if (vatRate.signum() <= 0 || vatRate.compareTo(HUNDRED) > 0) {
            throw ProblemException.invalid("vatRate", "must be above 0 and at most 100 (percent)");
        }
        if (vatRate.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid("vatRate", "has at most 2 decimals");
        }
        return new FeeTaxation(t, vatRate.setScale(2, RoundingMode.HALF_UP));
    }
}
