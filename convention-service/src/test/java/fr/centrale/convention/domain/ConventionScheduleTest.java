package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.convention.PricingModel;
import fr.centrale.convention.domain.ConventionSchedule.Complement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples 3 to 6 of docs/rules.md, and the tier-change examples of docs/rules.md, section 6, to the cent. */
class ConventionScheduleTest {

    private static final UUID CONVENTION = UUID.fromString("9b2f3c4d-0000-4000-8000-000000000001");
    private static final UUID DEPARTEMENT = UUID.fromString("0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11");

    private static ConventionSchedule.Terms terms(String issuer, PricingModel model, int paymentTerm, String start,
                                                  String end, String annual) {
        return new ConventionSchedule.Terms(CONVENTION, issuer, "Contribution", model, paymentTerm, LocalDate.parse(start),
                LocalDate.parse(end), new BigDecimal(annual), DEPARTEMENT, List.of(), "Grille");
    }

    private static List<BillableItem> items(ConventionSchedule.Terms terms, Complement... complements) {
        return ConventionSchedule.items(terms, List.of(complements), Q1RunDay.DEFAULT);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void workedExample3_resah2021008Lot3_2500ThenFiveMonthsSixteenDays() {
        List<BillableItem> items = items(terms("RESAH", PricingModel.PRORATED_LAST_PERIOD, 30, "2024-01-15", "2025-06-30", "2500.00"));
        assertThat(items).hasSize(2);
        BillableItem first = items.get(0);
        assertThat(first.issueOn()).isEqualTo(d("2024-01-15"));
        assertThat(first.periodStart()).isEqualTo(d("2024-01-15"));
        assertThat(first.periodEnd()).isEqualTo(d("2025-01-14"));
        assertThat(first.amount()).isEqualTo(new BigDecimal("2500.00"));
        BillableItem second = items.get(1);
        assertThat(second.issueOn()).isEqualTo(d("2025-01-02"));
        assertThat(second.periodStart()).isEqualTo(d("2025-01-15"));
        assertThat(second.periodEnd()).isEqualTo(d("2025-06-30"));
        assertThat(second.months()).isEqualTo(new BigDecimal("5.53"));
        assertThat(second.annualAmount()).isEqualTo(new BigDecimal("2500.00"));
        assertThat(second.amount()).isEqualTo(new BigDecimal("1152.08"));
        assertThat(items).extracting(BillableItem::sequence).containsExactly(1, 2);
        assertThat(items).allSatisfy(i -> assertThat(i.paymentTermDays()).isEqualTo(30));
    }

    @Test
    void workedExample4_resah2020027Securite_1000Then658_33() {
        List<BillableItem> items = items(terms("RESAH", PricingModel.PRORATED_LAST_PERIOD, 30, "2023-01-01", "2024-08-27", "1000.00"));
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2023-01-01"), d("2024-01-02"));
        assertThat(items).extracting(BillableItem::amount).containsExactly(new BigDecimal("1000.00"), new BigDecimal("658.33"));
        assertThat(items.get(1).months()).isEqualTo(new BigDecimal("7.90"));
        assertThat(items.get(1).periodStart()).isEqualTo(d("2024-01-01"));
    }

    @Test
    void workedExample5_resah2021045Lot2_threeFullYears() {
        List<BillableItem> items = items(terms("RESAH", PricingModel.FULL_YEAR, 30, "2022-03-01", "2025-02-15", "1000.00"));
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2022-03-01"), d("2023-01-02"), d("2024-01-02"));
        assertThat(items).extracting(BillableItem::amount).containsOnly(new BigDecimal("1000.00"));
        assertThat(items.get(2).periodEnd()).isEqualTo(d("2025-02-15"));
        assertThat(items).extracting(BillableItem::months).containsOnlyNulls();
    }

    @Test
    void workedExample6_caihSo360_1500InDecemberAnd1500AtTheQ1Run() {
        List<BillableItem> items = items(terms("CAIH", PricingModel.CALENDAR_YEAR, 50, "2022-12-15", "2023-07-16", "1500.00"));
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2022-12-15"), d("2023-01-02"));
        assertThat(items).extracting(BillableItem::amount).containsOnly(new BigDecimal("1500.00"));
        assertThat(items.get(0).issueOn().plusDays(items.get(0).paymentTermDays())).isEqualTo(d("2023-02-03"));
        assertThat(items.get(0).periodEnd()).isEqualTo(d("2022-12-31"));
        assertThat(items.get(1).periodStart()).isEqualTo(d("2023-01-01"));
        assertThat(items.get(1).periodEnd()).isEqualTo(d("2023-07-16"));
    }

    @Test
    void aCaihNoticeOf15NovemberMakesTheNextYearBillableToo() {
        // Notice 15/11/2024 + 3 months = effective 15/02/2025: calendar year 2025 is touched.
        List<BillableItem> items = items(terms("CAIH", PricingModel.CALENDAR_YEAR, 50, "2023-03-01", "2025-02-15", "400.00"));
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2023-03-01"), d("2024-01-02"), d("2025-01-02"));
    }

    /** docs/rules.md, section 6 with the seed's figures: initial 2 250 €, new tier 2 500 € → 250 € a year. */
    @Test
    void tierChangeOfTheSeed_250AYearFromTheEffectiveDate() {
        var terms = terms("RESAH", PricingModel.FULL_YEAR, 30, "2022-03-01", "2025-02-28", "2250.00");
        Complement tier = new Complement(1, Complement.Kind.ANNUAL_DIFFERENCE, DEPARTEMENT, d("2023-06-15"), d("2023-06-15"),
                new BigDecimal("2500.00").subtract(new BigDecimal("2250.00")), null, null, "Changement de tranche");
        List<BillableItem> complements = items(terms, tier).stream()
                .filter(i -> i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION).toList();
        assertThat(complements).extracting(BillableItem::amount).containsOnly(new BigDecimal("250.00"));
        assertThat(complements).extracting(BillableItem::issueOn).containsExactly(d("2023-06-15"), d("2024-01-02"));
        assertThat(complements.get(0).periodStart()).isEqualTo(d("2023-06-15"));
        assertThat(complements.get(0).periodEnd()).isEqualTo(d("2024-02-29"));
        assertThat(complements).extracting(BillableItem::sequence).containsExactly(1001, 1002);
    }

    /** docs/rules.md, section 6 with the current grid: a group of 4 (3 000 €) adding a fifth (3 500 €) pays 500 € a year. */
    @Test
    void tierChangeWithTheCurrentGrid_groupOf4AddingAFifth_500AYear() {
        TariffGrid grid = new TariffGrid(List.of(
                new TariffLine("GROUP_10_PLUS", TariffLine.Kind.GROUP, java.util.Set.of(), 10, null, new BigDecimal("4000.00"), "Groupement ≥ 10"),
                new TariffLine("GROUP_5_9", TariffLine.Kind.GROUP, java.util.Set.of(), 5, 9, new BigDecimal("3500.00"), "Groupement 5 à 9"),
                new TariffLine("GROUP_2_4", TariffLine.Kind.GROUP, java.util.Set.of(), 2, 4, new BigDecimal("3000.00"), "Groupement 2 à 4")),
                null, null);
        List<TariffGrid.Party> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(new TariffGrid.Party(UUID.randomUUID(), fr.centrale.common.organisation.Category.EPS, null, null));
        }
        BigDecimal before = grid.resolve(four).annualAmount();
        four.add(new TariffGrid.Party(UUID.randomUUID(), fr.centrale.common.organisation.Category.EPS, null, null));
        BigDecimal after = grid.resolve(four).annualAmount();
        assertThat(after.subtract(before)).isEqualTo(new BigDecimal("500.00"));

        var terms = terms("RESAH", PricingModel.FULL_YEAR, 30, "2024-01-15", "2026-01-14", "3000.00");
        Complement tier = new Complement(1, Complement.Kind.ANNUAL_DIFFERENCE, DEPARTEMENT, d("2024-09-01"), d("2024-09-01"),
                after.subtract(before), null, null, "Changement de tranche");
        List<BillableItem> complements = items(terms, tier).stream()
                .filter(i -> i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION).toList();
        assertThat(complements).extracting(BillableItem::issueOn).containsExactly(d("2024-09-01"), d("2025-01-02"));
        assertThat(complements).extracting(BillableItem::amount).containsOnly(new BigDecimal("500.00"));
    }

