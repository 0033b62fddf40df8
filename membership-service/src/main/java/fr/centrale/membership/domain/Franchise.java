package fr.centrale.membership.domain;

import java.time.LocalDate;

/**
 * La Fibre 59 62, article 7: members who joined within the first two years after deliberation
 * 2022-03 came into force have no financial participation for what they subscribe during those two
 * years. The window's start is configurable on the purchasing body. A membership that joined in
 * the window has its participation waived for every year whose titre would fall due before the
 * window closes.
 *
 * @param windowStart first day of the window (19/01/2022 for La Fibre 59 62)
 * @param years       length of the window in years (2)
 */
public record Franchise(LocalDate windowStart, int years) {

    public LocalDate windowEnd() {
        return windowStart.plusYears(years).minusDays(1);
    }

    /** The last day of the franchise for a membership that starts on {@code startsOn}, or null if it has none. */
    public LocalDate until(LocalDate startsOn) {
        boolean inWindow = !startsOn.isBefore(windowStart) && !startsOn.isAfter(windowEnd());
        return inWindow ? windowEnd() : null;
    }
}
