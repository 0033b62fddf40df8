package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Complementary contributions of amendments (docs/rules.md, section 6), in euros net of tax")
public record OfferFees(
        @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Once per request to add a beneficiary without tier change (2021-046-001: 150.00)", example = "150.00")
        BigDecimal addBeneficiary,
        @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Once per request to raise a maximum amount (2021-046-001: 300.00; 2021-045, 2021-063-002: 150.00)",
                example = "300.00") BigDecimal increaseMaximum,
        @Schema(description = "The maximum-raise fee falls due at the amendment's signature (2021-063-002) instead of its effective date")
        Boolean increaseMaximumDueAtSignature,
        @Schema(description = "A move to a higher tariff owes the annual difference from the amendment's effective date (2021-046-001 art. 4.2)")
        Boolean tierChangeComplement) {
}
