package fr.centrale.convention.repository;

import fr.centrale.convention.Convention;
import fr.centrale.convention.ConventionStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConventionRepository implements PanacheRepositoryBase<Convention, UUID> {

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
        String query = "from Convention c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, Sort.by("c.createdAt").and("c.id"), params);
    }

    /** A page of the billing feed: signed conventions after the cursor, in id order (stable under inserts). */
    public List<Convention> signedAfter(UUID cursor, int size) {
        return cursor == null
                ? find("status <> ?1 order by id", ConventionStatus.DRAFT).page(0, size).list()
                : find("status <> ?1 and id > ?2 order by id", ConventionStatus.DRAFT, cursor).page(0, size).list();
    }
}
