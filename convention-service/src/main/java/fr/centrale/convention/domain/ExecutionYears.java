package fr.centrale.convention.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Execution years (docs/rules.md, section 5, D-3): consecutive 12-month periods counted from the execution start
 * itself, so they never drift (year k runs from {@code start.plusMonths(12 × (k − 1))} to
 * {@code start.plusMonths(12 × k) − 1 day}); the last one is cut at the end date.
 */
public final class ExecutionYears {

    /** Execution year {@code k} (from 1) and its dates. */
    public record Year(int k, LocalDate start, LocalDate end) {
    }

    private ExecutionYears() {
    }

    public static List<Year> of(LocalDate executionStart, LocalDate end) {
        List<Year> years = new ArrayList<>();
        for (int k = 1; ; k++) {
            LocalDate start = executionStart.plusMonths(12L * (k - 1));
            if (start.isAfter(end)) {
                return years;
            }
            LocalDate natural = executionStart.plusMonths(12L * k).minusDays(1);
            years.add(new Year(k, start, natural.isAfter(end) ? end : natural));
        }
    }

    /** The execution year containing {@code day}, or null when the day is outside [start, end]. */
    public static Year containing(LocalDate executionStart, LocalDate end, LocalDate day) {
        return of(executionStart, end).stream()
                .filter(y -> !day.isBefore(y.start()) && !day.isAfter(y.end()))
                .findFirst().orElse(null);
    }
}
