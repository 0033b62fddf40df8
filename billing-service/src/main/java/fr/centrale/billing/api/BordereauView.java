package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.billing.Bordereau;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.domain.SettingsContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A bordereau de titres (docs/rules.md, R-6): the titres of one issuer issued together, numbered per issuer and fiscal
 * year without gaps, with their totals and the officer who signs it. {@code titres} only on a single read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Bordereau")
public record BordereauView(
        UUID id,
        @Schema(description = "Issuer, fiscal year, B, serial in the issuer's annual series", example = "RESAH-2025-B-000001") String number,
        @Schema(description = "Purchasing body code", example = "RESAH") String issuer,
        @Schema(example = "2025") int fiscalYear,
        @Schema(description = "The date of its titres (the run's asOf, or the correction's date)", example = "2025-01-02") LocalDate issuedOn,
        @Schema(description = "RUN: the titres of one billing run for this issuer and year; CORRECTION: one cancellation or "
                + "reduction titre issued by hand") Bordereau.Source source,
        @Schema(description = "The billing run, when source is RUN") UUID runId,
        @Schema(description = "The cancellation or reduction titre, when source is CORRECTION") UUID correctionTitreId,
        @Schema(description = "The ordonnateur who signs it, frozen from the issuer settings revision in force on its date (R-4)")
        SettingsContent.Person officer,
        @Schema(description = "Who signs by delegation of the officer, if anyone") SettingsContent.Person delegate,
        @Schema(description = "How many titres it lists", example = "2") int titreCount,
        @Schema(example = "2500.00") BigDecimal totalHt,
        @Schema(example = "300.00") BigDecimal totalVat,
        @Schema(example = "2800.00") BigDecimal totalTtc,
        @Schema(description = "Per VAT rate (0 where no VAT applies): the sums of its titres' lines") List<TitreView.RateTotal> totalsByRate,
        @Schema(description = "Its titres in number order (on GET /api/v1/bordereaux/{id} only)") List<Entry> titres) {

    /** One titre of the bordereau. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BordereauEntry")
    public record Entry(UUID id, @Schema(example = "RESAH-2025-000042") String number, TitreKind kind,
                        @Schema(description = "For a correction, the number of the titre it corrects") String corrects,
                        UUID debtorId, String debtorName, String debtorSiret, String object,
                        BigDecimal totalHt, BigDecimal totalVat, @Schema(description = "TTC") BigDecimal total) {
    }
}
