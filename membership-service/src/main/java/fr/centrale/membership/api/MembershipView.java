package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.membership.Membership;
import fr.centrale.membership.MembershipKind;
import fr.centrale.membership.MembershipStatus;
import fr.centrale.membership.RenewalModel;
import fr.centrale.membership.domain.MembershipTerms;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record MembershipView(UUID id, UUID organisationId, String organisationName, String purchasingBody,
                             MembershipKind kind, MembershipStatus status, LocalDate bulletinReceivedOn,
                             LocalDate startsOn, LocalDate endsOn, Integer firstFeeYear,
                             LocalDate nonRenewalReceivedOn, Termination termination,
                             @Schema(description = "La Fibre: last day without participation, for a member that joined in the "
                                     + "franchise window: the body's franchiseEndsOn (docs/rules.md, R-14)", example = "2027-01-31")
                             LocalDate franchiseUntil,
                             @Schema(description = "docs/rules.md, R-3: the membership's Chorus Pro EJ (absent: the organisation's applies)",
                                     example = "2300004512") String chorusLegalCommitment,
                             @Schema(description = "docs/rules.md, R-3: the membership's Chorus Pro code service", example = "DSI")
                             String chorusServiceCode,
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
                m.nonRenewalReceivedOn, termination, m.franchiseUntil(), m.chorusLegalCommitment, m.chorusServiceCode,
                m.version);
    }
}
