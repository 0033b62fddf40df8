package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "IssuerThresholds", description = "An issuer's issuing thresholds by date (docs/rules.md, R-2): no titre is issued "
        + "for less (TTC); default 15 € (CGCT D1611-1)")
public record ThresholdView(
        @Schema(example = "RESAH") String issuer,
        @Schema(description = "The threshold in force today (Europe/Paris)", example = "15.00") BigDecimal inForce,
        @Schema(description = "Every dated entry, oldest first") List<Entry> entries) {

    public record Entry(@Schema(example = "2000-01-01") LocalDate validFrom, @Schema(example = "15.00") BigDecimal amount) {
    }
}
