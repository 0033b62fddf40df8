package fr.centrale.billing.print;

/**
 * The officer who renders a titre executory (the "ordonnateur"), named on the printed titre as
 * French law asks: e.g. {@code ("Le directeur général du GIP Resah", "Ordonnateur")}.
 *
 * @param name who signs: a person ("Marie Martin") or a function ("Le président de la CAIH")
 * @param role the capacity in which they sign ("Ordonnateur")
 */
public record IssuingOfficer(String name, String role) {

    static final IssuingOfficer UNKNOWN = new IssuingOfficer("L'ordonnateur", "Ordonnateur");

    /** The officer a settings revision names (docs/rules.md, R-4): "prénoms nom", and the qualité. */
    public static IssuingOfficer of(fr.centrale.billing.IssuerSettings s) {
        String name = ((s.officerFirstNames == null ? "" : s.officerFirstNames.strip()) + " " + s.officerName.strip()).strip();
        return new IssuingOfficer(name, s.officerTitle);
    }
}
