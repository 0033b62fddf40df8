package fr.centrale.membership.repository;

import fr.centrale.membership.MembershipFee;
import fr.centrale.membership.domain.MembershipFeeTable;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class MembershipFeeRepository implements PanacheRepositoryBase<MembershipFee, MembershipFee.Key> {

    public List<MembershipFee> ofBody(UUID purchasingBodyId) {
        return list("purchasingBodyId = ?1 order by year", purchasingBodyId);
    }

    public MembershipFeeTable tableOf(UUID purchasingBodyId) {
        return toTable(ofBody(purchasingBodyId));
    }

    /** Every body's fee table at once (for the billing feed). */
    public Map<UUID, MembershipFeeTable> allTables() {
        return listAll().stream().collect(Collectors.groupingBy(f -> f.purchasingBodyId,
                Collectors.collectingAndThen(Collectors.toList(), MembershipFeeRepository::toTable)));
    }

    private static MembershipFeeTable toTable(List<MembershipFee> fees) {
        return new MembershipFeeTable(fees.stream().collect(Collectors.toMap(f -> f.year,
                MembershipFee::rates)));
    }
}
