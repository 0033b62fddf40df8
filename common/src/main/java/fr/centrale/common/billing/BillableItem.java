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
                example = "Autres organismes (600 €)") String basis,
        @Schema(description = "Whether `amount` is net of tax (no VAT applies, the default when absent) or before VAT "
                + "(docs/rules.md, R-1: the source's offer or fee schedule says which)") Taxation taxation,
        @Schema(description = "VAT rate in percent in force on `issueOn`, when `taxation` is BEFORE_VAT; absent or 0 otherwise",
                example = "20.00") BigDecimal vatRate,
        @Schema(description = "Chorus Pro engagement juridique (EJ) of the commitment: the membership's, the convention's "
                + "or the amendment's that states one; absent when the commitment has none (the organisation's default "
                + "then applies)", example = "EJ-2022-000123") String chorusLegalCommitment,
        @Schema(description = "Chorus Pro service code of the commitment; absent when the commitment has none",
                example = "SERV-ACHATS") String chorusServiceCode,
        @Schema(description = "The legal basis of the claim, as printed on the titre: the convention with its number and "
                + "signature date, or the bulletin and the decision fixing the fee",
                example = "Convention CONV-2022-0042 signée le 15/12/2022") String legalBasis) {

    /** The item as sources described it before: net of tax, no commitment references, no legal basis. */
    public BillableItem(SourceType sourceType, UUID sourceId, int sequence, Kind kind, String issuer, UUID debtorId,
                        String label, LocalDate periodStart, LocalDate periodEnd, LocalDate issueOn, BigDecimal months,
                        BigDecimal annualAmount, BigDecimal amount, int paymentTermDays, String basis) {
        this(sourceType, sourceId, sequence, kind, issuer, debtorId, label, periodStart, periodEnd, issueOn, months,
                annualAmount, amount, paymentTermDays, basis, null, null, null, null, null);
    }

    public enum SourceType { MEMBERSHIP, CONVENTION }

    /** amounts net of tax (no VAT: RESAH, La Fibre) or before VAT (CAIH, 20 %). */
    public enum Taxation { NET_OF_TAX, BEFORE_VAT }

    public enum Kind { MEMBERSHIP_FEE, ANNUAL_CONTRIBUTION, COMPLEMENTARY_CONTRIBUTION }
}
