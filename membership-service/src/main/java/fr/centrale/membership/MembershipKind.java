package fr.centrale.membership;

/** MEMBER, or (CAIH) "tiers bénéficiaire" for an organisation not eligible to membership. */
public enum MembershipKind {
    MEMBER, THIRD_PARTY_BENEFICIARY
}
