package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.membership.Membership;
import fr.centrale.membership.MembershipKind;
import fr.centrale.membership.MembershipStatus;
import fr.centrale.membership.RenewalModel;
import fr.centrale.membership.domain.MembershipTerms;

import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record MembershipView(UUID id, UUID organisationId, String organisationName, String purchasingBody,
                             MembershipKind kind, MembershipStatus status, LocalDate bulletinReceivedOn,
                             LocalDate startsOn, LocalDate endsOn, Integer firstFeeYear,
                             LocalDate nonRenewalReceivedOn, Termination termination, LocalDate franchiseUntil,
                             long version) {

    public record Termination(LocalDate notifiedOn, LocalDate effectiveOn) {
    }

    public static MembershipView of(Membership m, LocalDate today) {
        Integer firstFeeYear = m.kind == MembershipKind.MEMBER && m.purchasingBody.renewal == RenewalModel.TACIT_YEARLY
                ? MembershipTerms.firstFeeYear(m.startsOn) : null;
        Termination termination = m.terminationNotifiedOn == null ? null
                : new Termination(m.terminationNotifiedOn, m.terminationEffectiveOn);
        return new MembershipView(m.id, m.organisation.id, m.organisation.name, m.purchasingBody.code, m.kind,
                m.statusOn(today), m.bulletinReceivedOn, m.startsOn, m.endsOn, firstFeeYear,
                m.nonRenewalReceivedOn, termination, m.franchiseUntil, m.version);
    }
}
