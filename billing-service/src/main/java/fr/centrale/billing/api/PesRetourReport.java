package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a PES_Retour did: each encaissement of the file recorded as a payment, already recorded by an earlier file, or
 * refused with its reason. Nothing else is written.
 */
@Schema(name = "PesRetourReport", description = "The encaissements of a PES_Retour: recorded, already recorded, refused")
public record PesRetourReport(
        @Schema(description = "NomFic of the comptable's file", example = "PES2R_REC_2_103_01_062009_20250315.xml") String fileName,
        @Schema(description = "The issuer whose Hélios budget the file names", example = "FIBRE5962") String issuer,
        @Schema(description = "Encaissements recorded as payments now", example = "2") int recordedCount,
        @Schema(description = "Encaissements an earlier file recorded already (nothing new)", example = "0") int alreadyRecordedCount,
        @Schema(description = "Encaissements refused", example = "1") int refusedCount,
        List<Line> recorded,
        List<Line> alreadyRecorded,
        List<Line> refused) {

    /**
     * One encaissement of the file.
     *
     * @param code    for a refused line, why: UNKNOWN_TITRE, BORDEREAU_MISMATCH, UNKNOWN_LINE, NOT_A_PAYMENT, NOT_PAYABLE,
     *                TITRE_CANCELLED, PAYMENT_BEFORE_ISSUE, OVERPAYMENT
     */
    @Schema(name = "PesRetourLine")
    public record Line(
            @Schema(description = "Exer", example = "2025") int fiscalYear,
            @Schema(description = "IdBord", example = "1") long bordereau,
            @Schema(description = "IdPce: the titre's rank in its series", example = "42") long titre,
            @Schema(description = "IdLigne", example = "1") int line,
            @Schema(description = "OrgEma: origin of the émargement (02 encaissement, 03 flux, 10 TIPI...)", example = "02") String origin,
            @Schema(description = "DteReco", example = "2025-03-14") LocalDate date,
            @Schema(description = "MtReco", example = "600.00") BigDecimal amount,
            @Schema(description = "The titre matched, if any") UUID titreId,
            @Schema(description = "Its number", example = "FIBRE5962-2025-000042") String titreNumber,
            @Schema(description = "The payment recorded for it, if any") UUID paymentId,
            @Schema(description = "Why it was refused", example = "UNKNOWN_TITRE") String code,
            @Schema(description = "The reason, in words") String message) {
    }
}
