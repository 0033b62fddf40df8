package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;

import java.time.LocalDate;

/**
 * La Fibre 59 62, seed 003 article 7: "Les adhérents ayant conclu la présente convention dans les deux premières
 * années suivant l'entrée en vigueur de la délibération n° 2022-03 en date du 19 janvier 2022, bénéficieront d'une
 * franchise de la participation financière afférente aux fournitures ou services qu'ils auront souscrits durant ces
 * deux premières années. Cette franchise de participation financière sera limitée à la durée des marchés conclus la
 * première année d'existence de la centrale."
 * <p>
 * So (docs/rules.md, R-14): a member who joined within the window (from {@code windowStart}, {@code years} long) has
 * no participation until the end of the markets concluded in the centre's first year, {@code endsOn} (31/01/2027:
 * the very-high-speed market runs "jusque janvier 2027"), not for two years. A body that records no end keeps the
 * franchise to the window's end, as before R-14.
 *
 * @param windowStart first day of the window to subscribe (19/01/2022 for La Fibre 59 62)
 * @param years       length of that window in years (2)
 * @param endsOn      last day of the franchise, or null
 */
public record Franchise(LocalDate windowStart, int years, LocalDate endsOn) {

    /** A franchise that ends with its window (before R-14). */
    public Franchise(LocalDate windowStart, int years) {
        this(windowStart, years, null);
    }

    /** The last day to subscribe and still have the franchise. */
    public LocalDate windowEnd() {
        return windowStart.plusYears(years).minusDays(1);
    }

    /** The last day of the franchise for a membership that starts on {@code startsOn}, or null if it has none. */
    public LocalDate until(LocalDate startsOn) {
        boolean inWindow = !startsOn.isBefore(windowStart) && !startsOn.isAfter(windowEnd());
        if (!inWindow) {
            return null;
        }
        return endsOn != null ? endsOn : windowEnd();
    }

    /** Refuses (422 FRANCHISE_END_BEFORE_WINDOW) an end before the window opens: it would grant nothing. */
    public static void checkEnd(LocalDate windowStart, LocalDate endsOn) {
        if (windowStart != null && endsOn != null && endsOn.isBefore(windowStart)) {
            throw ProblemException.rule("FRANCHISE_END_BEFORE_WINDOW", "franchiseEndsOn " + endsOn
                    + " is before the franchise window opens on " + windowStart, "franchiseEndsOn");
        }
    }
}
