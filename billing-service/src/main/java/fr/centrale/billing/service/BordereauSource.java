package fr.centrale.billing.service;

import fr.centrale.billing.Titre;
import fr.centrale.billing.pes.PesBordereau;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where PES V2 finds bordereaux of titres (docs/rules.md, R-6): a bordereau's titres by its id, and the bordereau that
 * lists a titre (to match the comptable's receipts, which name the bordereau and titre numbers).
 *
 * <p>Implemented over the bordereau table by {@link TableBordereauSource}.
 */
public interface BordereauSource {

    /**
     * A bordereau as PES needs it.
     *
     * @param id         how {@link #find} knows it
     * @param number     its number in the issuer's annual series (IdBord)
     * @param date       its date (DteBordEm)
     * @param titreIds   its titres, in their order on the bordereau
     */
    record Listing(String id, String issuer, int fiscalYear, long number, LocalDate date, PesBordereau.Kind kind,
                   List<UUID> titreIds) {
    }

    /** The bordereau of that id, if there is one. */
    Optional<Listing> find(String id);

    /** The number of the bordereau that lists {@code titre}, if any. */
    OptionalLong numberOf(Titre titre);
}
