package fr.centrale.membership.domain;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.MembershipKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipBillingScheduleTest {

    private static final MembershipFeeTable RESAH_FEES = new MembershipFeeTable(Map.of(
            2023, new MembershipFeeTable.Rates(new BigDecimal("300.00"), new BigDecimal("600.00"))));
    private static final UUID MEMBERSHIP = UUID.fromString("c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10");
    private static final UUID DEPARTEMENT = UUID.fromString("0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11");

    private static MembershipBillingSchedule.Facts resah(Category category, MembershipKind kind, LocalDate startsOn, LocalDate endsOn) {
        return new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, category, kind, "RESAH", 30, startsOn, endsOn,
                null, RESAH_FEES, null, null);
    }

    private static List<BillableItem> items(MembershipBillingSchedule.Facts facts, String through) {
        return MembershipBillingSchedule.items(facts, LocalDate.parse(through), Q1RunDay.DEFAULT);
    }

    /** docs/rules.md, worked example 1. */
    @Test
    void workedExample1_bulletinReceived11December2023_owesNothingFor2023_600AtTheQ1Run2024() {
        var facts = resah(Category.DEPARTEMENT, MembershipKind.MEMBER, LocalDate.of(2023, 12, 11), null);
        assertThat(items(facts, "2023-12-31")).isEmpty();
        List<BillableItem> items = items(facts, "2024-12-31");
        assertThat(items).hasSize(1);
        BillableItem first = items.get(0);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.issueOn()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(first.amount()).isEqualByComparingTo("600.00");
        assertThat(first.amount().scale()).isEqualTo(2);
        assertThat(first.periodStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(first.periodEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(first.kind()).isEqualTo(BillableItem.Kind.MEMBERSHIP_FEE);
        assertThat(first.issuer()).isEqualTo("RESAH");
        assertThat(first.debtorId()).isEqualTo(DEPARTEMENT);
        assertThat(first.paymentTermDays()).isEqualTo(30);
    }

    /** docs/rules.md, worked example 2, in time: non-renewal received 15/10/2024 ends it on 31/12/2024, no 2025 titre. */
    @Test
    void workedExample2_nonRenewalInTime_noTitreFor2025() {
        LocalDate endsOn = MembershipTerms.endAfterNonRenewal(LocalDate.of(2024, 10, 15));
        var facts = resah(Category.DEPARTEMENT, MembershipKind.MEMBER, LocalDate.of(2023, 12, 11), endsOn);
        assertThat(items(facts, "2026-12-31")).extracting(BillableItem::label).containsExactly("Cotisation d'adhésion RESAH 2024");
    }

    /** docs/rules.md, worked example 2, late: received 31/10/2024 or 05/11/2024, a 2025 titre of 600 € and the end on 31/12/2025. */
    @Test
    void workedExample2_lateNonRenewal_600For2025() {
        for (String received : List.of("2024-10-31", "2024-11-05")) {
            LocalDate endsOn = MembershipTerms.endAfterNonRenewal(LocalDate.parse(received));
            assertThat(endsOn).isEqualTo(LocalDate.of(2025, 12, 31));
            var facts = resah(Category.DEPARTEMENT, MembershipKind.MEMBER, LocalDate.of(2023, 12, 11), endsOn);
            List<BillableItem> items = items(facts, "2026-12-31");
            assertThat(items).hasSize(2);
            BillableItem y2025 = items.get(1);
            assertThat(y2025.sequence()).isEqualTo(2);
            assertThat(y2025.issueOn()).isEqualTo(LocalDate.of(2025, 1, 2));
            assertThat(y2025.amount()).isEqualByComparingTo("600.00");
            assertThat(y2025.periodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        }
    }

    @Test
    void aBulletinReceivedOn31OctoberIsBilledAtOnceForItsYear() {
        var facts = resah(Category.ESMS, MembershipKind.MEMBER, LocalDate.of(2023, 10, 31), null);
        List<BillableItem> items = items(facts, "2024-12-31");
        assertThat(items).extracting(BillableItem::issueOn)
                .containsExactly(LocalDate.of(2023, 10, 31), LocalDate.of(2024, 1, 2));
        assertThat(items).extracting(BillableItem::amount).allSatisfy(a -> assertThat(a).isEqualByComparingTo("300.00"));
        assertThat(items.get(0).periodStart()).isEqualTo(LocalDate.of(2023, 10, 31));
    }

    @Test
    void theQ1RunDayIsConfigurable() {
        var facts = resah(Category.OTHER, MembershipKind.MEMBER, LocalDate.of(2023, 12, 11), null);
        List<BillableItem> items = MembershipBillingSchedule.items(facts, LocalDate.of(2024, 12, 31), Q1RunDay.parse("03-15"));
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(LocalDate.of(2024, 3, 15));
        assertThat(MembershipBillingSchedule.items(facts, LocalDate.of(2024, 3, 14), Q1RunDay.parse("03-15"))).isEmpty();
    }

    @Test
    void sequencesNeverMoveWhenTheHorizonGrows() {
        var facts = resah(Category.OTHER, MembershipKind.MEMBER, LocalDate.of(2023, 3, 1), null);
        List<BillableItem> shortView = items(facts, "2024-06-30");
        List<BillableItem> longView = items(facts, "2027-06-30");
        assertThat(longView.subList(0, shortView.size())).isEqualTo(shortView);
        assertThat(longView).extracting(BillableItem::sequence).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void thirdPartyBeneficiariesPayNoMembershipFee() {
        var facts = resah(Category.DEPARTEMENT, MembershipKind.THIRD_PARTY_BENEFICIARY, LocalDate.of(2023, 3, 1), null);
        assertThat(items(facts, "2026-12-31")).isEmpty();
    }

    @Test
    void aYearWithoutAnyScheduleBillsNothing() {
        var facts = resah(Category.OTHER, MembershipKind.MEMBER, LocalDate.of(2022, 6, 1), null);
        assertThat(items(facts, "2023-12-31")).extracting(BillableItem::sequence).containsExactly(2);
    }

    @Test
    void noTitreAfterTheEnd() {
        // La Fibre member terminated, effective 01/01/2025 (last day 31/12/2024): the Q1 2025 titre is not due.
        var fees = new MembershipFeeTable(Map.of(2024, new MembershipFeeTable.Rates(BigDecimal.ZERO, new BigDecimal("250.00"))));
        var facts = new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, Category.COMMUNE, MembershipKind.MEMBER,
                "FIBRE5962", 30, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 31), null, fees, null, null);
        assertThat(items(facts, "2026-12-31")).extracting(BillableItem::issueOn).containsExactly(LocalDate.of(2024, 6, 1));
    }

    /**
     * docs/rules.md, R-14, seed 003 art. 7: "Cette franchise de participation financière sera limitée à la durée des
     * marchés conclus la première année d'existence de la centrale" (until January 2027), not two years.
     */
    @Test
    void theFranchiseWaivesTheYearsDueInsideIt() {
        var fees = new MembershipFeeTable(Map.of(2022, new MembershipFeeTable.Rates(BigDecimal.ZERO, new BigDecimal("250.00"))));
        LocalDate until = new Franchise(LocalDate.of(2022, 1, 19), 2, LocalDate.of(2027, 1, 31)).until(LocalDate.of(2022, 6, 1));
        var facts = new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, Category.COMMUNE, MembershipKind.MEMBER,
                "FIBRE5962", 30, LocalDate.of(2022, 6, 1), null, until, fees, null, null);
        // 2022 to 2026, and 2027 (issued 02/01/2027, before the franchise ends on 31/01/2027) are waived.
        assertThat(items(facts, "2027-12-31")).isEmpty();
        List<BillableItem> items = items(facts, "2028-12-31");
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(LocalDate.of(2028, 1, 2));
        assertThat(items.get(0).sequence()).isEqualTo(7);
    }

    /** docs/rules.md, R-1: items carry their schedule's taxation; amounts stay HT, billing computes the VAT. */
    @Test
    void itemsCarryTheTaxationOfTheirYearsSchedule() {
        var fees = new MembershipFeeTable(Map.of(
                2023, new MembershipFeeTable.Rates(new BigDecimal("300.00"), new BigDecimal("600.00")),
                2025, new MembershipFeeTable.Rates(new BigDecimal("300.00"), new BigDecimal("500.00"),
                        new FeeTaxation(BillableItem.Taxation.BEFORE_VAT, new BigDecimal("20.00")), null)));
        var facts = new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, Category.DEPARTEMENT, MembershipKind.MEMBER,
                "RESAH", 30, LocalDate.of(2023, 3, 1), null, null, fees, null, null);
        List<BillableItem> items = items(facts, "2026-12-31");
        assertThat(items).extracting(BillableItem::taxation).containsExactly(BillableItem.Taxation.NET_OF_TAX,
                BillableItem.Taxation.NET_OF_TAX, BillableItem.Taxation.BEFORE_VAT, BillableItem.Taxation.BEFORE_VAT);
        assertThat(items.get(0).vatRate()).isNull();
        assertThat(items.get(2).vatRate()).isEqualByComparingTo("20.00");
        assertThat(items.get(2).amount()).isEqualByComparingTo("500.00");
    }

    /** docs/rules.md, R-3: items carry the membership's Chorus references, none when it states none. */
    @Test
    void itemsCarryTheMembershipsChorusReferences() {
        var facts = new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, Category.DEPARTEMENT, MembershipKind.MEMBER,
                "RESAH", 30, LocalDate.of(2023, 3, 1), null, null, RESAH_FEES, null,
                new BulletinHistory(List.of(new BulletinHistory.Bulletin(LocalDate.of(2023, 3, 1), new ChorusReferences("2300004512", "DSI")))));
        assertThat(items(facts, "2024-12-31")).allSatisfy(item -> {
            assertThat(item.chorusLegalCommitment()).isEqualTo("2300004512");
            assertThat(item.chorusServiceCode()).isEqualTo("DSI");
        });
        assertThat(items(resah(Category.DEPARTEMENT, MembershipKind.MEMBER, LocalDate.of(2023, 3, 1), null), "2024-12-31"))
                .allSatisfy(item -> assertThat(item.chorusLegalCommitment()).isNull());
    }

    /** docs/rules.md, R-5: the bulletin and the decision fixing the fee, as printed on the titre. */
    @Test
    void itemsStateTheirLegalBasis() {
        var fees = new MembershipFeeTable(Map.of(2023, new MembershipFeeTable.Rates(new BigDecimal("300.00"), new BigDecimal("600.00"),
                FeeTaxation.NET_OF_TAX, "délibération du conseil d'administration du RESAH du 29/09/2022")));
        var facts = new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, Category.DEPARTEMENT, MembershipKind.MEMBER,
                "RESAH", 30, LocalDate.of(2022, 7, 4), null, null, fees, null, null);
        assertThat(items(facts, "2024-12-31")).extracting(BillableItem::legalBasis).containsOnly(
                "Bulletin d'adhésion du 04/07/2022 ; cotisation fixée par délibération du conseil d'administration du RESAH du 29/09/2022");
        // Without a recorded decision, the bulletin alone.
        assertThat(items(resah(Category.DEPARTEMENT, MembershipKind.MEMBER, LocalDate.of(2023, 12, 11), null), "2024-12-31"))
                .extracting(BillableItem::legalBasis).containsExactly("Bulletin d'adhésion du 11/12/2023");
    }

    /** docs/rules.md, R-15 and R-3: a renewed bulletin's references apply to the titres issued from its date on. */
    @Test
    void theBulletinInForceOnTheIssueDateGivesTheReferencesAndTheBasis() {
        var history = new BulletinHistory(List.of(
                new BulletinHistory.Bulletin(LocalDate.of(2022, 7, 4), new ChorusReferences("EJ-2022", "DSI")),
                new BulletinHistory.Bulletin(LocalDate.of(2023, 12, 11), new ChorusReferences("EJ-2023", null))));
        var facts = new MembershipBillingSchedule.Facts(MEMBERSHIP, DEPARTEMENT, Category.DEPARTEMENT, MembershipKind.MEMBER,
                "RESAH", 30, LocalDate.of(2022, 7, 4), null, null, RESAH_FEES, LegalBasis.Document.BULLETIN, history);
        List<BillableItem> items = items(facts, "2025-12-31");
        // 2022 has no schedule (RESAH's starts in 2023): 2023 (Q1 2023), 2024 (Q1 2024), 2025.
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(
                LocalDate.of(2023, 1, 2), LocalDate.of(2024, 1, 2), LocalDate.of(2025, 1, 2));
        assertThat(items).extracting(BillableItem::chorusLegalCommitment).containsExactly("EJ-2022", "EJ-2023", "EJ-2023");
        assertThat(items).extracting(BillableItem::chorusServiceCode).containsExactly("DSI", null, null);
        assertThat(items).extracting(BillableItem::legalBasis).containsExactly(
                "Bulletin d'adhésion du 04/07/2022", "Bulletin d'adhésion du 11/12/2023", "Bulletin d'adhésion du 11/12/2023");
    }
}
