package fr.centrale.convention.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A VAT rate of an offer stated before VAT, in force from {@code validFrom} until the next one (docs/rules.md, R-1). */
@Schema(name = "VatRate", description = "A VAT rate in percent, in force from `validFrom` until the next rate's start")
public record VatRateView(
        @NotNull @Schema(required = true, example = "2014-01-01") LocalDate validFrom,
        @NotNull @DecimalMin("0.00") @DecimalMax(value = "100.00", inclusive = false) @Digits(integer = 2, fraction = 2)
        @Schema(required = true, description = "Percent", example = "20.00") BigDecimal rate) {
}
