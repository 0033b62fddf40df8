package fr.centrale.convention;

/** Where a convention stands (today, Europe/Paris, for ENDED). */
public enum ConventionStatus {
    DRAFT,
    ACTIVE,
    /** Past its end date. */
    ENDED,
    /** Ended by a termination notice; nothing is billed after its effective date. */
    TERMINATED,
    /** Caduque: every beneficiary reached its maximum amount. */
    LAPSED
}
