package fr.centrale.common.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Q1RunDayTest {

    @Test
    void defaultsTo2January() {
        assertEquals(LocalDate.of(2025, 1, 2), Q1RunDay.DEFAULT.in(2025));
    }

    @Test
    void anyDayOfTheFirstQuarterIsAccepted() {
        assertEquals(LocalDate.of(2025, 1, 1), Q1RunDay.parse("01-01").in(2025));
        assertEquals(LocalDate.of(2025, 3, 31), Q1RunDay.parse(" 03-31 ").in(2025));
        assertEquals(LocalDate.of(2024, 2, 29), Q1RunDay.parse("02-29").in(2024));
        assertEquals(LocalDate.of(2025, 2, 28), Q1RunDay.parse("02-29").in(2025));
    }

    @Test
    void aDayOutsideTheFirstQuarterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Q1RunDay.parse("04-01"));
        assertThrows(IllegalArgumentException.class, () -> Q1RunDay.parse("12-31"));
        assertThrows(IllegalArgumentException.class, () -> Q1RunDay.parse("13-01"));
        assertThrows(IllegalArgumentException.class, () -> Q1RunDay.parse("2025-01-02"));
    }
}
