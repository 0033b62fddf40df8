package fr.centrale.membership.domain;

/**
 * The Chorus Pro references of a commitment (docs/rules.md, R-3): the engagement juridique (EJ) and the code
 * service the RESAH bulletin asks for ("Numéro d'Engagement juridique (EJ) : … Code service : …", seed 000).
 * They belong to the membership; when it states none, billing falls back on the organisation's defaults, so
 * an item then carries none.
 *
 * @param legalCommitment the EJ number, or null
 * @param serviceCode     the code service, or null
 */
public record ChorusReferences(String legalCommitment, String serviceCode) {

    public static final ChorusReferences NONE = new ChorusReferences(null, null);

    /** The references as entered: blanks mean none, surrounding spaces are dropped. */
    public static ChorusReferences of(String legalCommitment, String serviceCode) {
        return new ChorusReferences(clean(legalCommitment), clean(serviceCode));
    }

    /**
     * A correction: a value given replaces the current one (blank clears it), an absent one (null) keeps it.
     */
    public ChorusReferences corrected(String newLegalCommitment, String newServiceCode) {
        return new ChorusReferences(newLegalCommitment == null ? legalCommitment : clean(newLegalCommitment),
                newServiceCode == null ? serviceCode : clean(newServiceCode));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
