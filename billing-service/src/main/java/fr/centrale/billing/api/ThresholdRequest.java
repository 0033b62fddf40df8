package fr.centrale.billing.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "A threshold from a date on (docs/rules.md, R-2: a GIP's board sets its own, at most 50 €). The date is "
        + "today or later: an entry never changes what runs already decided.")
public record ThresholdRequest(
        @NotNull @Schema(required = true, example = "2027-01-01") LocalDate validFrom,
        @NotNull @PositiveOrZero @DecimalMax("50.00") @Digits(integer = 12, fraction = 2)
        @Schema(required = true, description = "In euros, TTC, at most 50", example = "30.00") BigDecimal amount) {
}
