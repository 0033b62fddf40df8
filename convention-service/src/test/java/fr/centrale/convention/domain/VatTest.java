package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/rules.md, R-1. Seed 001 (CAIH SO360 deliberation): "1 500 € HT/an", and the Département budgets
 * 2 800 € = 1 500 × 1,2 + 1 000 (RESAH's 1 000 carries no VAT).
 */
class VatTest {

    private static final List<Vat.Rate> CAIH = List.of(new Vat.Rate(LocalDate.parse("2014-01-01"), new BigDecimal("20.00")));

    private static BillableItem item(String issueOn, String amount) {
        BigDecimal a = new BigDecimal(amount);
        return new BillableItem(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), 1, BillableItem.Kind.ANNUAL_CONTRIBUTION,
                "CAIH", UUID.randomUUID(), "Contribution", LocalDate.parse(issueOn), LocalDate.parse(issueOn),
                LocalDate.parse(issueOn), null, a, a, 50, "Grille");
    }

    @Test
    void theRateInForceIsTheLatestStartedOnOrBeforeTheDay() {
        List<Vat.Rate> rates = List.of(new Vat.Rate(LocalDate.parse("2014-01-01"), new BigDecimal("20.00")),
                new Vat.Rate(LocalDate.parse("2027-01-01"), new BigDecimal("21.00")));
        assertThat(Vat.rateOn(rates, LocalDate.parse("2013-12-31"))).isEmpty();
        assertThat(Vat.rateOn(rates, LocalDate.parse("2014-01-01"))).contains(new BigDecimal("20.00"));
        assertThat(Vat.rateOn(rates, LocalDate.parse("2026-12-31"))).contains(new BigDecimal("20.00"));
        assertThat(Vat.rateOn(rates, LocalDate.parse("2027-01-01"))).contains(new BigDecimal("21.00"));
    }

    @Test
    void seed001_1500HtAt20PercentIs1800Ttc() {
        assertThat(Vat.of(new BigDecimal("1500.00"), new BigDecimal("20.00"))).isEqualTo(new BigDecimal("300.00"));
        BillableItem caih = Vat.apply(item("2022-12-15", "1500.00"), BillableItem.Taxation.BEFORE_VAT, CAIH);
        BillableItem resah = Vat.apply(item("2022-12-15", "1000.00"), BillableItem.Taxation.NET_OF_TAX, List.of());
        assertThat(caih.taxation()).isEqualTo(BillableItem.Taxation.BEFORE_VAT);
        assertThat(caih.vatRate()).isEqualTo(new BigDecimal("20.00"));
        assertThat(resah.taxation()).isEqualTo(BillableItem.Taxation.NET_OF_TAX);
        assertThat(resah.vatRate()).isNull();
        // The seed's budget: 1 500 × 1,2 + 1 000 = 2 800.
        Vat.Totals totals = Vat.totals(List.of(caih, resah));
        assertThat(totals.beforeVat()).isEqualTo(new BigDecimal("2500.00"));
        assertThat(totals.vat()).isEqualTo(new BigDecimal("300.00"));
        assertThat(totals.inclusiveOfVat()).isEqualTo(new BigDecimal("2800.00"));
    }

    @Test
    void vatIsRoundedPerItemHalfUpThenSummed() {
        // 0.125 € of VAT each: rounded per item to 0.13, so 0.26 (a sum first would give 0.25).
        BillableItem a = Vat.apply(item("2024-01-02", "0.63"), BillableItem.Taxation.BEFORE_VAT,
                List.of(new Vat.Rate(LocalDate.parse("2014-01-01"), new BigDecimal("19.84"))));
        assertThat(Vat.of(new BigDecimal("0.63"), new BigDecimal("19.84"))).isEqualTo(new BigDecimal("0.12"));
        assertThat(Vat.of(new BigDecimal("1152.08"), new BigDecimal("20.00"))).isEqualTo(new BigDecimal("230.42"));
        assertThat(Vat.of(new BigDecimal("0.05"), new BigDecimal("10.00"))).isEqualTo(new BigDecimal("0.01"));
        BillableItem half = Vat.apply(item("2024-01-02", "0.25"), BillableItem.Taxation.BEFORE_VAT,
                List.of(new Vat.Rate(LocalDate.parse("2014-01-01"), new BigDecimal("50.00"))));
        Vat.Totals totals = Vat.totals(List.of(half, half));
        assertThat(totals.vat()).isEqualTo(new BigDecimal("0.26"));
        assertThat(totals.inclusiveOfVat()).isEqualTo(new BigDecimal("0.76"));
        assertThat(a.vatRate()).isEqualTo(new BigDecimal("19.84"));
    }

    @Test
    void anItemBeforeVatWithoutARateInForceIsAnError() {
        assertThatThrownBy(() -> Vat.apply(item("2013-06-01", "100.00"), BillableItem.Taxation.BEFORE_VAT, CAIH))
                .isInstanceOf(IllegalStateException.class);
    }
}
