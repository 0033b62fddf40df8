package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;

import java.time.LocalDate;

/**
 * Which record corrects a titre (docs/rules.md, R-7): "A correction of a titre of a closed fiscal year is not a
 * titre d'annulation of the new year: it is recorded as an expense of the current year (mandat, account 673)
 * referencing the original; a correction within the same fiscal year stays a titre d'annulation or de réduction."
 * The fiscal year of the correction is that of its date in Europe/Paris.
 */
public final class Corrections {

    private Corrections() {
    }

    /**
     * @param originalFiscalYear the corrected titre's fiscal year
     * @param correctedOn the date of the correction (Europe/Paris)
     * @param whole whether the correction cancels everything the titre still claims
     */
    public static TitreKind kind(int originalFiscalYear, LocalDate correctedOn, boolean whole) {
        if (originalFiscalYear < correctedOn.getYear()) {
            return TitreKind.MANDATE_673;
        }
        return whole ? TitreKind.CANCELLATION : TitreKind.REDUCTION;
    }
}
