package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;

/**
 * One chained series of the ledger (billing-service README, "Tamper evidence"): an issuer, a fiscal year and a kind.
 * The series of titres and that of mandats 673 are the number series ({@code RESAH-2025-000042},
 * {@code RESAH-2025-M673-000001}), each record's position its serial; payments are chained per issuer and fiscal year
 * of the titre paid, in the order they were recorded; bordereaux de titres ({@code RESAH-2025-B-000001}) per issuer and
 * fiscal year, in the order they were closed (their totals final).
 */
public record ChainKey(String issuer, int fiscalYear, Kind kind) implements Comparable<ChainKey> {

    /** The kinds of chained series. A new kind is one more constant, its record's serialisation and its reader. */
    public enum Kind {
        /** Originals, cancellations and reductions: the number series {@code ISSUER-YEAR-nnnnnn}. */
        TITRE,
        /** Mandats 673 (docs/rules.md, R-7): the number series {@code ISSUER-YEAR-M673-nnnnnn}. */
        MANDATE_673,
        /** Payments of the titres of the issuer and fiscal year, in the order recorded. */
        PAYMENT,
        /** Bordereaux de titres (docs/rules.md, R-6), in the order they were closed ({@code bordereau.chain_position}). */
        BORDEREAU
    }

    /** The series a titre of {@code kind} is numbered and chained in. */
    public static ChainKey ofTitre(String issuer, int fiscalYear, TitreKind kind) {
        return new ChainKey(issuer, fiscalYear, kind == TitreKind.MANDATE_673 ? Kind.MANDATE_673 : Kind.TITRE);
    }

    /**
     * How the series is named in a verification: {@code RESAH-2025}, {@code RESAH-2025-M673}, {@code RESAH-2025-PAYMENT},
     * {@code RESAH-2025-BORDEREAU}.
     */
    public String label() {
        return issuer + "-" + fiscalYear + switch (kind) {
            case TITRE -> "";
            case MANDATE_673 -> "-M673";
            case PAYMENT -> "-PAYMENT";
            case BORDEREAU -> "-BORDEREAU";
        };
    }

    @Override
    public int compareTo(ChainKey o) {
        int c = issuer.compareTo(o.issuer);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(fiscalYear, o.fiscalYear);
        return c != 0 ? c : kind.compareTo(o.kind);
    }
}
