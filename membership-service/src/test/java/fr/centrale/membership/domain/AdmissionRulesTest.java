package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.MembershipKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionRulesTest {

    private final AdmissionRules resah = new AdmissionRules(Set.of(), false, Set.of());
    private final AdmissionRules caih = new AdmissionRules(EnumSet.of(Category.EPS, Category.ESPIC, Category.ESMS,
            Category.GCSMS, Category.GHT, Category.HEALTH_ESTABLISHMENT, Category.SDIS), true, Set.of());
    private final AdmissionRules fibre = new AdmissionRules(Category.LOCAL_AUTHORITIES_AND_THEIR_ESTABLISHMENTS, false,
            Set.of("59", "62"));

    @Test
    void anyOrganisationJoinsResahAsAMember() {
        assertThat(resah.admit("RESAH", Category.DEPARTEMENT, "62", null)).isEqualTo(MembershipKind.MEMBER);
        assertThat(resah.admit("RESAH", Category.ESMS, "75", null)).isEqualTo(MembershipKind.MEMBER);
        assertCode(() -> resah.admit("RESAH", Category.EPS, "75", MembershipKind.THIRD_PARTY_BENEFICIARY), "THIRD_PARTY_NOT_OFFERED");
    }

    @Test
    void aDepartementIsACaihThirdPartyBeneficiary() {
        assertThat(caih.admit("CAIH", Category.DEPARTEMENT, "62", null)).isEqualTo(MembershipKind.THIRD_PARTY_BENEFICIARY);
        assertCode(() -> caih.admit("CAIH", Category.DEPARTEMENT, "62", MembershipKind.MEMBER), "MEMBERSHIP_NOT_ELIGIBLE");
    }

    @Test
    void healthEstablishmentsAreCaihMembers() {
        assertThat(caih.admit("CAIH", Category.EPS, "62", null)).isEqualTo(MembershipKind.MEMBER);
        assertThat(caih.admit("CAIH", Category.SDIS, "59", MembershipKind.MEMBER)).isEqualTo(MembershipKind.MEMBER);
        assertCode(() -> caih.admit("CAIH", Category.GHT, "59", MembershipKind.THIRD_PARTY_BENEFICIARY), "ELIGIBLE_FOR_MEMBERSHIP");
    }

    @Test
    void laFibreAdmitsLocalAuthoritiesOfTheNordAndPasDeCalaisOnly() {
        assertThat(fibre.admit("FIBRE5962", Category.COMMUNE, "62", null)).isEqualTo(MembershipKind.MEMBER);
        assertThat(fibre.admit("FIBRE5962", Category.SDIS, "59", null)).isEqualTo(MembershipKind.MEMBER);
        assertCode(() -> fibre.admit("FIBRE5962", Category.COMMUNE, "80", null), "OUTSIDE_TERRITORY");
        assertCode(() -> fibre.admit("FIBRE5962", Category.COMMUNE, null, null), "OUTSIDE_TERRITORY");
        assertCode(() -> fibre.admit("FIBRE5962", Category.ESMS, "62", null), "MEMBERSHIP_NOT_ELIGIBLE");
        assertCode(() -> fibre.admit("FIBRE5962", Category.EPS, "62", MembershipKind.MEMBER), "MEMBERSHIP_NOT_ELIGIBLE");
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(422);
        });
    }
}
