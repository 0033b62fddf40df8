package fr.centrale.common.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One titre that a membership or a convention implies (API.md "Billable item"). Both schedules
 * return this shape; the billing-service issues it once. {@code (sourceType, sourceId, sequence)}
 * identifies it for ever.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BillableItem", description = "A titre that a membership or convention implies")
public record BillableItem(
        @Schema(required = true) SourceType sourceType,
        @Schema(required = true) UUID sourceId,
        @Schema(required = true, description = "Stable rank of the item within its source", example = "1") int sequence,
        @Schema(required = true) Kind kind,
        @Schema(required = true, description = "Purchasing body code", example = "RESAH") String issuer,
        @Schema(required = true) UUID debtorId,
        @Schema(required = true, example = "Cotisation d'adhésion RESAH 2024") String label,
        @Schema(required = true, example = "2024-01-01") LocalDate periodStart,
        @Schema(required = true, example = "2024-12-31") LocalDate periodEnd,
        @Schema(required = true, description = "When the titre falls due for issue", example = "2024-01-02") LocalDate issueOn,
        @Schema(description = "Prorated months, when the period is prorated", example = "5.53") BigDecimal months,
        @Schema(required = true, example = "600.00") BigDecimal annualAmount,
        @Schema(required = true, example = "600.00") BigDecimal amount,
        @Schema(required = true, example = "30") int paymentTermDays,
        @Schema(description = "The basis of calculation stated on the titre: the tariff row or fee applied",
                example = "Autres organismes (600 €)") String basis) {

    public enum SourceType { MEMBERSHIP, CONVENTION }

    public enum Kind { MEMBERSHIP_FEE, ANNUAL_CONTRIBUTION, COMPLEMENTARY_CONTRIBUTION }
}
