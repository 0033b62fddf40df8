package fr.centrale.convention.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * docs/rules.md, R-12: "Offers open only to listed potential beneficiaries (2021-045, 2021-047-001, 2021-063-002) or to
 * RESAH members and former beneficiaries of market 2016-042 (2020-027) carry that list (SIRET, managed through the API);
 * a convention for anyone else is refused (422) at creation and at signature." Seed 002 (2021-047-001): "Seuls les
 * pouvoirs adjudicateurs identifiés en annexe 1 du CCAP [...] peuvent bénéficier" of the framework agreement.
 */
public final class Eligibility {

    /** What an offer's list means. */
    public enum ListKind {
        /** Only the listed organisations may sign or benefit (2021-045, 2021-047-001, 2021-063-002). */
        LISTED,
        /** A member of the purchasing body, or a listed former beneficiary (2020-027: market 2016-042). */
        MEMBER_OR_LISTED
    }

    /** An organisation of the convention: where it stands in the request, and its SIRET. */
    public record Party(String field, String siret) {
    }

    private Eligibility() {
    }

    /**
     * Under a LISTED offer, the first party whose SIRET is not on the list; none when every one is. An empty list is not
     * loaded yet and restricts nothing (the seeds do not reproduce the CCAP annex).
     */
    public static Optional<Party> firstUnlisted(ListKind kind, Set<String> listed, List<Party> parties) {
        if (kind != ListKind.LISTED || listed.isEmpty()) {
            return Optional.empty();
        }
        return parties.stream().filter(p -> p.siret() == null || !listed.contains(p.siret())).findFirst();
    }

    /**
     * Under a MEMBER_OR_LISTED offer (2020-027), whether the signatory may sign: a member of the purchasing body on the
     * signature date, or listed as a former beneficiary of market 2016-042.
     */
    public static boolean mayUnderMembershipOrList(boolean member, Set<String> listed, String signatorySiret) {
        return member || signatorySiret != null && listed.contains(signatorySiret);
    }
}
