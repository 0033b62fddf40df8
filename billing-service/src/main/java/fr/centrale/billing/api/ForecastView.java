package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a debtor owes for a fiscal year. The amounts without suffix are TTC, what titres claim and what the debtor
 * budgets (docs/rules.md, R-1: "Forecasts show HT and TTC (the debtor budgets TTC)"); for titres net of tax HT = TTC.
 */
@Schema(description = "What a debtor owes for a fiscal year: issued and still to issue — the figure its budget votes. "
        + "Amounts are TTC; the *Ht fields give the same figures HT.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastView(UUID debtorId, int year, BigDecimal total, BigDecimal issued, BigDecimal toIssue,
                           List<IssuerTotal> byIssuer, List<Line> lines,
                           @Schema(example = "2500.00") BigDecimal totalHt,
                           @Schema(example = "2500.00") BigDecimal issuedHt,
                           @Schema(example = "0.00") BigDecimal toIssueHt,
                           @Schema(description = "Per budget line of the debtor for the year (docs/rules.md, R-17); the lines of "
                                   + "sources attached to no budget line are under `unattached`") List<BudgetLineTotal> byBudgetLine) {

    public record IssuerTotal(String issuer, BigDecimal issued, BigDecimal toIssue, BigDecimal total,
                              BigDecimal issuedHt, BigDecimal toIssueHt, BigDecimal totalHt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String issuer, String sourceType, UUID sourceId, Integer sequence, String label, LocalDate issueOn,
                       @Schema(description = "TTC (net of corrections for an issued titre)", example = "1800.00") BigDecimal amount,
                       boolean issued, String titreNumber,
                       @Schema(description = "HT", example = "1500.00") BigDecimal amountHt,
                       @Schema(description = "The budget line the source is attached to, if any") UUID budgetLineId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BudgetLineTotal(@Schema(description = "Absent for the sources attached to no line") UUID budgetLineId,
                                  String operationCode, String imputation, BigDecimal credits,
                                  BigDecimal issued, BigDecimal toIssue, BigDecimal proposed, BigDecimal balance) {
    }
}
