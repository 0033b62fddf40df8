package fr.centrale.convention.repository;

import fr.centrale.convention.Convention;
import fr.centrale.convention.ConventionStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.FlushMode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConventionRepository implements PanacheRepositoryBase<Convention, UUID> {

    /**
     * Makes the current transaction a read: what it loads is read-only (no snapshot kept, nothing to dirty-check)
     * and it is never flushed, at commit neither (no flush-time cascade). Only for transactions that change nothing.
     */
    public void readOnly() {
        getSession().setDefaultReadOnly(true);
        getSession().setHibernateFlushMode(FlushMode.MANUAL);
    }

    /**
     * A convention as the read endpoints show it, in one statement: with its offer (the offer's tariff grid, lazy,
     * is not read: no convention view uses it) and its beneficiaries; its amendments follow in one more statement
     * when read. (A query rather than an entity graph: Hibernate caches the SQL of a query, not of a graph.)
     */
    public Optional<Convention> findForRead(UUID id) {
        return getEntityManager().createQuery(
                        "select c from Convention c join fetch c.offer left join fetch c.beneficiaries where c.id = ?1",
                        Convention.class)
                .setParameter(1, id)
                .getResultList().stream().findFirst(); // one convention, however many beneficiary rows
    }

    /**
     * @param organisationId signatory or beneficiary
     * @param status         ENDED is read from the dates: ACTIVE ones whose end is before {@code today}
     */
    public PanacheQuery<Convention> search(UUID organisationId, String offerCode, ConventionStatus status, LocalDate today) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (organisationId != null) {
            where.add("(c.signatoryId = :org or exists (select 1 from Beneficiary b where b.convention = c and b.organisationId = :org))");
            params.and("org", organisationId);
        }
        if (offerCode != null && !offerCode.isBlank()) {
            where.add("c.offer.code = :offer");
            params.and("offer", offerCode.trim().toUpperCase());
        }
        if (status != null) {
            switch (status) {
                case ENDED -> where.add("c.status = 'ACTIVE' and c.endsOn < :today");
                case ACTIVE -> where.add("c.status = 'ACTIVE' and c.endsOn >= :today");
                default -> {
                    where.add("c.status = :status");
                    params.and("status", status);
                }
            }
            if (status == ConventionStatus.ENDED || status == ConventionStatus.ACTIVE) {
                params.and("today", today);
            }
        }
        // The offer in the same statement; the page's beneficiaries and amendments follow in one batched statement
        // each (quarkus.hibernate-orm.fetch.batch-size).
        String query = "from Convention c join fetch c.offer" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, Sort.by("c.createdAt").and("c.id"), params);
    }

    /** A page of the billing feed: signed conventions after the cursor, in id order (stable under inserts). */
    public List<Convention> signedAfter(UUID cursor, int size) {
        return cursor == null
                ? find("status <> ?1 order by id", ConventionStatus.DRAFT).page(0, size).list()
                : find("status <> ?1 and id > ?2 order by id", ConventionStatus.DRAFT, cursor).page(0, size).list();
    }

    /** A number for a convention the parties gave none (docs/rules.md, R-5): CONV-<year>-<serial, 6 digits>. */
    public String nextNumber(int year) {
        Number serial = (Number) getEntityManager().createNativeQuery("SELECT nextval('convention_number_seq')").getSingleResult();
        return "CONV-" + year + "-" + String.format("%06d", serial.longValue());
    }
}
