package fr.centrale.billing.domain;

import fr.centrale.billing.domain.VatBreakdown.LineAmounts;
import fr.centrale.billing.domain.VatBreakdown.RateTotal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, R-1: VAT per line, HALF_UP to the cent, summed per rate. */
class VatBreakdownTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void workedExample7CaihTitre() {
        // "the CAIH titre is 1 500,00 HT + 300,00 VAT = 1 800,00 €"
        assertThat(VatBreakdown.vat(d("1500.00"), d("20.00"))).isEqualByComparingTo("300.00");
        assertThat(VatBreakdown.perRate(List.of(new LineAmounts(d("1500.00"), d("20"), d("300.00")))))
                .containsExactly(new RateTotal(d("20.00"), d("1500.00"), d("300.00"), d("1800.00")));
    }

    @Test
    void roundedPerLineThenSummedPerRate() {
        // 0,126 → 0,13 on each line: the rate's VAT is 0,26, not 0,25 (0,252, the VAT of the sum)
        BigDecimal vat = VatBreakdown.vat(d("0.63"), d("20"));
        assertThat(vat).isEqualByComparingTo("0.13");
        List<RateTotal> totals = VatBreakdown.perRate(List.of(new LineAmounts(d("0.63"), d("20"), vat),
                new LineAmounts(d("0.63"), d("20.00"), vat), new LineAmounts(d("100.00"), d("5.5"), d("5.50"))));
        assertThat(totals).containsExactly(new RateTotal(d("5.50"), d("100.00"), d("5.50"), d("105.50")),
                new RateTotal(d("20.00"), d("1.26"), d("0.26"), d("1.52")));
    }
}
