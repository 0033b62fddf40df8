package fr.centrale.convention.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of shared/examples/proration.csv (copied into the test resources) comes out exactly. */
class ProrationTest {

    @ParameterizedTest(name = "{0} – {1}: {5} months, {6} €")
    @CsvFileSource(resources = "/examples/proration.csv", numLinesToSkip = 1)
    void theProrationVectorsComeOutExactly(LocalDate periodStart, LocalDate periodEnd, BigDecimal annualAmount,
                                           long completeMonths, int remainingDays, BigDecimal months, BigDecimal amount) {
        Proration.Months m = Proration.months(periodStart, periodEnd);
        assertThat(m.completeMonths()).isEqualTo(completeMonths);
        assertThat(m.remainingDays()).isEqualTo(remainingDays);
        assertThat(m.months()).isEqualTo(months);
        assertThat(Proration.amount(m.months(), annualAmount)).isEqualTo(amount);
    }
}
