package fr.centrale.membership.api;

import fr.centrale.membership.FeeCategory;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "A bulletin renewing a membership on new terms (docs/rules.md, R-15), e.g. the RESAH bulletin updated for the "
        + "2023 tariffs (seed 000)")
public record BulletinRequest(
        @NotNull @Schema(required = true, description = "Date of signature or receipt; after the latest bulletin's, and not after the "
                + "membership's end", example = "2023-12-11") LocalDate receivedOn,
        @Schema(description = "The category ticked on the bulletin; it must be the organisation's (default)") FeeCategory feeCategory,
        @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(description = "The fee the bulletin states, HT; it must be the "
                + "schedule's for the bulletin's fee year when one is entered", example = "600.00") BigDecimal statedFee,
        @Size(max = 2000) @Schema(description = "The bulletin's other terms, free text",
                example = "Bulletin d'adhésion 2023 : 600 euros nets de taxe (autres organismes), tacite reconduction") String terms,
        @Size(max = 50) @Schema(description = "Chorus Pro engagement juridique stated on this bulletin; it becomes the membership's from "
                + "the bulletin's date (docs/rules.md, R-3)", example = "2300004512") String chorusLegalCommitment,
        @Size(max = 100) @Schema(description = "Chorus Pro code service stated on this bulletin", example = "DSI") String chorusServiceCode) {
}
