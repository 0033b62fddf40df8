package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/rules.md, R-15. Seed 000, bulletin 2023: "300 euros (établissements médico-sociaux) 600 euros (autres
 * organismes) nets de taxe"; "Merci de cocher la catégorie de votre établissement".
 */
class BulletinTermsTest {

    private static final BigDecimal SIX_HUNDRED = new BigDecimal("600.00");

    @Test
    void termsThatAgreeWithTheScheduleAndTheOrganisationPass() {
        assertThatCode(() -> BulletinTerms.check(false, false, new BigDecimal("600"), SIX_HUNDRED)).doesNotThrowAnyException();
        assertThatCode(() -> BulletinTerms.check(null, true, null, null)).doesNotThrowAnyException();
        // No schedule entered yet for the year: the stated fee is recorded as stated.
        assertThatCode(() -> BulletinTerms.check(null, false, new BigDecimal("650.00"), null)).doesNotThrowAnyException();
    }

    @Test
    void aTickedCategoryOtherThanTheOrganisationsIsRefused() {
        assertThatThrownBy(() -> BulletinTerms.check(true, false, null, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
                        .isEqualTo("FEE_CATEGORY_MISMATCH"));
    }

    @Test
    void aStatedFeeOtherThanTheSchedulesIsRefused() {
        assertThatThrownBy(() -> BulletinTerms.check(false, false, new BigDecimal("500.00"), SIX_HUNDRED))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("STATED_FEE_MISMATCH");
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(422);
                });
    }
}
