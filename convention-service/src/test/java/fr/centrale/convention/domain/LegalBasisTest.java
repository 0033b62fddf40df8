package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md, R-5: a titre states "the legal basis of the claim (the convention, its signature date and number, or
 * the bulletin and the decision fixing the fee)". Seed 000 (2021-008): the Département's Commission Permanente
 * deliberation N°2023-544 of 11/12/2023 authorizes the signature.
 */
class LegalBasisTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theConventionItsNumberSignatureAndDeliberation() {
        assertThat(LegalBasis.ofConvention("RESAH 2021-008 lot 3", "CONV-2024-000012", d("2024-01-15"), "2023-544", d("2023-12-11")))
                .isEqualTo("Convention RESAH 2021-008 lot 3 n° CONV-2024-000012 signée le 15/01/2024 "
                        + "(délibération N°2023-544 du 11/12/2023)");
        assertThat(LegalBasis.ofConvention("CAIH AOO-CAIH SO360", "C-1", d("2022-12-13"), null, null))
                .isEqualTo("Convention CAIH AOO-CAIH SO360 n° C-1 signée le 13/12/2022");
        assertThat(LegalBasis.ofConvention("CAIH AOO-CAIH SO360", "C-1", d("2022-12-13"), "2022-504", null))
                .isEqualTo("Convention CAIH AOO-CAIH SO360 n° C-1 signée le 13/12/2022 (délibération N°2022-504)");
        assertThat(LegalBasis.ofConvention("X", "C-2", null, null, d("2022-12-13")))
                .isEqualTo("Convention X n° C-2 (non signée) (délibération du 13/12/2022)");
    }

    @Test
    void aComplementaryContributionNamesItsAmendment() {
        String convention = LegalBasis.ofConvention("RESAH 2021-046-001", "C-3", d("2024-01-10"), null, null);
        String amendment = LegalBasis.ofAmendment(convention, 2, d("2024-08-20"));
        assertThat(amendment).isEqualTo("Convention RESAH 2021-046-001 n° C-3 signée le 10/01/2024, avenant n° 2 signé le 20/08/2024");

        BillableItem annual = item(1, BillableItem.Kind.ANNUAL_CONTRIBUTION);
        BillableItem complement = item(2001, BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION);
        Map<Integer, String> amendments = Map.of(2, amendment);
        assertThat(LegalBasis.apply(annual, convention, amendments).legalBasis()).isEqualTo(convention);
        assertThat(LegalBasis.apply(complement, convention, amendments).legalBasis()).isEqualTo(amendment);
        assertThat(LegalBasis.apply(complement, convention, amendments).amount()).isEqualTo(complement.amount());
    }

    private static BillableItem item(int sequence, BillableItem.Kind kind) {
        return new BillableItem(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), sequence, kind, "RESAH", UUID.randomUUID(),
                "x", d("2024-09-01"), d("2025-01-14"), d("2024-09-01"), null, new BigDecimal("500.00"),
                new BigDecimal("500.00"), 30, "x");
    }
}
