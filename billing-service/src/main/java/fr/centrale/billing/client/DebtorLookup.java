package fr.centrale.billing.client;

import fr.centrale.common.problem.DependencyUnavailable;
import fr.centrale.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Many debtors at once, for billing runs: one {@code POST /organisations/lookup} per 1000 organisations
 * instead of one {@code GET /organisations/{id}} each (100 000 debtors: 100 calls, not 100 000). When
 * membership-service has no lookup (404/405: an older version during an upgrade), the organisations are
 * read one by one through {@link SourceDirectory#debtor(UUID)}, as before.
 *
 * <p>Failures are reported as {@link SourceDirectory} does: a 503 {@code DEPENDENCY_UNAVAILABLE} problem.
 */
@ApplicationScoped
public class DebtorLookup {

    private static final Logger LOG = Logger.getLogger(DebtorLookup.class);

    private final OrganisationLookupCalls calls;
    private final SourceDirectory directory;
    /** Whether "no lookup" was logged already (it is then asked again on every call: a 404 costs little). */
    private final AtomicBoolean toldLookupMissing = new AtomicBoolean();

    @Inject
    DebtorLookup(OrganisationLookupCalls calls, SourceDirectory directory) {
        this.calls = calls;
        this.directory = directory;
    }

    /**
     * The debtors among {@code ids} that membership-service knows, by id; an unknown organisation is
     * absent from the map.
     *
     * @throws ProblemException 503 when membership-service cannot answer
     */
    public Map<UUID, DebtorSnapshot> debtors(Collection<UUID> ids) {
        List<UUID> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        wanted.removeIf(Objects::isNull);
        Map<UUID, DebtorSnapshot> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += OrganisationLookupApi.MAX_IDS) {
            List<UUID> chunk = wanted.subList(from, Math.min(wanted.size(), from + OrganisationLookupApi.MAX_IDS));
            if (lookup(chunk, found)) {
                continue;
            }
            for (UUID id : chunk) {
                Optional<DebtorSnapshot> debtor = directory.debtor(id);
                debtor.ifPresent(d -> found.put(id, d));
            }
        }
        return found;
    }

    /** False when membership-service has no lookup. */
    private boolean lookup(List<UUID> chunk, Map<UUID, DebtorSnapshot> found) {
        List<RemoteViews.Organisation> answer;
        try {
            answer = calls.lookup(List.copyOf(chunk));
        } catch (SourceServiceNotFound e) {
            if (!toldLookupMissing.getAndSet(true)) {
                LOG.warnf("membership-service has no organisation lookup (%s): debtors are read one by one", e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            throw DependencyUnavailable.of(SourceDirectory.MEMBERSHIP_SERVICE, e);
        }
        toldLookupMissing.set(false);
        if (answer != null) {
            Set<UUID> asked = new HashSet<>(chunk);
            for (RemoteViews.Organisation o : answer) {
                if (o != null && o.id() != null && asked.contains(o.id())) {
                    found.put(o.id(), o.toSnapshot());
                }
            }
        }
        return true;
    }
}
