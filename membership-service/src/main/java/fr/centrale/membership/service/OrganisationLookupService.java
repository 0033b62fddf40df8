package fr.centrale.membership.service;

import fr.centrale.membership.api.OrganisationSummary;
import fr.centrale.membership.repository.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Many organisations read at once (billing runs freeze each debtor on its titres: one call per page, not per debtor). */
@ApplicationScoped
public class OrganisationLookupService {

    @Inject
    OrganisationRepository organisations;

    /** The organisations among {@code ids} that exist, by id; unknown ids are left out. */
    @Transactional
    public List<OrganisationSummary> lookup(Collection<UUID> ids) {
        organisations.getSession().setDefaultReadOnly(true);
        organisations.getSession().setHibernateFlushMode(FlushMode.MANUAL);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        return organisations.list("id in ?1 order by id", distinct).stream().map(OrganisationSummary::of).toList();
    }
}
