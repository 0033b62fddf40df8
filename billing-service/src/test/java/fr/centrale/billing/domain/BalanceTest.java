package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceTest {

    private static BigDecimal m(String v) {
        return new BigDecimal(v);
    }

    @Test
    void statusFollowsPaymentsAndCorrections() {
        assertEquals(new Balance(m("0.00"), m("0.00"), m("1800.00"), TitreStatus.ISSUED),
                Balance.of(TitreKind.ORIGINAL, m("1800.00"), m("0"), m("0")));
        assertEquals(new Balance(m("600.00"), m("0.00"), m("1200.00"), TitreStatus.PARTIALLY_PAID),
                Balance.of(TitreKind.ORIGINAL, m("1800.00"), m("600"), m("0")));
        assertEquals(new Balance(m("1500.00"), m("300.00"), m("0.00"), TitreStatus.PAID),
                Balance.of(TitreKind.ORIGINAL, m("1800.00"), m("1500"), m("300")));
        assertEquals(TitreStatus.CANCELLED, Balance.of(TitreKind.ORIGINAL, m("1800.00"), m("0"), m("1800")).status());
        assertEquals(TitreStatus.ISSUED, Balance.of(TitreKind.ORIGINAL, m("1800.00"), m("0"), m("300")).status());
    }

    @Test
    void aCorrectionClaimsNothing() {
        Balance b = Balance.of(TitreKind.MANDATE_673, m("300.00"), m("0"), m("0"));
        assertEquals(m("0.00"), b.remaining());
        assertFalse(b.overdue(TitreKind.MANDATE_673, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)));
    }

    @Test
    void overdueAfterTheDueDateUnlessPaidOrCancelled() {
        LocalDate due = LocalDate.of(2025, 2, 1);
        Balance open = Balance.of(TitreKind.ORIGINAL, m("100.00"), m("10"), m("0"));
        assertFalse(open.overdue(TitreKind.ORIGINAL, due, due));
        assertTrue(open.overdue(TitreKind.ORIGINAL, due, due.plusDays(1)));
        assertFalse(Balance.of(TitreKind.ORIGINAL, m("100.00"), m("100"), m("0")).overdue(TitreKind.ORIGINAL, due, due.plusDays(1)));
        assertFalse(Balance.of(TitreKind.ORIGINAL, m("100.00"), m("0"), m("100")).overdue(TitreKind.ORIGINAL, due, due.plusDays(1)));
    }
}
