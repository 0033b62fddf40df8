package fr.centrale.billing.service;

import fr.centrale.billing.domain.ChainKey;
import fr.centrale.billing.domain.LedgerRecords;
import fr.centrale.billing.repository.BordereauRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Chains the bordereaux de titres (docs/rules.md, R-6; billing-service README, "Tamper evidence") once their totals are
 * final: a correction's in the transaction that writes it and its titre ({@code TitreService.cancel}); a billing run's,
 * whose titres are written batch after batch, in the transaction that ends the run ({@code BillingRunService}), or at
 * the next start for a run a stop interrupted. Each is appended to the series BORDEREAU of its issuer and fiscal year,
 * whose head is locked until the transaction ends (concurrent closings chain one after the other), with its record as
 * {@link LedgerRecords#bordereau} reads it. One append per run, issuer and fiscal year: nothing per titre.
 */
@ApplicationScoped
public class BordereauChains {

    private static final Logger LOG = Logger.getLogger(BordereauChains.class);

    @Inject
    BordereauRepository bordereaux;

    @Inject
    LedgerChains chains;

    /** Chains those of {@code ids} not chained yet, in the caller's transaction; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int close(Collection<UUID> ids) {
        List<LedgerRecords.BordereauFields> open = bordereaux.toChain(ids);
        if (open.isEmpty()) {
            return 0;
        }
        Map<ChainKey, List<LedgerRecords.BordereauFields>> bySeries = new TreeMap<>();
        for (LedgerRecords.BordereauFields b : open) {
            bySeries.computeIfAbsent(ChainRecords.bordereauxOf(b.issuer(), b.fiscalYear()), k -> new ArrayList<>()).add(b);
        }
        Map<ChainKey, List<LedgerChains.Record>> records = new LinkedHashMap<>();
        bySeries.forEach((series, list) -> records.put(series, list.stream()
                .<LedgerChains.Record>map(b -> position -> ChainRecords.bordereau(b, position)).toList()));
        Map<ChainKey, List<LedgerChains.Link>> links = chains.appendAll(records);
        List<BordereauRepository.Chained> chained = new ArrayList<>(open.size());
        bySeries.forEach((series, list) -> {
            List<LedgerChains.Link> l = links.get(series);
            for (int i = 0; i < list.size(); i++) {
                chained.add(new BordereauRepository.Chained(list.get(i).id(), l.get(i).position(), l.get(i).hash()));
            }
        });
        bordereaux.chained(chained);
        return chained.size();
    }

    /** Chains the bordereaux of a run that has ended (whatever its outcome), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int closeRun(UUID runId) {
        return close(bordereaux.openOfRun(runId));
    }

    /** Chains every bordereau left open whose run is over (a run the service's stop interrupted, say). */
    @Transactional
    public int closeEnded() {
        int n = close(bordereaux.openOfEndedRuns());
        if (n > 0) {
            LOG.warnf("%d bordereau(x) of runs that had ended without closing them were chained", n);
        }
        return n;
    }
}
