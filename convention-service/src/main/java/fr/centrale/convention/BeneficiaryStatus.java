package fr.centrale.convention;

/** A beneficiary against its maximum amount (docs/rules.md, section 7). */
public enum BeneficiaryStatus {
    ACTIVE,
    /** Orders reached the at-risk threshold (80 % by default, D-12). */
    AT_RISK,
    /** Caduque for this beneficiary: orders reached the maximum. */
    LAPSED
}
