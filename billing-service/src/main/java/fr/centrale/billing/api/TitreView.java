package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreStatus;
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
        TitreKind kind,
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
        List<PaymentView> payments) {

    public record Party(String code, String name, String siret, String street, String postalCode, String city, String court) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Debtor(UUID id, String name, String siret, String street, String postalCode, String city,
                         String chorusLegalCommitment, String chorusServiceCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String label, String basis, LocalDate periodStart, LocalDate periodEnd, BigDecimal months,
                       BigDecimal annualAmount, BigDecimal amount, String sourceType, UUID sourceId, Integer sequence) {
    }

    public record PaymentView(UUID id, BigDecimal amount, LocalDate paidOn, String reference) {
    }
}
