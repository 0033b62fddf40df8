package fr.centrale.membership.api;

import fr.centrale.membership.MembershipKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A bulletin d'adhésion (RESAH), a membership request (CAIH) or a convention d'adhésion (La Fibre 59 62)")
public record MembershipRequest(
        @NotNull @Schema(required = true) UUID organisationId,
        @NotBlank @Schema(required = true, description = "Purchasing body code or id", example = "RESAH") String purchasingBody,
        @Schema(description = "Defaults to what the organisation's eligibility gives") MembershipKind kind,
        @NotNull @Schema(required = true, description = "Date the bulletin was received (La Fibre: date of notification); the membership starts then",
                example = "2023-12-11") LocalDate bulletinReceivedOn) {
}
