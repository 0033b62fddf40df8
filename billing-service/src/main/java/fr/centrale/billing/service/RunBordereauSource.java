package fr.centrale.billing.service;

import fr.centrale.billing.Titre;
import fr.centrale.billing.pes.PesBordereau;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * STAND-IN until the bordereaux of docs/rules.md, R-6 are merged: the titres de recettes (ORIGINAL) one billing run
 * issued for one issuer and fiscal year form a bordereau, numbered by the rank of that run among the runs that issued
 * titres for that issuer and year (1 for the first, by start time), dated the run's {@code asOf}. Its id is
 * {@code <runId>:<ISSUER>:<year>} ({@link #id}). Titres issued by hand (corrections included) are on no such bordereau.
 * The integrator replaces this bean by one reading the bordereau table (see {@link BordereauSource}).
 */
@ApplicationScoped
public class RunBordereauSource implements BordereauSource {

    @Inject
    EntityManager em;

    public static String id(UUID runId, String issuer, int year) {
        return runId + ":" + issuer.strip().toUpperCase(Locale.ROOT) + ":" + year;
    }

    @Override
    public Optional<Listing> find(String id) {
        String[] p = id == null ? new String[0] : id.split(":");
        if (p.length != 3) {
            return Optional.empty();
        }
        UUID run;
        int year;
        try {
            run = UUID.fromString(p[0]);
            year = Integer.parseInt(p[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String issuer = p[1];
        @SuppressWarnings("unchecked")
        List<UUID> titres = em.createNativeQuery("""
                SELECT id FROM titre WHERE run_id = ?1 AND issuer = ?2 AND fiscal_year = ?3 AND kind = 'ORIGINAL'
                 ORDER BY serial""")
                .setParameter(1, run).setParameter(2, issuer).setParameter(3, year).getResultList();
        if (titres.isEmpty()) {
            return Optional.empty();
        }
        LocalDate asOf = (LocalDate) em.createNativeQuery("SELECT as_of FROM billing_run WHERE id = ?1")
                .setParameter(1, run).getSingleResult();
        return Optional.of(new Listing(id, issuer, year, rank(run, issuer, year), asOf, PesBordereau.Kind.ORDINARY, titres));
    }

    @Override
    public OptionalLong numberOf(Titre titre) {
        if (titre.runId == null || titre.kind != fr.centrale.billing.TitreKind.ORIGINAL) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(rank(titre.runId, titre.issuer, titre.fiscalYear));
    }

    private long rank(UUID run, String issuer, int year) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM billing_run r
                 WHERE EXISTS (SELECT 1 FROM titre t WHERE t.run_id = r.id AND t.issuer = ?2 AND t.fiscal_year = ?3
                                                       AND t.kind = 'ORIGINAL')
                   AND (r.started_at, r.id) <= (SELECT started_at, id FROM billing_run WHERE id = ?1)""")
                .setParameter(1, run).setParameter(2, issuer).setParameter(3, year).getSingleResult()).longValue();
    }
}
