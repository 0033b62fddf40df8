package fr.centrale.membership.domain;

import fr.centrale.common.organisation.Category;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A purchasing body's yearly fee schedules. The schedule of a year applies to later years until a
 * new one is entered (D-8), so entering next year's rates never changes a past year.
 */
public final class MembershipFeeTable {

    /**
     * The rates of one year, with their taxation (docs/rules.md, R-1) and the decision that fixed them
     * (docs/rules.md, R-5), e.g. "délibération du conseil d'administration du RESAH du 29/09/2022"; null when unknown.
     */
    public record Rates(BigDecimal medicoSocial, BigDecimal other, FeeTaxation taxation, String decision) {

        /** Rates net of tax, without a recorded decision. */
        public Rates(BigDecimal medicoSocial, BigDecimal other) {
            this(medicoSocial, other, FeeTaxation.NET_OF_TAX, null);
        }

        public Rates {
            taxation = taxation == null ? FeeTaxation.NET_OF_TAX : taxation;
        }

        public BigDecimal forCategory(Category category) {
            return category.isMedicoSocial() ? medicoSocial : other;
        }
    }

    private final NavigableMap<Integer, Rates> byYear;

    public MembershipFeeTable(Map<Integer, Rates> byYear) {
        this.byYear = new TreeMap<>(byYear);
    }

    /** The rates in force for a year: that year's schedule, else the latest earlier one. */
    public Optional<Rates> ratesFor(int year) {
        Map.Entry<Integer, Rates> entry = byYear.floorEntry(year);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    public Optional<BigDecimal> feeFor(int year, Category category) {
        return ratesFor(year).map(r -> r.forCategory(category));
    }
}
