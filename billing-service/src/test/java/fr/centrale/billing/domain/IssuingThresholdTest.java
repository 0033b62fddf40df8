package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IssuingThresholdTest {

    @Test
    void belowTheThresholdIsWaivedTheThresholdItselfIsIssued() {
        BigDecimal fifteen = new BigDecimal("15.00");
        assertTrue(IssuingThreshold.waived(new BigDecimal("14.99"), fifteen));
        assertTrue(IssuingThreshold.waived(new BigDecimal("5.00"), fifteen));
        assertFalse(IssuingThreshold.waived(new BigDecimal("15.00"), fifteen));
        assertFalse(IssuingThreshold.waived(new BigDecimal("15.01"), fifteen));
    }

    @Test
    void theEntryInForceIsTheLatestFromThatDateOrBefore() {
        List<IssuingThreshold.Entry> entries = List.of(
                new IssuingThreshold.Entry(LocalDate.of(2000, 1, 1), new BigDecimal("15.00")),
                new IssuingThreshold.Entry(LocalDate.of(2025, 7, 1), new BigDecimal("40.00")));
        assertEquals(new BigDecimal("15.00"), IssuingThreshold.inForce(entries, LocalDate.of(2025, 6, 30)));
        assertEquals(new BigDecimal("40.00"), IssuingThreshold.inForce(entries, LocalDate.of(2025, 7, 1)));
        assertEquals(IssuingThreshold.DEFAULT, IssuingThreshold.inForce(entries, LocalDate.of(1999, 12, 31)));
        assertEquals(new BigDecimal("15.00"), IssuingThreshold.inForce(List.of(), LocalDate.of(2025, 1, 1)));
    }
}