    @Test
    void amendmentsOnlyAddItems_identitiesNeverMove() {
        var terms = terms("RESAH", PricingModel.PRORATED_LAST_PERIOD, 30, "2024-01-15", "2025-06-30", "2500.00");
        List<BillableItem> before = items(terms);
        Complement fee = new Complement(1, Complement.Kind.ONE_OFF, DEPARTEMENT, d("2024-05-01"), d("2024-05-01"),
                new BigDecimal("150.00"), null, null, "Ajout d'un bénéficiaire");
        List<BillableItem> after = items(terms, fee);
        assertThat(after).containsAll(before);
        assertThat(after).hasSize(before.size() + 1);
        BillableItem oneOff = after.get(after.size() - 1);
        assertThat(oneOff.sequence()).isEqualTo(1001);
        assertThat(oneOff.issueOn()).isEqualTo(d("2024-05-01"));
        assertThat(oneOff.amount()).isEqualTo(new BigDecimal("150.00"));
    }

    @Test
    void aNewSubsequentMarketHasItsOwnExecutionYears() {
        var terms = terms("RESAH", PricingModel.FULL_YEAR, 30, "2022-03-01", "2026-02-28", "3000.00");
        Complement market = new Complement(1, Complement.Kind.NEW_MARKET, DEPARTEMENT, d("2023-09-01"), d("2023-09-01"),
                new BigDecimal("2500.00"), d("2023-09-01"), d("2026-02-28"), "Marché subséquent n° 2");
        List<BillableItem> items = items(terms, market).stream().filter(i -> i.sequence() > 1000).toList();
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2023-09-01"), d("2024-01-02"), d("2025-01-02"));
        assertThat(items).extracting(BillableItem::periodStart).containsExactly(d("2023-09-01"), d("2024-09-01"), d("2025-09-01"));
        assertThat(items).extracting(BillableItem::amount).containsOnly(new BigDecimal("2500.00"));
    }

