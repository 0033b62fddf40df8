package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "WaivedItem", description = "A billable item below its issuer's threshold: recorded by the run that met it, never issued "
        + "(docs/rules.md, R-2)")
public record WaivedItemView(
        @Schema(example = "MEMBERSHIP") String sourceType, UUID sourceId, @Schema(example = "1") int sequence,
        @Schema(example = "RESAH") String issuer, UUID debtorId,
        @Schema(example = "Cotisation complémentaire 2025") String label,
        @Schema(description = "When the item fell due for issue", example = "2025-01-02") LocalDate issueOn,
        @Schema(description = "The run's date (asOf) that waived it", example = "2025-01-02") LocalDate waivedOn,
        @Schema(example = "5.00") BigDecimal amountHt,
        @Schema(description = "What the titre would have claimed", example = "5.00") BigDecimal amountTtc,
        @Schema(description = "The threshold in force, not reached", example = "15.00") BigDecimal threshold,
        UUID runId) {
}
