package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorrectionsTest {

    @Test
    void aCorrectionOfAClosedYearIsAMandate673() {
        assertEquals(TitreKind.MANDATE_673, Corrections.kind(2024, LocalDate.of(2025, 1, 1), false));
        assertEquals(TitreKind.MANDATE_673, Corrections.kind(2024, LocalDate.of(2025, 3, 10), true));
    }

    @Test
    void aCorrectionWithinTheYearIsACancellationOrReduction() {
        assertEquals(TitreKind.REDUCTION, Corrections.kind(2024, LocalDate.of(2024, 12, 31), false));
        assertEquals(TitreKind.CANCELLATION, Corrections.kind(2024, LocalDate.of(2024, 6, 1), true));
    }
}
