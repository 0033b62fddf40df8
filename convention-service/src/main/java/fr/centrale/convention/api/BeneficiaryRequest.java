package fr.centrale.convention.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record BeneficiaryRequest(
        @NotNull @Schema(required = true) UUID organisationId,
        @NotNull @Schema(required = true, example = "2024-01-15") LocalDate startsOn,
        @Positive @Digits(integer = 12, fraction = 2) @Schema(description = "Maximum amount over the whole duration, where the offer has them", example = "150000.00") BigDecimal maximumAmount,
        @Positive @Digits(integer = 10, fraction = 2) @Schema(description = "Its share of the annual amount, where beneficiaries pay their own (the shares add up to the annual amount)") BigDecimal share) {
}
