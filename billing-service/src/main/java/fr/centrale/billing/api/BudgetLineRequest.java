package fr.centrale.billing.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(description = "A debtor's budget line for a fiscal year (docs/rules.md, R-17)")
public record BudgetLineRequest(
        @Schema(description = "The debtor organisation; an adherent may leave it out (its own) and may give no other",
                example = "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11") UUID debtorId,
        @NotBlank @Size(max = 50) @Schema(required = true, example = "C06-020M02") String operationCode,
        @NotBlank @Size(max = 100) @Schema(required = true, description = "Nature / fonction", example = "6281/930202") String imputation,
        @NotNull @Min(2000) @Max(2100) @Schema(required = true, example = "2022") Integer fiscalYear,
        @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) @Schema(required = true, description = "Credits voted, TTC", example = "3000.00") BigDecimal credits,
        @Size(max = 255) @Schema(example = "Adhésions et contributions aux centrales d'achat") String label) {
}
