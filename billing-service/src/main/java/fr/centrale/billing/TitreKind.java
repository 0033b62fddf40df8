package fr.centrale.billing;

/** An original titre, or a correction that references one (a titre is never edited). */
public enum TitreKind {
    ORIGINAL,
    /** Cancels the whole remaining amount of the original (annulation). */
    CANCELLATION,
    /** Reduces the original by part of its amount (réduction). */
    REDUCTION
}
