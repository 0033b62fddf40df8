package fr.centrale.convention.domain;

import fr.centrale.common.organisation.Category;
import fr.centrale.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TariffGridTest {

    private static TariffLine group(String code, int min, Integer max, String amount) {
        return new TariffLine(code, TariffLine.Kind.GROUP, Set.of(), min, max, new BigDecimal(amount), code);
    }

    private static TariffLine category(String code, Set<Category> categories, Integer min, Integer max, String amount) {
        return new TariffLine(code, TariffLine.Kind.CATEGORY, categories, min, max, amount == null ? null : new BigDecimal(amount), code);
    }

    private static TariffGrid.Party party(Category category, Integer population, Integer headcount) {
        return new TariffGrid.Party(UUID.randomUUID(), category, population, headcount);
    }

    /** RESAH 2021-008 lot 1. */
    private final TariffGrid lot1 = new TariffGrid(List.of(
            group("GROUP_10_PLUS", 10, null, "2500.00"), group("GROUP_5_9", 5, 9, "2000.00"), group("GROUP_2_4", 2, 4, "1500.00"),
            category("REGION_METROPOLE_CD", Set.of(Category.REGION, Category.METROPOLE, Category.DEPARTEMENT), null, null, "2500.00"),
            category("COMMUNE_50000_PLUS", Set.of(Category.COMMUNE), 50000, null, "1500.00"),
            category("COMMUNE_UNDER_50000", Set.of(Category.COMMUNE), 0, 49999, "1000.00")), null, null);

    @Test
    void aGroupOfExactlyTenTakesTheMoreThanTenRow_D2() {
        assertThat(lot1.resolve(Collections.nCopies(10, party(Category.EPS, null, null))).annualAmount()).isEqualByComparingTo("2500.00");
        assertThat(lot1.resolve(Collections.nCopies(9, party(Category.EPS, null, null))).tier()).isEqualTo("GROUP_5_9");
        assertThat(lot1.resolve(Collections.nCopies(2, party(Category.EPS, null, null))).tier()).isEqualTo("GROUP_2_4");
    }

    @Test
    void aSingleOrganisationTakesItsCategoryRow_communesByPopulation() {
        assertThat(lot1.resolve(List.of(party(Category.DEPARTEMENT, null, null))).annualAmount()).isEqualByComparingTo("2500.00");
        assertThat(lot1.resolve(List.of(party(Category.COMMUNE, 50000, null))).tier()).isEqualTo("COMMUNE_50000_PLUS");
        assertThat(lot1.resolve(List.of(party(Category.COMMUNE, 49999, null))).tier()).isEqualTo("COMMUNE_UNDER_50000");
    }

    @Test
    void aCategoryTheGridDoesNotListIsOnQuote() {
        TariffGrid.Resolution r = lot1.resolve(List.of(party(Category.ESMS, null, null)));
        assertThat(r.isOnQuote()).isTrue();
        assertThat(r.tier()).isEqualTo(TariffGrid.ON_QUOTE);
        TariffGrid security = new TariffGrid(List.of(
                category("COMMUNE_20000_30000", Set.of(Category.COMMUNE), 20000, 30000, "300.00")), null, null);
        assertThat(security.resolve(List.of(party(Category.COMMUNE, 40000, null))).isOnQuote()).isTrue();
        assertThat(security.resolve(List.of(party(Category.COMMUNE, 30000, null))).annualAmount()).isEqualByComparingTo("300.00");
        assertThat(security.resolve(List.of(party(Category.COMMUNE, null, null))).isOnQuote()).isTrue();
    }

    /** CAIH SO360 (D-4, D-9). */
    private final TariffGrid caih = new TariffGrid(List.of(
            new TariffLine("SIZE_500_PLUS", TariffLine.Kind.SIZE_CLASS, Set.of(), 500, null, new BigDecimal("400.00"), "500 lits et places ou salariés et plus"),
            new TariffLine("SIZE_100_499", TariffLine.Kind.SIZE_CLASS, Set.of(), 100, 499, new BigDecimal("200.00"), "De 100 à 499"),
            new TariffLine("SIZE_UNDER_100", TariffLine.Kind.SIZE_CLASS, Set.of(), 0, 99, new BigDecimal("100.00"), "Moins de 100")),
            new BigDecimal("1500.00"), new BigDecimal("1500.00"));

    @Test
    void caihSizesEachEstablishmentAndCapsGroups() {
        assertThat(caih.resolve(List.of(party(Category.EPS, null, 500))).annualAmount()).isEqualByComparingTo("400.00");
        assertThat(caih.resolve(List.of(party(Category.EPS, null, 499))).annualAmount()).isEqualByComparingTo("200.00");
        assertThat(caih.resolve(List.of(party(Category.ESMS, null, 99))).annualAmount()).isEqualByComparingTo("100.00");
        assertThat(caih.resolve(List.of(party(Category.EPS, null, 600), party(Category.ESMS, null, 50))).annualAmount())
                .isEqualByComparingTo("500.00");
        TariffGrid.Resolution ght = caih.resolve(List.of(party(Category.EPS, null, 900), party(Category.EPS, null, 800),
                party(Category.EPS, null, 700), party(Category.EPS, null, 300), party(Category.EPS, null, 200)));
        assertThat(ght.annualAmount()).isEqualByComparingTo("1500.00");
        assertThat(ght.tier()).isEqualTo("GROUP_CAPPED");
    }

    @Test
    void aLocalAuthorityPaysTheCaihCeiling_D4() {
        TariffGrid.Resolution r = caih.resolve(List.of(party(Category.DEPARTEMENT, null, 80)));
        assertThat(r.annualAmount()).isEqualByComparingTo("1500.00");
        assertThat(r.tier()).isEqualTo("LOCAL_AUTHORITY");
    }

    @Test
    void caihNeedsTheHeadcount() {
        assertThatThrownBy(() -> caih.resolve(List.of(party(Category.EPS, null, null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("HEADCOUNT_REQUIRED"));
    }

    /** RESAH 2021-045 lot 2 (seed 002): a grid by type of beneficiary, without group rows. */
    private final TariffGrid lot2045 = new TariffGrid(List.of(
            category("REGION", Set.of(Category.REGION), null, null, "1750.00"),
            category("COMMUNAUTE_AGGLOMERATION", Set.of(Category.COMMUNAUTE_AGGLOMERATION), null, null, "1000.00"),
            category("COMMUNE_50000_PLUS", Set.of(Category.COMMUNE), 50000, null, "1000.00"),
            category("COMMUNE_20000_49999", Set.of(Category.COMMUNE), 20000, 49999, "750.00"),
            category("OTHERS", Set.of(Category.OTHER), null, null, null)), null, null);

    /**
     * docs/rules.md, R-10: "Grids without group rows (2021-045 lots 2 and 4, 2021-063-002) price by type of beneficiary:
     * a convention signed under a mandate for several beneficiaries owes the sum of each beneficiary's row".
     */
    @Test
    void aGridWithoutGroupRowsOwesTheSumOfEachBeneficiarysRow_R10() {
        TariffGrid.Resolution r = lot2045.resolve(List.of(party(Category.COMMUNAUTE_AGGLOMERATION, null, null),
                party(Category.COMMUNE, 25000, null), party(Category.COMMUNE, 60000, null)));
        assertThat(r.annualAmount()).isEqualTo(new BigDecimal("2750.00"));
        assertThat(r.tier()).isEqualTo(TariffGrid.SUM_OF_BENEFICIARIES);
        assertThat(r.gridRow()).contains("COMMUNAUTE_AGGLOMERATION (1000.00)").contains("COMMUNE_20000_49999 (750.00)");
        // On quote only when one beneficiary's row is: a commune under 20 000 inhabitants.
        assertThat(lot2045.resolve(List.of(party(Category.COMMUNAUTE_AGGLOMERATION, null, null),
                party(Category.COMMUNE, 19999, null))).isOnQuote()).isTrue();
        // A grid with group rows keeps them (2021-008).
        assertThat(lot1.resolve(List.of(party(Category.DEPARTEMENT, null, null), party(Category.REGION, null, null))).tier())
                .isEqualTo("GROUP_2_4");
    }
}
