package fr.centrale.membership.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Yearly membership fees, in euros net of tax")
public record FeeScheduleRequest(
        @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(required = true, example = "300.00") BigDecimal medicoSocial,
        @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(required = true, example = "600.00") BigDecimal other) {
}
