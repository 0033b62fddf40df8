package fr.centrale.membership.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, R-5: "the bulletin and the decision fixing the fee". */
class LegalBasisTest {

    /** Seed 000: bulletin signed after the Commission Permanente of 04/07/2022; RESAH board decision of 29/09/2022. */
    @Test
    void theBulletinAndTheDecisionFixingTheFee() {
        assertThat(LegalBasis.of(LegalBasis.Document.BULLETIN, LocalDate.of(2022, 7, 4),
                "délibération du conseil d'administration du RESAH du 29/09/2022"))
                .isEqualTo("Bulletin d'adhésion du 04/07/2022 ; cotisation fixée par délibération du conseil d'administration "
                        + "du RESAH du 29/09/2022");
    }

    /** Seed 003, art. 7: La Fibre's participation is "fixée annuellement par le comité syndical". */
    @Test
    void laFibresConventionAndParticipation() {
        assertThat(LegalBasis.of(LegalBasis.Document.CONVENTION, LocalDate.of(2022, 6, 1),
                " délibération du comité syndical du 12/12/2023 "))
                .isEqualTo("Convention d'adhésion du 01/06/2022 ; participation fixée par délibération du comité syndical du 12/12/2023");
    }

    @Test
    void withoutARecordedDecisionTheDocumentAlone() {
        assertThat(LegalBasis.of(LegalBasis.Document.BULLETIN, LocalDate.of(2023, 12, 11), null))
                .isEqualTo("Bulletin d'adhésion du 11/12/2023");
        assertThat(LegalBasis.of(LegalBasis.Document.BULLETIN, LocalDate.of(2023, 12, 11), " "))
                .isEqualTo("Bulletin d'adhésion du 11/12/2023");
    }
}
