package fr.centrale.convention.repository;

import fr.centrale.common.web.Params;
import fr.centrale.convention.Offer;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    private static final Sort CATALOGUE_ORDER = Sort.by("purchasingBody").and("code").and("offerVersion");

    /**
     * By id (whatever its version), or by code (its current version) whatever the case; with its tariff grid, in
     * one statement.
     */
    public Optional<Offer> findByIdOrCode(String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            return Optional.empty();
        }
        UUID id = Params.uuidOrNull(idOrCode);
        String hql = "select o from Offer o left join fetch o.tariffs where "
                + (id != null ? "o.id = ?1" : "o.code = ?1 and o.superseded = false");
        return getEntityManager().createQuery(hql, Offer.class)
                .setParameter(1, id != null ? id : normalize(idOrCode))
                .getResultList().stream().findFirst(); // one offer, however many tariff rows
    }

    /** The code an id or code names, read without loading the offer (so that a later locked read is fresh). */
    public Optional<String> codeOf(String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            return Optional.empty();
        }
        UUID id = Params.uuidOrNull(idOrCode);
        String hql = id != null ? "select o.code from Offer o where o.id = ?1" : "select o.code from Offer o where o.code = ?1";
        return getEntityManager().createQuery(hql, String.class)
                .setParameter(1, id != null ? id : normalize(idOrCode))
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<Offer> findCurrent(String code) {
        return find("code = ?1 and superseded = false", code).firstResultOptional();
    }

    public boolean codeExists(String code) {
        return count("code", code) > 0;
    }

    public int lastVersion(String code) {
        Integer last = getEntityManager()
                .createQuery("select max(o.offerVersion) from Offer o where o.code = ?1", Integer.class)
                .setParameter(1, code).getSingleResult();
        return last == null ? 0 : last;
    }

    public List<Offer> versions(String code) {
        return list("code", Sort.by("offerVersion"), code);
    }

    public PanacheQuery<Offer> search(String purchasingBody, boolean includeSuperseded) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!includeSuperseded) {
            where.add("superseded = false");
        }
        if (purchasingBody != null && !purchasingBody.isBlank()) {
            where.add("purchasingBody = :purchasingBody");
            params.and("purchasingBody", normalize(purchasingBody));
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, CATALOGUE_ORDER, params);
    }

    /**
     * Serialises the writers of one code until the transaction ends: two creations cannot both pass the
     * "code is free" check, and two new versions cannot both supersede the same one.
     */
    public void lockCode(String code) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "offer:" + code)
                .getSingleResult();
    }

    public static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