    @Test
    void beneficiariesPayingTheirOwnShareEachGetTheirTitre() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        var terms = new ConventionSchedule.Terms(CONVENTION, "RESAH", "Contribution", PricingModel.PRORATED_LAST_PERIOD, 30,
                d("2024-01-15"), d("2025-06-30"), new BigDecimal("2500.00"), DEPARTEMENT,
                List.of(new ConventionSchedule.Share(a, new BigDecimal("1500.00")), new ConventionSchedule.Share(b, new BigDecimal("1000.00"))), "Groupement de 2 à 4");
        List<BillableItem> items = items(terms);
        assertThat(items).extracting(BillableItem::sequence).containsExactly(1, 2, 3, 4);
        assertThat(items).extracting(BillableItem::debtorId).containsExactly(a, b, a, b);
        assertThat(items).extracting(BillableItem::amount).containsExactly(
                new BigDecimal("1500.00"), new BigDecimal("1000.00"), new BigDecimal("691.25"), new BigDecimal("460.83"));
    }

    @Test
    void noTitreAfterTheEnd() {
        // A convention lapsed on 2023-12-20: the Q1 2024 titre is not due.
        List<BillableItem> items = items(terms("RESAH", PricingModel.FULL_YEAR, 30, "2023-03-01", "2023-12-20", "1000.00"));
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2023-03-01"));
    }

    /**
     * docs/rules.md, R-13 (seed 000 art. 4.2: "jusqu'au terme de la durée de la mise à disposition indiquée dans ledit
     * avenant"): a beneficiary added until a date of its own is billed nothing after it.
     */
    @Test
    void aBeneficiaryAddedUntilItsOwnEndIsBilledNothingAfterIt_R13() {
        var terms = terms("RESAH", PricingModel.FULL_YEAR, 30, "2024-01-15", "2027-01-14", "3000.00");
        Complement until = new Complement(1, Complement.Kind.ANNUAL_DIFFERENCE, DEPARTEMENT, d("2024-09-01"), d("2024-09-01"),
                new BigDecimal("500.00"), null, d("2025-06-30"), "Changement de tranche");
        List<BillableItem> complements = items(terms, until).stream()
                .filter(i -> i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION).toList();
        // Without its end: 2024-09-01, Q1 2025 and Q1 2026; with it (30/06/2025), nothing at the Q1 2026 run.
        assertThat(complements).extracting(BillableItem::issueOn).containsExactly(d("2024-09-01"), d("2025-01-02"));
        assertThat(complements.get(1).periodEnd()).isEqualTo(d("2025-06-30"));

        // Model P prorates its last period to its end; a one-off fee due after its end is not billed.
        var prorated = terms("RESAH", PricingModel.PRORATED_LAST_PERIOD, 30, "2024-01-15", "2026-01-14", "1200.00");
        Complement p = new Complement(1, Complement.Kind.ANNUAL_DIFFERENCE, DEPARTEMENT, d("2024-09-01"), d("2024-09-01"),
                new BigDecimal("1200.00"), null, d("2025-03-14"), "Changement de tranche");
        List<BillableItem> pItems = items(prorated, p).stream()
                .filter(i -> i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION).toList();
        assertThat(pItems).extracting(BillableItem::months).containsExactly(new BigDecimal("4.47"), new BigDecimal("2.00"));
        assertThat(pItems.get(1).amount()).isEqualTo(new BigDecimal("200.00"));
        Complement fee = new Complement(2, Complement.Kind.ONE_OFF, DEPARTEMENT, d("2025-04-01"), d("2025-04-01"),
                new BigDecimal("150.00"), null, d("2025-03-31"), "Ajout");
        assertThat(items(prorated, fee)).noneMatch(i -> i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION);
    }
}
