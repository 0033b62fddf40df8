package fr.centrale.convention.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(description = "A beneficiary's share of the annual amount, as an amendment restates it (docs/rules.md, R-11)")
public record ShareRequest(
        @NotNull @Schema(required = true, description = "The beneficiary") UUID organisationId,
        @NotNull @Positive @Digits(integer = 10, fraction = 2) @Schema(required = true, example = "1000.00") BigDecimal amount) {
}
