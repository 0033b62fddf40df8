package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.MembershipKind;

import java.util.Set;

/**
 * Who may join a purchasing body, and as what (docs/rules.md, section 3):
 * <ul>
 * <li>CAIH: eligible organisations (health, social and medico-social establishments and their
 *     groupings, emergency services) are members; the others get the framework agreements as
 *     third-party beneficiaries ("tiers bénéficiaire"), a département for instance;</li>
 * <li>La Fibre 59 62: only local authorities and their public establishments located in the
 *     Nord (59) or the Pas-de-Calais (62);</li>
 * <li>RESAH: any organisation, as a member.</li>
 * </ul>
 *
 * @param memberCategories categories eligible to membership; empty means every category
 * @param thirdPartyAllowed whether organisations not eligible may be third-party beneficiaries
 * @param territory départements where members must be located; empty means anywhere
 */
public record AdmissionRules(Set<Category> memberCategories, boolean thirdPartyAllowed, Set<String> territory) {

    public boolean isEligible(Category category) {
        return memberCategories.isEmpty() || memberCategories.contains(category);
    }

    /**
     * The kind this organisation joins as: the requested one if allowed, else (when none was
     * requested) the one its eligibility gives. Refuses what the purchasing body does not allow.
     */
    public MembershipKind admit(String bodyCode, Category category, String departement, MembershipKind requested) {
        if (!territory.isEmpty() && (departement == null || !territory.contains(departement))) {
            throw ProblemException.rule("OUTSIDE_TERRITORY", bodyCode + " only admits organisations located in "
                    + String.join(", ", territory.stream().sorted().toList())
                    + (departement == null ? "; the organisation has no French postal code" : "; this one is in " + departement),
                    "organisationId");
        }
        boolean eligible = isEligible(category);
        MembershipKind kind = requested != null ? requested
                : eligible || !thirdPartyAllowed ? MembershipKind.MEMBER : MembershipKind.THIRD_PARTY_BENEFICIARY;
        if (kind == MembershipKind.MEMBER && !eligible) {
            throw ProblemException.rule("MEMBERSHIP_NOT_ELIGIBLE", "A " + category + " is not eligible to "
                    + bodyCode + " membership" + (thirdPartyAllowed ? "; it may be a THIRD_PARTY_BENEFICIARY" : ""), "kind");
        }
        if (kind == MembershipKind.THIRD_PARTY_BENEFICIARY) {
            if (!thirdPartyAllowed) {
                throw ProblemException.rule("THIRD_PARTY_NOT_OFFERED",
                        bodyCode + " has no third-party beneficiaries, only members", "kind");
            }
            if (eligible) {
                throw ProblemException.rule("ELIGIBLE_FOR_MEMBERSHIP", "A " + category + " is eligible to "
                        + bodyCode + " membership: it joins as a MEMBER, not as a third-party beneficiary", "kind");
            }
        }
        return kind;
    }
}
