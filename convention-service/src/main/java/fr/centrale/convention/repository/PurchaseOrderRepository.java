package fr.centrale.convention.repository;

import fr.centrale.convention.PurchaseOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurchaseOrderRepository implements PanacheRepositoryBase<PurchaseOrder, UUID> {

    public List<PurchaseOrder> ofConvention(UUID conventionId) {
        return list("conventionId = ?1 order by orderedOn, createdAt", conventionId);
    }
}
