package fr.centrale.billing.domain;

import fr.centrale.common.billing.BillableItem.Taxation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VatTest {

    private static BigDecimal m(String v) {
        return new BigDecimal(v);
    }

    @Test
    void caihSo360IsBilled1800Ttc() {
        // Seed 001: "1 500 € HT/an", VAT 20 % (worked example 7).
        Vat.LineAmounts l = Vat.line(m("1500.00"), Taxation.BEFORE_VAT, m("20"));
        assertEquals(new Vat.LineAmounts(m("1500.00"), m("20.00"), m("300.00"), m("1800.00"), Taxation.BEFORE_VAT), l);
    }

    @Test
    void netOfTaxAndAbsentTaxationCarryNoVat() {
        assertEquals(new Vat.LineAmounts(m("1000.00"), m("0.00"), m("0.00"), m("1000.00"), Taxation.NET_OF_TAX),
                Vat.line(m("1000.00"), null, null));
        assertEquals(m("0.00"), Vat.line(m("1000.00"), Taxation.NET_OF_TAX, m("20")).vat());
    }

    @Test
    void vatIsRoundedHalfUpPerLine() {
        assertEquals(m("0.01"), Vat.line(m("0.03"), Taxation.BEFORE_VAT, m("20")).vat()); // 0.006 -> 0.01
        assertEquals(m("0.01"), Vat.line(m("0.05"), Taxation.BEFORE_VAT, m("10")).vat()); // 0.005 -> 0.01
        assertEquals(m("0.00"), Vat.line(m("0.02"), Taxation.BEFORE_VAT, m("20")).vat()); // 0.004 -> 0.00
        assertEquals(m("230.42"), Vat.line(m("1152.08"), Taxation.BEFORE_VAT, m("20")).vat()); // 230.416
    }

    @Test
    void badRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Vat.line(m("10"), Taxation.BEFORE_VAT, m("-1")));
        assertThrows(IllegalArgumentException.class, () -> Vat.line(m("10"), Taxation.BEFORE_VAT, m("100")));
    }

    @Test
    void totalsPerRateSumTheLinesOwnFigures() {
        // Three lines of 0.03 HT at 20 %: 0.01 VAT each (per line), so 0.03 VAT, not 0.09 × 20 % = 0.02.
        List<Vat.LineAmounts> lines = List.of(Vat.line(m("0.03"), Taxation.BEFORE_VAT, m("20")),
                Vat.line(m("0.03"), Taxation.BEFORE_VAT, m("20")), Vat.line(m("0.03"), Taxation.BEFORE_VAT, m("20")),
                Vat.line(m("1000"), null, null));
        List<Vat.RateTotal> byRate = Vat.byRate(lines);
        assertEquals(List.of(new Vat.RateTotal(m("0.00"), m("1000.00"), m("0.00"), m("1000.00")),
                new Vat.RateTotal(m("20.00"), m("0.09"), m("0.03"), m("0.12"))), byRate);
        assertEquals(new Vat.RateTotal(null, m("1000.09"), m("0.03"), m("1000.12")), Vat.total(byRate));
    }

    @Test
    void aReductionIsSplitPerRateSoThatHtPlusVatIsTheTtc() {
        List<Vat.RateTotal> original = List.of(new Vat.RateTotal(m("0.00"), m("1000.00"), m("0.00"), m("1000.00")),
                new Vat.RateTotal(m("20.00"), m("1500.00"), m("300.00"), m("1800.00")));
        // 280 TTC: 1000/2800 -> 100.00 at 0 %, the rest 180.00 at 20 % = 150.00 HT + 30.00 VAT.
        assertEquals(List.of(new Vat.RateTotal(m("0.00"), m("100.00"), m("0.00"), m("100.00")),
                new Vat.RateTotal(m("20.00"), m("150.00"), m("30.00"), m("180.00"))), Vat.split(m("280.00"), original));
        // An odd amount: each rate adds up, and the shares add up to the amount.
        List<Vat.RateTotal> odd = Vat.split(m("100.01"), original);
        assertEquals(m("100.01"), Vat.total(odd).ttc());
        odd.forEach(r -> assertEquals(r.ttc(), r.ht().add(r.vat())));
        assertEquals(m("35.72"), odd.get(0).ttc()); // 100.01 × 1000 / 2800 = 35.7178...
        assertEquals(m("10.72"), odd.get(1).vat()); // 300 × 64.29 / 1800 = 10.715, HALF_UP
    }

    @Test
    void cancellingEverythingGivesBackTheOriginalFigures() {
        List<Vat.RateTotal> original = List.of(new Vat.RateTotal(m("0.00"), m("1000.00"), m("0.00"), m("1000.00")),
                new Vat.RateTotal(m("20.00"), m("0.09"), m("0.03"), m("0.12")));
        assertEquals(original, Vat.split(m("1000.12"), original));
        assertThrows(IllegalArgumentException.class, () -> Vat.split(m("1000.13"), original));
        assertThrows(IllegalArgumentException.class, () -> Vat.split(m("0.00"), original));
    }
}
