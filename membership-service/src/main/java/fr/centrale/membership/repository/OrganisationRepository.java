package fr.centrale.membership.repository;

import fr.centrale.common.organisation.Category;
import fr.centrale.membership.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.FlushMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /**
     * Makes the current transaction a read: what it loads is read-only (no snapshot kept, nothing to dirty-check)
     * and it is never flushed, at commit neither (no flush-time cascade to the contacts). Only for transactions
     * that change nothing.
     */
    public void readOnly() {
        getSession().setDefaultReadOnly(true);
        getSession().setHibernateFlushMode(FlushMode.MANUAL);
    }

    /** The organisation with its contacts, in one statement (for reads). */
    public Optional<Organisation> findWithContacts(UUID id) {
        return getEntityManager()
                .createQuery("select o from Organisation o left join fetch o.contacts where o.id = ?1", Organisation.class)
                .setParameter(1, id)
                .getResultList().stream().findFirst(); // one organisation, however many contact rows
    }

    public Optional<Organisation> findBySiret(String siret) {
        return find("siret", siret).firstResultOptional();
    }

    /** @param id only this organisation (an adherent's own), or null for any */
    public PanacheQuery<Organisation> search(UUID id, String siret, Category category, String q) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (id != null) {
            where.add("id = :id");
            params.and("id", id);
        }
        if (siret != null) {
            where.add("siret = :siret");
            params.and("siret", siret);
        }
        if (category != null) {
            where.add("category = :category");
            params.and("category", category);
        }
        if (q != null && !q.isBlank()) {
            where.add("lower(name) like :q");
            params.and("q", "%" + q.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.by("name").and("id"), params);
    }
}
