package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;
import fr.centrale.common.billing.BillableItem.Taxation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/rules.md, R-6: "listed on a numbered bordereau (annual series per issuer), with their totals". */
class BordereauxTest {

    @Test
    void numberedLikeTitresWithTheMarkB() {
        assertThat(Bordereaux.number("RESAH", 2025, 1)).isEqualTo("RESAH-2025-B-000001");
        assertThat(Bordereaux.number("FIBRE5962", 2026, 123456)).isEqualTo("FIBRE5962-2026-B-123456");
        assertThat(Bordereaux.number("CAIH", 2025, 1234567)).isEqualTo("CAIH-2025-B-1234567");
        assertThatThrownBy(() -> Bordereaux.number("CAIH", 2025, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTitreButAMandat673IsListed() {
        assertThat(Bordereaux.listed(TitreKind.ORIGINAL)).isTrue();
        assertThat(Bordereaux.listed(TitreKind.CANCELLATION)).isTrue();
        assertThat(Bordereaux.listed(TitreKind.REDUCTION)).isTrue();
        // a mandat 673 is an expense of the issuer, not a titre.
        assertThat(Bordereaux.listed(TitreKind.MANDATE_673)).isFalse();
    }

    @Test
    void totalsAreTheSumsOfTheLinesPerRate() {
        // Worked example 7: CAIH 1 500,00 HT + 300,00 at 20 %; RESAH 1 000,00 without VAT; and 1 000,50 HT at 20 %.
        Bordereaux.Totals totals = Bordereaux.of(List.of(
                List.of(Vat.line(new BigDecimal("1500.00"), Taxation.BEFORE_VAT, new BigDecimal("20"))),
                List.of(Vat.line(new BigDecimal("1000.00"), Taxation.NET_OF_TAX, null)),
                List.of(Vat.line(new BigDecimal("1000.50"), Taxation.BEFORE_VAT, new BigDecimal("20")))));
        assertThat(totals.count()).isEqualTo(3);
        assertThat(totals.byRate()).containsExactly(
                new Vat.RateTotal(new BigDecimal("0.00"), new BigDecimal("1000.00"), new BigDecimal("0.00"), new BigDecimal("1000.00")),
                new Vat.RateTotal(new BigDecimal("20.00"), new BigDecimal("2500.50"), new BigDecimal("500.10"), new BigDecimal("3000.60")));
        assertThat(totals.total()).isEqualTo(new Vat.RateTotal(null, new BigDecimal("3500.50"), new BigDecimal("500.10"),
                new BigDecimal("4000.60")));
    }
}
