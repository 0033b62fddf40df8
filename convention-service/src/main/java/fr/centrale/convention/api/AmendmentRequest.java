package fr.centrale.convention.api;

import fr.centrale.convention.AmendmentType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
        @Schema(description = "NEW_SUBSEQUENT_MARKET: the market's end (default the convention's end)") LocalDate endsOn,
        @Positive @Digits(integer = 12, fraction = 2) @Schema(description = "ADD_BENEFICIARY: its maximum; INCREASE_MAXIMUM: the new maximum") BigDecimal maximumAmount,
        @Positive @Digits(integer = 10, fraction = 2) @Schema(description = "NEW_SUBSEQUENT_MARKET: the annual contribution the amendment states") BigDecimal amount) {
}
