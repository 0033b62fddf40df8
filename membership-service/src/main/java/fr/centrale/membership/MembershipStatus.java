package fr.centrale.membership;

/** Where a membership stands today (Europe/Paris). */
public enum MembershipStatus {
    /** Starts later. */
    UPCOMING,
    /** In force, no end in sight. */
    ACTIVE,
    /** In force, with an end date already set (non-renewal or termination). */
    ENDING,
    /** Its end date has passed. */
    ENDED
}
