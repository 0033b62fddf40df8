package fr.centrale.convention.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionYearsTest {

    @Test
    void yearsRunFromTheStartItselfAndTheLastIsCutAtTheEnd() {
        List<ExecutionYears.Year> years = ExecutionYears.of(LocalDate.of(2022, 3, 1), LocalDate.of(2025, 2, 15));
        assertThat(years).containsExactly(
                new ExecutionYears.Year(1, LocalDate.of(2022, 3, 1), LocalDate.of(2023, 2, 28)),
                new ExecutionYears.Year(2, LocalDate.of(2023, 3, 1), LocalDate.of(2024, 2, 29)),
                new ExecutionYears.Year(3, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 15)));
    }

    @Test
    void aMonthEndStartNeverDrifts() {
        // Counting each year from the previous one would drift 31 → 28 → 28; counting from the start does not.
        List<ExecutionYears.Year> years = ExecutionYears.of(LocalDate.of(2023, 1, 31), LocalDate.of(2026, 12, 31));
        assertThat(years).extracting(ExecutionYears.Year::start)
                .containsExactly(LocalDate.of(2023, 1, 31), LocalDate.of(2024, 1, 31), LocalDate.of(2025, 1, 31), LocalDate.of(2026, 1, 31));
        List<ExecutionYears.Year> leap = ExecutionYears.of(LocalDate.of(2024, 2, 29), LocalDate.of(2027, 12, 31));
        assertThat(leap).extracting(ExecutionYears.Year::start)
                .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 28), LocalDate.of(2026, 2, 28), LocalDate.of(2027, 2, 28));
        assertThat(leap.get(0).end()).isEqualTo(LocalDate.of(2025, 2, 27));
    }

    @Test
    void theYearContainingADay() {
        LocalDate start = LocalDate.of(2022, 3, 1);
        LocalDate end = LocalDate.of(2025, 2, 28);
        assertThat(ExecutionYears.containing(start, end, LocalDate.of(2023, 6, 15)).k()).isEqualTo(2);
        assertThat(ExecutionYears.containing(start, end, LocalDate.of(2025, 3, 1))).isNull();
    }
}
