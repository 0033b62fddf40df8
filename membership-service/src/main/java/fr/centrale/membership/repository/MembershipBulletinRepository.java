package fr.centrale.membership.repository;

import fr.centrale.membership.MembershipBulletin;
import fr.centrale.membership.domain.BulletinHistory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class MembershipBulletinRepository implements PanacheRepositoryBase<MembershipBulletin, UUID> {

    public List<MembershipBulletin> ofMembership(UUID membershipId) {
        return list("membershipId = ?1 order by receivedOn", membershipId);
    }


    /**
     * The histories of several memberships in one statement (for the billing feed's pages); a membership without any
     * recorded bulletin (a row written by other means than the API) is absent.
     */
    public Map<UUID, BulletinHistory> historiesOf(Collection<UUID> membershipIds) {
        if (membershipIds.isEmpty()) {
            return Map.of();
        }
        return list("membershipId in ?1", membershipIds).stream().collect(Collectors.groupingBy(b -> b.membershipId,
                Collectors.collectingAndThen(Collectors.toList(),
                        bs -> new BulletinHistory(bs.stream().map(MembershipBulletin::toDomain).toList()))));
    }
}
