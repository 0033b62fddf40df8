package fr.centrale.membership.api;

import fr.centrale.membership.FeeCategory;
import fr.centrale.membership.MembershipKind;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A bulletin d'adhésion (RESAH), a membership request (CAIH) or a convention d'adhésion (La Fibre 59 62)")
public record MembershipRequest(
        @NotNull @Schema(required = true) UUID organisationId,
        @NotBlank @Schema(required = true, description = "Purchasing body code or id", example = "RESAH") String purchasingBody,
        @Schema(description = "Defaults to what the organisation's eligibility gives") MembershipKind kind,
        @NotNull @Schema(required = true, description = "Date the bulletin was received (La Fibre: date of notification); the membership starts then",
                example = "2023-12-11") LocalDate bulletinReceivedOn,
        @Size(max = 50) @Schema(description = "docs/rules.md, R-3: the Chorus Pro engagement juridique (EJ) stated on the bulletin; "
                + "when absent, billing uses the organisation's", example = "2300004512") String chorusLegalCommitment,
        @Size(max = 100) @Schema(description = "docs/rules.md, R-3: the Chorus Pro code service stated on the bulletin; when absent, "
                + "billing uses the organisation's", example = "DSI") String chorusServiceCode,
        @Schema(description = "docs/rules.md, R-15: the category ticked on the first bulletin; it must be the organisation's "
                + "(default, for a member)") FeeCategory feeCategory,
        @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(description = "docs/rules.md, R-15: the fee the first bulletin "
                + "states, HT; it must be the schedule's for its fee year when one is entered", example = "600.00") BigDecimal statedFee,
        @Size(max = 2000) @Schema(description = "docs/rules.md, R-15: the first bulletin's other terms, free text") String terms) {

    /** A request without Chorus references nor stated terms. */
    public MembershipRequest(UUID organisationId, String purchasingBody, MembershipKind kind, LocalDate bulletinReceivedOn) {
        this(organisationId, purchasingBody, kind, bulletinReceivedOn, null, null, null, null, null);
    }
}
