package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.convention.PricingModel;
import fr.centrale.convention.domain.ConventionSchedule.Complement;
import fr.centrale.convention.domain.ConventionSchedule.Share;
import fr.centrale.convention.domain.RestatedShares.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md, R-11. Seed 000 (RESAH 2021-046-001), article 4.1: "chaque bénéficiaire, selon la modalité choisie à
 * l'annexe, verse au Resah une contribution financière annuelle"; article 4.2: "En cas d'ajout d'un ou plusieurs
 * bénéficiaire(s) au cours d'exécution de la présente convention [...] Une contribution complémentaire de 150 € est
 * versée en une seule fois au Resah pour chaque demande d'ajout d'un bénéficiaire".
 */
class RestatedSharesTest {

    private static final UUID CONVENTION = UUID.fromString("9b2f3c4d-0000-4000-8000-000000000004");
    private static final UUID A = UUID.fromString("0a000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("0a000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("0a000000-0000-4000-8000-00000000000c");
    private static final UUID STRANGER = UUID.fromString("0a000000-0000-4000-8000-0000000000ff");

    private static RestatedShares.Share share(UUID who, String amount) {
        return new RestatedShares.Share(who, new BigDecimal(amount));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theNewSharesNameEveryBeneficiaryOnceAndAddUpToTheAnnualAmount() {
        BigDecimal annual = new BigDecimal("3000.00");
        List<UUID> beneficiaries = List.of(A, B, C);
        assertThat(RestatedShares.check(beneficiaries, List.of(share(A, "1000"), share(B, "1000"), share(C, "1000.00")), annual))
                .isEmpty();
        assertThat(RestatedShares.check(beneficiaries, List.of(), annual)).contains(Problem.SHARES_MUST_BE_RESTATED);
        assertThat(RestatedShares.check(beneficiaries, null, annual)).contains(Problem.SHARES_MUST_BE_RESTATED);
        // The added beneficiary left out, a stranger named, a beneficiary named twice.
        assertThat(RestatedShares.check(beneficiaries, List.of(share(A, "1500"), share(B, "1500")), annual))
                .contains(Problem.SHARES_INCOMPLETE);
        assertThat(RestatedShares.check(beneficiaries, List.of(share(A, "1000"), share(B, "1000"), share(STRANGER, "1000")), annual))
                .contains(Problem.SHARES_INCOMPLETE);
        assertThat(RestatedShares.check(beneficiaries, List.of(share(A, "1000"), share(A, "1000"), share(C, "1000")), annual))
                .contains(Problem.SHARES_INCOMPLETE);
        assertThat(RestatedShares.check(beneficiaries, List.of(share(A, "1000"), share(B, "1000"), share(C, "999.99")), annual))
                .contains(Problem.SHARES_DO_NOT_ADD_UP);
        assertThat(Problem.SHARES_DO_NOT_ADD_UP.field).isEqualTo("shares");
    }

    @Test
    void theComplementaryContributionIsPaidByTheSignatoryUnlessAnotherPartyIsNamed() {
        assertThat(RestatedShares.payer(null, A, List.of(A, B, C))).contains(A);
        assertThat(RestatedShares.payer(C, A, List.of(A, B, C))).contains(C);
        assertThat(RestatedShares.payer(STRANGER, A, List.of(A, B, C))).isEmpty();
    }

    /**
     * A and B pay 750 € each of a 1 500 € convention from 15/01/2024; C is added on 01/09/2024 with shares restated to
     * 500 € each and pays its 150 € fee itself: year 1 stays split in two, year 2 (issued 02/01/2025) in three, numbered 1000 × 1 + 500 + (2 − 1) × 3 + j.
     */
    @Test
    void titresIssuedFromTheAmendmentFollowTheNewShares() {
        var terms = new ConventionSchedule.Terms(CONVENTION, "RESAH", "Contribution", PricingModel.FULL_YEAR, 30,
                d("2024-01-15"), d("2026-01-14"), new BigDecimal("1500.00"), A,
                List.of(new Share(A, new BigDecimal("750.00")), new Share(B, new BigDecimal("750.00"))), "Grille",
                d("2026-01-14"), List.of(new ConventionSchedule.Restatement(1, d("2024-09-01"), List.of(
                new Share(A, new BigDecimal("500.00")), new Share(B, new BigDecimal("500.00")), new Share(C, new BigDecimal("500.00"))))));
        Complement fee = new Complement(1, Complement.Kind.ONE_OFF, C, d("2024-09-01"), d("2024-09-01"), new BigDecimal("150.00"),
                d("2024-09-01"), null, "Avenant n° 1 — ajout d'un bénéficiaire");
        List<BillableItem> items = ConventionSchedule.items(terms, List.of(fee), Q1RunDay.DEFAULT);
        assertThat(items).extracting(BillableItem::sequence).containsExactly(1, 2, 1504, 1505, 1506, 1001);
        assertThat(items).extracting(BillableItem::debtorId).containsExactly(A, B, A, B, C, C);
        assertThat(items).extracting(i -> i.amount().toPlainString())
                .containsExactly("750.00", "750.00", "500.00", "500.00", "500.00", "150.00");
        assertThat(items.get(2).issueOn()).isEqualTo(d("2025-01-02"));
        // The shares add up to the annual amount every year.
        assertThat(items.subList(2, 5).stream().map(BillableItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1500.00");
    }
}
