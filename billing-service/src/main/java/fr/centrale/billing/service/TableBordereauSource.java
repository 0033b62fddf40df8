package fr.centrale.billing.service;

import fr.centrale.billing.Bordereau;
import fr.centrale.billing.Titre;
import fr.centrale.billing.pes.PesBordereau;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The bordereaux de titres of docs/rules.md, R-6 (table {@code bordereau}) as PES V2 reads them: a run's bordereau is
 * an ordinary one, a correction's a bordereau d'annulation/réduction; its titres in their number order.
 */
@ApplicationScoped
public class TableBordereauSource implements BordereauSource {

    @Inject
    EntityManager em;

    @Override
    public Optional<Listing> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Bordereau b = em.find(Bordereau.class, uuid);
        if (b == null) {
            return Optional.empty();
        }
        List<UUID> titres = em.createQuery("SELECT t.id FROM Titre t WHERE t.bordereauId = :b ORDER BY t.serial", UUID.class)
                .setParameter("b", uuid).getResultList();
        PesBordereau.Kind kind = b.source == Bordereau.Source.CORRECTION ? PesBordereau.Kind.CORRECTION : PesBordereau.Kind.ORDINARY;
        return Optional.of(new Listing(b.id.toString(), b.issuer, b.fiscalYear, b.serial, b.issuedOn, kind, titres));
    }

    /** The bordereau of {@code run} for {@code issuer} and {@code fiscalYear}, if the run issued titres for them. */
    public Optional<UUID> ofRun(UUID run, String issuer, int fiscalYear) {
        return em.createQuery("SELECT b.id FROM Bordereau b WHERE b.runId = :run AND b.issuer = :issuer AND b.fiscalYear = :year",
                        UUID.class)
                .setParameter("run", run).setParameter("issuer", issuer.strip().toUpperCase(Locale.ROOT))
                .setParameter("year", fiscalYear).getResultStream().findFirst();
    }

    @Override
    public OptionalLong numberOf(Titre titre) {
        if (titre.bordereauId == null) {
            return OptionalLong.empty();
        }
        Integer serial = titre.bordereau != null ? Integer.valueOf(titre.bordereau.serial)
                : em.createQuery("SELECT b.serial FROM Bordereau b WHERE b.id = :id", Integer.class)
                .setParameter("id", titre.bordereauId).getResultStream().findFirst().orElse(null);
        return serial == null ? OptionalLong.empty() : OptionalLong.of(serial);
    }
}
