package fr.centrale.convention;

/** When titres are issued and for how much (docs/rules.md, section 5). */
public enum PricingModel {
    /** Model P: each execution year the annual amount, a last period shorter than 12 months prorated (RESAH 2021-008, 2020-027). */
    PRORATED_LAST_PERIOD,
    /** Model F: "toute année commencée est due": every execution year costs the full amount (RESAH 2021-045, 2021-063-002, 2021-046-001, 2021-047-001). */
    FULL_YEAR,
    /** Model C: one titre per calendar year touched, in advance, the first at subscription (CAIH). */
    CALENDAR_YEAR
}
