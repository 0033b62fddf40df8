package fr.centrale.billing;

/** Where a titre stands, from its payments and corrections. */
public enum TitreStatus {
    ISSUED, PARTIALLY_PAID, PAID, CANCELLED
}
