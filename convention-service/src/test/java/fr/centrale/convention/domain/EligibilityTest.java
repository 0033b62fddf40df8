package fr.centrale.convention.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md, R-12. Seed 002 (2021-047-001): only the contracting authorities identified in annex 1 of the CCAP may
 * benefit; seed 001 (2020-027): "RESAH members and former beneficiaries of market 2016-042".
 */
class EligibilityTest {

    private static final Set<String> LIST = Set.of("20004132100018", "21620119000019");

    @Test
    void aListedOfferAcceptsOnlyListedSignatoryAndBeneficiaries() {
        List<Eligibility.Party> listed = List.of(new Eligibility.Party("signatoryId", "20004132100018"),
                new Eligibility.Party("beneficiaries[0].organisationId", "21620119000019"));
        assertThat(Eligibility.firstUnlisted(Eligibility.ListKind.LISTED, LIST, listed)).isEmpty();
        List<Eligibility.Party> one = List.of(new Eligibility.Party("signatoryId", "20004132100018"),
                new Eligibility.Party("beneficiaries[1].organisationId", "99999999999999"),
                new Eligibility.Party("beneficiaries[2].organisationId", null));
        assertThat(Eligibility.firstUnlisted(Eligibility.ListKind.LISTED, LIST, one))
                .map(Eligibility.Party::field).contains("beneficiaries[1].organisationId");
    }

    @Test
    void anEmptyListOrAnotherKindRestrictsNothingHere() {
        List<Eligibility.Party> any = List.of(new Eligibility.Party("signatoryId", "99999999999999"));
        assertThat(Eligibility.firstUnlisted(Eligibility.ListKind.LISTED, Set.of(), any)).isEmpty();
        assertThat(Eligibility.firstUnlisted(Eligibility.ListKind.MEMBER_OR_LISTED, LIST, any)).isEmpty();
        assertThat(Eligibility.firstUnlisted(null, LIST, any)).isEmpty();
    }

    @Test
    void memberOrListedFormerBeneficiary() {
        assertThat(Eligibility.mayUnderMembershipOrList(true, Set.of(), "99999999999999")).isTrue();
        assertThat(Eligibility.mayUnderMembershipOrList(false, LIST, "20004132100018")).isTrue();
        assertThat(Eligibility.mayUnderMembershipOrList(false, LIST, "99999999999999")).isFalse();
        assertThat(Eligibility.mayUnderMembershipOrList(false, LIST, null)).isFalse();
    }
}
