package fr.centrale.billing;

/** An original titre, or a correction that references one (a titre is never edited). */
public enum TitreKind {
    ORIGINAL,
    /** Cancels the whole remaining amount of the original (annulation). */
    CANCELLATION,
    /** Reduces the original by part of its amount (réduction). */
    REDUCTION,
    /**
     * A correction of a titre of an earlier (closed) fiscal year: an expense of the current year (mandat, account
     * 673) referencing the original, numbered in its own series (docs/rules.md, R-7).
     */
    MANDATE_673
}
