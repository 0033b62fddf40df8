package fr.centrale.convention.domain;

import fr.centrale.common.organisation.Category;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One row of an offer's tariff grid (docs/rules.md, section 4).
 *
 * @param code       stable name of the row, used as the convention's {@code tier} (e.g. {@code GROUP_5_9})
 * @param kind       what the row selects on
 * @param categories the categories it applies to (CATEGORY rows)
 * @param min        lower bound included: group size (GROUP), population (a COMMUNE row), beds/places or employees (SIZE_CLASS); null = none
 * @param max        upper bound included, null = none
 * @param amount     annual amount in euros net of tax; null when the row is "on quote"
 * @param label      the row as the grid prints it
 */
public record TariffLine(String code, Kind kind, Set<Category> categories, Integer min, Integer max,
                         BigDecimal amount, String label) {

    public enum Kind {
        /** A single organisation of one of these categories (communes sized by population). */
        CATEGORY,
        /** A purchasing group, by number of beneficiaries. */
        GROUP,
        /** A CAIH establishment, by beds/places or employees (D-9). */
        SIZE_CLASS
    }

    public boolean isOnQuote() {
        return amount == null;
    }

    boolean covers(int value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
