package fr.centrale.billing.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "A payment received (encaissement)")
public record PaymentRequest(
        @NotNull @Positive @Digits(integer = 12, fraction = 2) @Schema(required = true, example = "600.00") BigDecimal amount,
        @NotNull @Schema(required = true, example = "2025-01-28") LocalDate paidOn,
        @NotBlank @Size(max = 100) @Schema(required = true, description = "Bank or Trésor reference", example = "VIR-2025-000913") String reference) {
}
