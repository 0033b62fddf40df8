package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.convention.ConventionMode;
import fr.centrale.convention.ConventionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConventionView(
        UUID id,
        @Schema(description = "The convention's number, stated on every titre's legal basis (docs/rules.md, R-5)",
                example = "CONV-2024-000012") String number,
        String offer, int offerVersion, String offerTitle, String purchasingBody, UUID signatoryId,
        String signatoryName, ConventionMode mode, ConventionStatus status, LocalDate signedOn,
        @Schema(description = "Earliest beneficiary start") LocalDate executionStart, LocalDate endsOn,
        @Schema(description = "Last day billable: the end, or an earlier termination or lapse") LocalDate effectiveEnd,
        @Schema(description = "Annual amount at signature, from the grid row (or negotiated)") BigDecimal annualAmount,
        boolean negotiated, String tier, String gridRow,
        @Schema(description = "Annual amount after tier changes") BigDecimal currentAnnualAmount, String currentTier,
        @Schema(description = "Sum of the whole schedule (HT): the amount the debtor's purchase order must carry") BigDecimal totalCommitment,
        List<BeneficiaryView> beneficiaries, AuthorizingAct authorizingAct, BudgetLine budgetLine,
        Termination termination, LocalDate lapsedOn, int amendments, long version,
        @Schema(description = "Whether the offer's amounts are net of tax or before VAT (docs/rules.md, R-1)")
        BillableItem.Taxation taxation,
        @Schema(description = "VAT of the total commitment (per item, HALF_UP to the cent), when VAT applies", example = "600.00")
        BigDecimal totalCommitmentVat,
        @Schema(description = "Total commitment TTC, when VAT applies: what the debtor budgets", example = "3600.00")
        BigDecimal totalCommitmentInclusiveOfVat,
        @Schema(description = "The convention's own Chorus Pro engagement juridique (docs/rules.md, R-3); absent: the "
                + "organisation's applies", example = "EJ-2022-000123") String chorusLegalCommitment,
        @Schema(description = "The convention's own Chorus Pro service code", example = "SERV-ACHATS") String chorusServiceCode) {

    public record Termination(LocalDate notifiedOn, LocalDate effectiveOn) {
    }
}
