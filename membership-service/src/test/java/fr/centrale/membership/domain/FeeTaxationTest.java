package fr.centrale.membership.domain;

import fr.centrale.common.billing.BillableItem.Taxation;
import fr.centrale.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/rules.md, R-1. */
class FeeTaxationTest {

    /** Seed 000, RESAH bulletin: "600 euros (autres organismes) nets de taxe". Absent means net of tax. */
    @Test
    void absentTaxationIsNetOfTaxWithoutRate() {
        assertThat(FeeTaxation.of(null, null)).isEqualTo(new FeeTaxation(Taxation.NET_OF_TAX, null));
        assertThat(FeeTaxation.of(Taxation.NET_OF_TAX, BigDecimal.ZERO).vatRate()).isNull();
    }

    /** Seed 001: CAIH prices "1 500 € HT/an", VAT 20 %. */
    @Test
    void beforeVatKeepsItsRateWithTwoDecimals() {
        FeeTaxation t = FeeTaxation.of(Taxation.BEFORE_VAT, new BigDecimal("20"));
        assertThat(t.taxation()).isEqualTo(Taxation.BEFORE_VAT);
        assertThat(t.vatRate()).isEqualByComparingTo("20.00");
        assertThat(t.vatRate().scale()).isEqualTo(2);
        assertThat(FeeTaxation.of(Taxation.BEFORE_VAT, new BigDecimal("5.5")).vatRate()).isEqualByComparingTo("5.50");
    }

    @Test
    void contradictionsNameTheVatRate() {
        assertRefused(Taxation.NET_OF_TAX, "20");
        assertRefused(Taxation.BEFORE_VAT, null);
        assertRefused(Taxation.BEFORE_VAT, "0");
        assertRefused(Taxation.BEFORE_VAT, "-5");
        assertRefused(Taxation.BEFORE_VAT, "100.01");
        assertRefused(Taxation.BEFORE_VAT, "19.999");
    }

    private static void assertRefused(Taxation taxation, String rate) {
        assertThatThrownBy(() -> FeeTaxation.of(taxation, rate == null ? null : new BigDecimal(rate)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors().get(0).field()).isEqualTo("vatRate");
                });
    }
}
