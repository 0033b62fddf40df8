package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;

import java.math.BigDecimal;

/**
 * The terms a bulletin states must agree with what will be billed (docs/rules.md, R-15). Seed 000: "Merci de cocher
 * la catégorie de votre établissement : Établissement du secteur médico-social / Autre organisme", and the bulletin
 * states "300 euros (établissements médico-sociaux) 600 euros (autres organismes) nets de taxe pour l'année civile".
 */
public final class BulletinTerms {

    private BulletinTerms() {
    }

    /**
     * Refuses (422) a ticked category other than the organisation's, and a stated fee other than the schedule's for
     * that category in the bulletin's fee year.
     *
     * @param medicoSocialTicked     the category ticked, or null when the bulletin states none
     * @param organisationMedicoSocial whether the organisation is médico-social (what billing uses)
     * @param statedFee              the fee the bulletin states, or null
     * @param scheduledFee           the schedule's fee for the ticked category in the bulletin's fee year, or null when no
     *                               schedule is entered
     */
    public static void check(Boolean medicoSocialTicked, boolean organisationMedicoSocial, BigDecimal statedFee,
                             BigDecimal scheduledFee) {
        if (medicoSocialTicked != null && medicoSocialTicked != organisationMedicoSocial) {
            throw ProblemException.rule("FEE_CATEGORY_MISMATCH", "The bulletin ticks "
                    + (medicoSocialTicked ? "MEDICO_SOCIAL" : "OTHER") + " but the organisation's category is "
                    + (organisationMedicoSocial ? "médico-social" : "another organisation") + ": correct the organisation first",
                    "feeCategory");
        }
        if (statedFee != null && scheduledFee != null && statedFee.compareTo(scheduledFee) != 0) {
            throw ProblemException.rule("STATED_FEE_MISMATCH", "The bulletin states " + statedFee.toPlainString()
                    + " € but the fee schedule gives " + scheduledFee.toPlainString() + " €: enter the year's schedule first",
                    "statedFee");
        }
    }
}
