package fr.centrale.membership.repository;

import fr.centrale.common.web.Params;
import fr.centrale.membership.PurchasingBody;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PurchasingBodyRepository implements PanacheRepositoryBase<PurchasingBody, UUID> {

    /** By id, or by natural code (RESAH, CAIH, FIBRE5962) whatever its case. */
    public Optional<PurchasingBody> findByIdOrCode(String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            return Optional.empty();
        }
        UUID id = Params.uuidOrNull(idOrCode);
        return id != null ? findByIdOptional(id)
                : find("code", idOrCode.trim().toUpperCase(Locale.ROOT)).firstResultOptional();
    }
}
