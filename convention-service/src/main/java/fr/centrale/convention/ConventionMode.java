package fr.centrale.convention;

/** For whom the signatory signs. */
public enum ConventionMode {
    /** For itself: the signatory is the only beneficiary ("pour son établissement seul"). */
    OWN_ACCOUNT,
    /** On behalf of one or more other organisations. */
    MANDATE,
    /** For a purchasing group (groupement de commandes) of two or more beneficiaries. */
    PURCHASING_GROUP
}
