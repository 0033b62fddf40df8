package fr.centrale.convention.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;

/**
 * Model P's proration (docs/rules.md, section 5): months = complete months + remaining days / 30, rounded to the
 * hundredth HALF_UP; amount = months × annual / 12, rounded to the cent HALF_UP. Complete months are
 * {@code Period.toTotalMonths()} of [start, end + 1 day] (not {@code getMonths()}, which drops the years).
 */
public final class Proration {

    private static final BigDecimal DAYS_IN_A_MONTH = BigDecimal.valueOf(30);
    private static final BigDecimal MONTHS_IN_A_YEAR = BigDecimal.valueOf(12);

    /** The months of a period, as stated on the titre. */
    public record Months(long completeMonths, int remainingDays, BigDecimal months) {

        public boolean isFullYearOrMore() {
            return completeMonths >= 12;
        }
    }

    private Proration() {
    }

    /** The months of [periodStart, periodEnd], both days included. */
    public static Months months(LocalDate periodStart, LocalDate periodEnd) {
        Period p = Period.between(periodStart, periodEnd.plusDays(1));
        long complete = p.toTotalMonths();
        int days = p.getDays();
        BigDecimal months = BigDecimal.valueOf(complete)
                .add(BigDecimal.valueOf(days).divide(DAYS_IN_A_MONTH, 10, RoundingMode.HALF_UP))
                .setScale(2, RoundingMode.HALF_UP);
        return new Months(complete, days, months);
    }

    /** months × annual / 12, to the cent. */
    public static BigDecimal amount(BigDecimal months, BigDecimal annualAmount) {
        return months.multiply(annualAmount).divide(MONTHS_IN_A_YEAR, 2, RoundingMode.HALF_UP);
    }
}
