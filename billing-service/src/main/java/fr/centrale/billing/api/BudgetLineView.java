package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(name = "BudgetLine", description = "A debtor's budget line and what it is billed for the year, TTC (docs/rules.md, R-17: "
        + "credits, proposed = issued + still to issue, balance = credits − proposed)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetLineView(
        UUID id, UUID debtorId,
        @Schema(example = "C06-020M02") String operationCode,
        @Schema(example = "6281/930202") String imputation,
        @Schema(example = "2022") int fiscalYear,
        String label,
        @Schema(example = "3000.00") BigDecimal credits,
        List<AttachmentView> attachments,
        @Schema(description = "TTC of the titres issued in the year for the attached sources, net of corrections (only on a single read)",
                example = "2800.00") BigDecimal issued,
        @Schema(description = "TTC still to issue in the year for the attached sources (only on a single read)", example = "0.00") BigDecimal toIssue,
        @Schema(description = "issued + toIssue", example = "2800.00") BigDecimal proposed,
        @Schema(description = "credits − proposed", example = "200.00") BigDecimal balance) {

    public record AttachmentView(String sourceType, UUID sourceId) {
    }
}
