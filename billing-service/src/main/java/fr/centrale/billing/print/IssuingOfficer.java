package fr.centrale.billing.print;

/**
 * The officer who renders a titre executory (the "ordonnateur"), named on the printed titre as
 * French law asks: e.g. {@code ("Le directeur général du GIP Resah", "Ordonnateur")}.
 *
 * @param name who signs: a person ("Marie Martin") or a function ("Le président de la CAIH")
 * @param role the capacity in which they sign ("Ordonnateur")
 */
public record IssuingOfficer(String name, String role) {
}
