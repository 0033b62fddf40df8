package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a verification of the ledger found (billing-service README, "Tamper evidence"). */
@Schema(name = "LedgerVerification", description = "The ledger recomputed: each chained series, the number series, each titre's and bordereau's totals, "
        + "payments and corrections against the titres' balances, the claimed items against the titres, and the event feed. "
        + "`holds` is true when every check holds; otherwise `breaks` says where each one does not.")
public record LedgerVerificationView(
        @Schema(description = "The issuer verified; null: every issuer", example = "RESAH") String issuer,
        @Schema(description = "The fiscal year verified; null: every year", example = "2025") Integer year,
        @Schema(description = "Whether every check holds", example = "true") boolean holds,
        @Schema(description = "When the verification read the ledger (one snapshot for every check)") Instant verifiedAt,
        @Schema(description = "How long it took, in milliseconds", example = "8421") long durationMs,
        @Schema(description = "Each check: what it recomputed and whether it holds") List<Check> checks,
        @Schema(description = "Each chained series in scope, with its head") List<Chain> chains,
        @Schema(description = "Where the ledger does not hold (at most 1 000 are listed; `breakCount` counts them all)") List<Break> breaks,
        @Schema(description = "How many breaks were found", example = "0") long breakCount) {

    @Schema(name = "LedgerCheck")
    public record Check(
            @Schema(description = "CHAINS, NUMBER_SERIES, TOTALS, BALANCES, CLAIMS or EVENTS", example = "CHAINS") String name,
            @Schema(example = "true") boolean holds,
            @Schema(description = "How many records it checked", example = "315377") long checked,
            @Schema(description = "How many breaks it found", example = "0") long breaks,
            @Schema(description = "What it recomputes") String description) {
    }

    @Schema(name = "LedgerChain")
    public record Chain(
            @Schema(example = "RESAH") String issuer,
            @Schema(example = "2025") int year,
            @Schema(description = "TITRE (originals, cancellations, reductions), MANDATE_673, PAYMENT, BORDEREAU (bordereaux de titres, R-6)",
                    example = "TITRE") String kind,
            @Schema(description = "The series' name", example = "RESAH-2025") String series,
            @Schema(description = "Records found in the series", example = "105126") long length,
            @Schema(description = "The length its head records", example = "105126") Long headLength,
            @Schema(description = "The hash of its last record (SHA-256, hex)", example = "9f2c4e0b1d3a5c7e9f2c4e0b1d3a5c7e9f2c4e0b1d3a5c7e9f2c4e0b1d3a5c7e") String head,
            @Schema(example = "true") boolean holds,
            @Schema(description = "BORDEREAU only (null for the other kinds): bordereaux of billing runs still running, not chained "
                    + "yet (a run's bordereau is chained when the run ends, its totals then final)", example = "0") Long open) {
    }

    @Schema(name = "LedgerBreak")
    public record Break(
            @Schema(description = "The check that found it", example = "CHAINS") String check,
            @Schema(description = "The series (issuer-year[-M673|-PAYMENT|-BORDEREAU]) or the feed", example = "RESAH-2025") String series,
            @Schema(description = "The record's number (a payment: the titre's number; a bordereau: its own, RESAH-2025-B-000001)",
                    example = "RESAH-2025-000042") String number,
            @Schema(description = "The record's id (a titre, a payment, a bordereau)") UUID id,
            @Schema(description = "Its position in its series or in the feed", example = "42") Long position,
            @Schema(description = "What differs", example = "stored hash 3a… is not that of its content after the previous hash (b7…)") String what) {
    }
}
