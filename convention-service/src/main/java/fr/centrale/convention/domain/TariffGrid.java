package fr.centrale.convention.domain;

import fr.centrale.common.organisation.Category;
import fr.centrale.common.problem.ProblemException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An offer's tariff grid and how a convention's annual amount is read from it (docs/rules.md, section 4 and 6):
 * <ul>
 * <li>a group of two or more beneficiaries takes the group row of its size;</li>
 * <li>a single organisation takes the row of its category (communes by population);</li>
 * <li>CAIH sizes each establishment by beds/places or employees (D-9); a group pays the sum of its
 *     establishments capped at {@code groupCap}; a local authority pays {@code localAuthorityAmount} (D-4);</li>
 * <li>a category the grid does not list, or a row "sur devis", is on quote.</li>
 * </ul>
 */
public record TariffGrid(List<TariffLine> lines, BigDecimal groupCap, BigDecimal localAuthorityAmount) {

    /** A beneficiary as the grid sees it. */
    public record Party(UUID organisationId, Category category, Integer population, Integer headcount) {
    }

    /**
     * @param tier         the row's code, e.g. {@code GROUP_5_9}, {@code ON_QUOTE}
     * @param gridRow      the row as printed in the grid, stated on titres as the basis of calculation
     * @param annualAmount null when on quote
     */
    public record Resolution(String tier, String gridRow, BigDecimal annualAmount) {

        public boolean isOnQuote() {
            return annualAmount == null;
        }
    }

    public static final String ON_QUOTE = "ON_QUOTE";
    /** The tier of a grid without group rows applied to several beneficiaries (docs/rules.md, R-10). */
    public static final String SUM_OF_BENEFICIARIES = "SUM_OF_BENEFICIARIES";

    public Resolution resolve(List<Party> beneficiaries) {
        if (beneficiaries.isEmpty()) {
            throw new IllegalArgumentException("A convention has at least one beneficiary");
        }
        if (lines.stream().anyMatch(l -> l.kind() == TariffLine.Kind.SIZE_CLASS)) {
            return resolveBySize(beneficiaries);
        }
        int n = beneficiaries.size();
        if (n >= 2 && lines.stream().noneMatch(l -> l.kind() == TariffLine.Kind.GROUP)) {
            return resolveByBeneficiary(beneficiaries);
        }
        if (n >= 2) {
            return line(TariffLine.Kind.GROUP, l -> l.covers(n))
                    .map(TariffGrid::of)
                    .orElse(new Resolution(ON_QUOTE, "Groupement de " + n + " bénéficiaires : sur devis", null));
        }
        Party single = beneficiaries.get(0);
        return line(TariffLine.Kind.CATEGORY, l -> l.categories().contains(single.category())
                && (l.min() == null && l.max() == null || single.population() != null && l.covers(single.population())))
                .map(TariffGrid::of)
                .orElse(new Resolution(ON_QUOTE, single.category() + " : non listé dans la grille, sur devis", null));
    }

    /**
     * docs/rules.md, R-10: a grid without group rows (2021-045 lots 2 and 4, 2021-063-002) prices by type of beneficiary,
     * so a convention for several beneficiaries (signed under a mandate) owes the sum of each one's row; on quote when
     * one of them is.
     */
    private Resolution resolveByBeneficiary(List<Party> beneficiaries) {
        BigDecimal sum = BigDecimal.ZERO;
        List<String> rows = new java.util.ArrayList<>();
        for (Party p : beneficiaries) {
            Resolution own = resolve(List.of(p));
            if (own.isOnQuote()) {
                return new Resolution(ON_QUOTE, own.gridRow(), null);
            }
            sum = sum.add(own.annualAmount());
            rows.add(own.gridRow() + " (" + own.annualAmount().setScale(2) + ")");
        }
        return new Resolution(SUM_OF_BENEFICIARIES, "Somme des lignes des bénéficiaires : " + String.join(" + ", rows),
                sum.setScale(2));
    }

    private Resolution resolveBySize(List<Party> beneficiaries) {
        if (localAuthorityAmount != null && beneficiaries.stream().anyMatch(p -> p.category().isLocalAuthority())) {
            return new Resolution("LOCAL_AUTHORITY", "Collectivité territoriale : plafond", localAuthorityAmount);
        }
        BigDecimal sum = BigDecimal.ZERO;
        TariffLine only = null;
        for (int i = 0; i < beneficiaries.size(); i++) {
            Party p = beneficiaries.get(i);
            if (p.headcount() == null) {
                throw ProblemException.rule("HEADCOUNT_REQUIRED", "The grid sizes each establishment by beds/places or "
                        + "employees: organisation " + p.organisationId() + " has no headcount", "beneficiaries[" + i + "]");
            }
            TariffLine line = line(TariffLine.Kind.SIZE_CLASS, l -> l.covers(p.headcount()))
                    .orElseThrow(() -> new IllegalStateException("No size class covers " + p.headcount()));
            if (line.isOnQuote()) {
                return new Resolution(ON_QUOTE, line.label(), null);
            }
            sum = sum.add(line.amount());
            only = line;
        }
        if (beneficiaries.size() == 1) {
            return of(only);
        }
        if (groupCap != null && sum.compareTo(groupCap) > 0) {
            return new Resolution("GROUP_CAPPED", "GHT ou groupement (plafond)", groupCap);
        }
        return new Resolution("GROUP_SUM", "Groupement : somme de " + beneficiaries.size() + " établissements", sum);
    }

    private Optional<TariffLine> line(TariffLine.Kind kind, java.util.function.Predicate<TariffLine> matches) {
        return lines.stream().filter(l -> l.kind() == kind).filter(matches).findFirst();
    }

    private static Resolution of(TariffLine line) {
        return new Resolution(line.isOnQuote() ? ON_QUOTE : line.code(), line.label(), line.amount());
    }
}
