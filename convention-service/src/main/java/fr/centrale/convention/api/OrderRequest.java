package fr.centrale.convention.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A purchase order or subsequent market placed by a beneficiary")
public record OrderRequest(
        @NotNull @Schema(required = true) UUID organisationId,
        @NotNull @Positive @Digits(integer = 12, fraction = 2) @Schema(required = true, example = "12500.00") BigDecimal amount,
        @NotNull @Schema(required = true, example = "2024-03-04") LocalDate orderedOn,
        @NotBlank @Size(max = 100) @Schema(required = true, example = "BC-2024-0042") String reference,
        @Positive @Max(999)
        @Schema(description = "Offers billed per subsequent market: the number of the subsequent market it is placed under "
                + "(docs/rules.md, R-9); absent: the market in force on `orderedOn` (the earliest one not exhausted)",
                example = "2") Integer subsequentMarket) {
}
