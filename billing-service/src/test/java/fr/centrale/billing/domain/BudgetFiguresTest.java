package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BudgetFiguresTest {

    @Test
    void workedExample7() {
        // Seed 001: CP 3 000, proposed 2 800 (1 800 TTC CAIH + 1 000 RESAH), balance 200.
        BudgetFigures f = BudgetFigures.of(new BigDecimal("3000"), new BigDecimal("1800.00"), new BigDecimal("1000.00"));
        assertEquals(new BigDecimal("2800.00"), f.proposed());
        assertEquals(new BigDecimal("200.00"), f.balance());
        assertEquals(new BigDecimal("-50.00"), BudgetFigures.of(new BigDecimal("100"), new BigDecimal("150"), BigDecimal.ZERO).balance());
    }
}
