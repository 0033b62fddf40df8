package fr.centrale.billing.repository;

import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.domain.SettingsRevisions;
import fr.centrale.billing.domain.SettingsRevisions.Dated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The revisions of the issuers' settings (docs/rules.md, R-4, R-5), and which one is in force on a date. */
@ApplicationScoped
public class IssuerSettingsRepository {

    @Inject
    EntityManager em;

    /** The issuer's revisions, by revision. */
    public List<IssuerSettings> revisions(String issuer) {
        return em.createQuery("from IssuerSettings where issuer = :issuer order by revision", IssuerSettings.class)
                .setParameter("issuer", issuer).getResultList();
    }

    /** The revision of {@code issuer} in force on {@code on}, if it has one. */
    public Optional<IssuerSettings> inForce(String issuer, LocalDate on) {
        return inForce(revisions(issuer), on);
    }

    public static Optional<IssuerSettings> inForce(List<IssuerSettings> revisions, LocalDate on) {
        return SettingsRevisions.inForce(revisions.stream().map(IssuerSettingsRepository::dated).toList(), on)
                .flatMap(d -> revisions.stream().filter(r -> r.id.equals(d.id())).findFirst());
    }

    /**
     * The id of the revision a titre of {@code issuer} issued on {@code on} freezes: the issuer's own in force then,
     * else the DEFAULT issuer's; null only if neither has one.
     */
    public UUID revisionIdFor(String issuer, LocalDate on) {
        return inForce(issuer, on).or(() -> inForce(IssuerSettings.DEFAULT_ISSUER, on)).map(s -> s.id).orElse(null);
    }

    /**
     * The revision each issuer's titres issued on {@code on} freeze (as {@link #revisionIdFor}, DEFAULT's for an issuer
     * without settings of its own), read in one query without loading the revisions: what a billing run uses for
     * every titre it issues.
     */
    public java.util.function.Function<String, UUID> revisionIdsOn(LocalDate on) {
        java.util.Map<String, List<Dated>> byIssuer = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT issuer, id, revision, valid_from FROM issuer_settings").getResultList();
        for (Object[] r : rows) {
            LocalDate from = r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3];
            byIssuer.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>())
                    .add(new Dated((UUID) r[1], ((Number) r[2]).intValue(), from));
        }
        java.util.Map<String, UUID> inForce = new java.util.HashMap<>();
        byIssuer.forEach((issuer, revisions) -> SettingsRevisions.inForce(revisions, on).ifPresent(d -> inForce.put(issuer, d.id())));
        UUID fallback = inForce.get(IssuerSettings.DEFAULT_ISSUER);
        return issuer -> inForce.getOrDefault(issuer, fallback);
    }

    /**
     * The revision a titre states: the one it references; for a titre written without one (none existed for its
     * issuer nor DEFAULT at its issue), the one in force on its issue date.
     */
    public Optional<IssuerSettings> ofTitre(UUID revisionId, String issuer, LocalDate issuedOn) {
        UUID id = revisionId != null ? revisionId : revisionIdFor(issuer, issuedOn);
        return Optional.ofNullable(find(id));
    }

    public IssuerSettings find(UUID id) {
        return id == null ? null : em.find(IssuerSettings.class, id);
    }

    /** Serializes the changes of one issuer's settings until the transaction ends. */
    public void lock(String issuer) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('issuer_settings:' || ?1))")
                .setParameter(1, issuer).getSingleResult();
    }

    public static Dated dated(IssuerSettings s) {
        return new Dated(s.id, s.revision, s.validFrom);
    }
}
