package fr.centrale.membership;

/** How a purchasing body's memberships end. */
public enum RenewalModel {
    /** Renewed tacitly each 1 January unless a non-renewal arrives by 30 October (RESAH). */
    TACIT_YEARLY,
    /** No end date; ends by termination after a notice period (CAIH, La Fibre 59 62). */
    INDEFINITE
}
