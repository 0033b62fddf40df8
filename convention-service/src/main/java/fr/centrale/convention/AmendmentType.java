package fr.centrale.convention;

/** What an avenant changes (docs/rules.md, section 6). */
public enum AmendmentType {
    ADD_BENEFICIARY, INCREASE_MAXIMUM, NEW_SUBSEQUENT_MARKET
}
