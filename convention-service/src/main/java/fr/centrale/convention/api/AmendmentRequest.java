package fr.centrale.convention.api;

import fr.centrale.convention.AmendmentType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "An avenant")
public record AmendmentRequest(
        @NotNull @Schema(required = true) AmendmentType type,
        @NotNull @Schema(required = true, description = "Date of making available stated in the amendment", example = "2024-09-01") LocalDate effectiveOn,
        @NotNull @Schema(required = true, example = "2024-08-20") LocalDate signedOn,
        @Schema(description = "ADD_BENEFICIARY and INCREASE_MAXIMUM: the beneficiary") UUID organisationId,
        @Schema(description = "ADD_BENEFICIARY: its start (default effectiveOn); NEW_SUBSEQUENT_MARKET: the market's start") LocalDate startsOn,
        @Schema(description = "NEW_SUBSEQUENT_MARKET: the market's end (default the convention's end); ADD_BENEFICIARY: the "
                + "added beneficiary's own end, after which nothing is billed for it (docs/rules.md, R-13; default the "
                + "convention's end)") LocalDate endsOn,
        @Positive @Digits(integer = 12, fraction = 2) @Schema(description = "ADD_BENEFICIARY: its maximum; INCREASE_MAXIMUM: the new maximum") BigDecimal maximumAmount,
        @Positive @Digits(integer = 10, fraction = 2) @Schema(description = "NEW_SUBSEQUENT_MARKET: the annual contribution the amendment states") BigDecimal amount,
        @Size(max = 50) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "The amendment's own Chorus Pro engagement juridique: items issued from `effectiveOn` carry it "
                + "(docs/rules.md, R-3); absent: the convention's", example = "EJ-2024-000456") String chorusLegalCommitment,
        @Size(max = 100) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "The amendment's own Chorus Pro service code, from `effectiveOn`; absent: the convention's",
                example = "SERV-DSI") String chorusServiceCode) {
}
