package fr.centrale.common.time;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/**
 * The day of the yearly Q1 billing run (docs/rules.md, section 5): a day between 1 January and 31 March,
 * default 2 January. Every service that computes an {@code issueOn} and the billing-service read
 * the same setting ({@code centrale.q1-run-day}, env {@code CENTRALE_Q1_RUN_DAY}, format MM-dd).
 */
public record Q1RunDay(MonthDay day) {

    public static final Q1RunDay DEFAULT = new Q1RunDay(MonthDay.of(1, 2));

    public Q1RunDay {
        if (day.getMonthValue() > 3) {
            throw new IllegalArgumentException("The Q1 run day must fall between 01-01 and 03-31, not " + day);
        }
    }

    /** Parses {@code MM-dd}; refuses a day outside January–March, so a bad setting stops start-up. */
    public static Q1RunDay parse(String value) {
        try {
            return new Q1RunDay(MonthDay.parse("--" + value.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The Q1 run day must be written MM-dd (e.g. 01-02), not " + value, e);
        }
    }

    /** The Q1 run date of a calendar year. */
    public LocalDate in(int year) {
        return day.atYear(year);
    }
}
