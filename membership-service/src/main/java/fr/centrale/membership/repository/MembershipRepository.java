package fr.centrale.membership.repository;

import fr.centrale.membership.Membership;
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
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID> {

    /** The first membership of the organisation with the body still in force on or after {@code day}, if any. */
    public java.util.Optional<Membership> findOverlapping(UUID organisationId, UUID purchasingBodyId, LocalDate day) {
        return find("organisation.id = ?1 and purchasingBody.id = ?2 and (endsOn is null or endsOn >= ?3) order by startsOn",
                organisationId, purchasingBodyId, day).firstResultOptional();
    }

    public PanacheQuery<Membership> search(UUID organisationId, UUID purchasingBodyId, LocalDate activeOn) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (organisationId != null) {
            where.add("organisation.id = :org");
            params.and("org", organisationId);
        }
        if (purchasingBodyId != null) {
            where.add("purchasingBody.id = :body");
            params.and("body", purchasingBodyId);
        }
        if (activeOn != null) {
            where.add("startsOn <= :day and (endsOn is null or endsOn >= :day)");
            params.and("day", activeOn);
        }
        return find(String.join(" and ", where), Sort.by("startsOn").and("id"), params);
    }

    /** A page of the billing feed: memberships after the cursor, in id order (stable under inserts). */
    public List<Membership> pageAfter(UUID cursor, LocalDate startedBy, int size) {
        String query = "from Membership m join fetch m.organisation join fetch m.purchasingBody where m.startsOn <= ?1"
                + (cursor == null ? "" : " and m.id > ?2") + " order by m.id";
        var q = cursor == null ? find(query, startedBy) : find(query, startedBy, cursor);
        return q.page(0, size).list();
    }
}
