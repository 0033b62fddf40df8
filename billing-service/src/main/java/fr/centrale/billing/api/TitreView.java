package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreStatus;
import fr.centrale.common.billing.BillableItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A titre as issued, with where it stands now (payments, corrections). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Titre")
public record TitreView(
        UUID id,
        @Schema(example = "RESAH-2025-000042") String number,
        @Schema(description = "ORIGINAL, CANCELLATION, REDUCTION, or MANDATE_673: the correction of a titre of an earlier "
                + "fiscal year, an expense of the current year (docs/rules.md, R-7)") TitreKind kind,
        @Schema(description = "Purchasing body code", example = "RESAH") String issuer,
        Party issuerDetails,
        Debtor debtor,
        int fiscalYear,
        LocalDate issuedOn,
        LocalDate dueOn,
        String object,
        List<Line> lines,
        BigDecimal total,
        BigDecimal paidAmount,
        @Schema(description = "Sum of the cancellation and reduction titres that reference this one") BigDecimal cancelledAmount,
        @Schema(description = "total − cancelled − paid") BigDecimal remainingAmount,
        TitreStatus status,
        @Schema(description = "Due date passed and not fully paid") boolean overdue,
        @Schema(description = "The titre this one cancels or reduces") UUID cancels,
        String reason,
        List<UUID> correctedBy,
        List<PaymentView> payments,
        @Schema(description = "Sum of the lines' amounts HT (docs/rules.md, R-1); `total` is the TTC claimed", example = "1500.00") BigDecimal totalHt,
        @Schema(description = "Sum of the lines' VAT", example = "300.00") BigDecimal totalVat,
        @Schema(description = "Per VAT rate: HT, VAT and TTC, the sums of the lines of that rate") List<RateTotal> totalsByRate,
        @Schema(description = "The bordereau de titres that lists it (docs/rules.md, R-6): GET /api/v1/bordereaux/{id}. "
                + "Absent on a mandat 673, an expense (R-7)") BordereauRef bordereau) {

    /** As before bordereaux (docs/rules.md, R-6): on none. */
    public TitreView(UUID id, String number, TitreKind kind, String issuer, Party issuerDetails, Debtor debtor, int fiscalYear,
                     LocalDate issuedOn, LocalDate dueOn, String object, List<Line> lines, BigDecimal total, BigDecimal paidAmount,
                     BigDecimal cancelledAmount, BigDecimal remainingAmount, TitreStatus status, boolean overdue, UUID cancels,
                     String reason, List<UUID> correctedBy, List<PaymentView> payments, BigDecimal totalHt, BigDecimal totalVat,
                     List<RateTotal> totalsByRate) {
        this(id, number, kind, issuer, issuerDetails, debtor, fiscalYear, issuedOn, dueOn, object, lines, total, paidAmount,
                cancelledAmount, remainingAmount, status, overdue, cancels, reason, correctedBy, payments, totalHt, totalVat,
                totalsByRate, null);
    }

    /** The titre as it read before VAT (docs/rules.md, R-1): net of tax, HT = TTC. */
    public TitreView(UUID id, String number, TitreKind kind, String issuer, Party issuerDetails, Debtor debtor, int fiscalYear,
                     LocalDate issuedOn, LocalDate dueOn, String object, List<Line> lines, BigDecimal total, BigDecimal paidAmount,
                     BigDecimal cancelledAmount, BigDecimal remainingAmount, TitreStatus status, boolean overdue, UUID cancels,
                     String reason, List<UUID> correctedBy, List<PaymentView> payments) {
        this(id, number, kind, issuer, issuerDetails, debtor, fiscalYear, issuedOn, dueOn, object, lines, total, paidAmount,
                cancelledAmount, remainingAmount, status, overdue, cancels, reason, correctedBy, payments, total,
                total == null ? null : BigDecimal.ZERO.setScale(2),
                total == null ? List.of() : List.of(new RateTotal(BigDecimal.ZERO.setScale(2), total, BigDecimal.ZERO.setScale(2), total)));
    }

    @Schema(name = "RateTotal", description = "The lines of one VAT rate summed")
    public record RateTotal(@Schema(description = "Percent; 0 where no VAT applies", example = "20.00") BigDecimal rate,
                            @Schema(example = "1500.00") BigDecimal ht, @Schema(example = "300.00") BigDecimal vat,
                            @Schema(example = "1800.00") BigDecimal ttc) {
    }

    public record Party(String code, String name, String siret, String street, String postalCode, String city, String court) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Debtor(UUID id, String name, String siret, String street, String postalCode, String city,
                         String chorusLegalCommitment, String chorusServiceCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String label, String basis, LocalDate periodStart, LocalDate periodEnd, BigDecimal months,
                       BigDecimal annualAmount,
                       @Schema(description = "The line's amount HT (net of tax where no VAT applies)", example = "1500.00") BigDecimal amount,
                       String sourceType, UUID sourceId, Integer sequence,
                       @Schema(description = "VAT rate in percent; 0 where no VAT applies", example = "20.00") BigDecimal vatRate,
                       @Schema(description = "amount × vatRate / 100, HALF_UP to the cent", example = "300.00") BigDecimal vatAmount,
                       @Schema(description = "amount + vatAmount", example = "1800.00") BigDecimal amountTtc,
                       @Schema(description = "NET_OF_TAX or BEFORE_VAT, as the source priced the item") BillableItem.Taxation taxation,
                       @Schema(description = "The legal basis of the claim, as the source stated it (docs/rules.md, R-5)",
                               example = "Convention CONV-2022-0042 signée le 15/12/2022") String legalBasis) {

        /** A line net of tax (docs/rules.md, R-1: rate 0, TTC = amount). */
        public Line(String label, String basis, LocalDate periodStart, LocalDate periodEnd, BigDecimal months,
                    BigDecimal annualAmount, BigDecimal amount, String sourceType, UUID sourceId, Integer sequence) {
            this(label, basis, periodStart, periodEnd, months, annualAmount, amount, sourceType, sourceId, sequence,
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), amount, BillableItem.Taxation.NET_OF_TAX, null);
        }
    }

    public record PaymentView(UUID id, BigDecimal amount, LocalDate paidOn, String reference) {
    }

    @Schema(name = "BordereauRef", description = "A bordereau de titres, by id and number")
    public record BordereauRef(UUID id, @Schema(example = "RESAH-2025-B-000001") String number) {
    }
}
