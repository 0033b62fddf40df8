package fr.centrale.billing.service;

import fr.centrale.billing.domain.ChainKey;
import fr.centrale.billing.domain.LedgerChain;
import fr.centrale.billing.repository.LedgerChainRepository;
import fr.centrale.billing.repository.LedgerChainRepository.Head;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends records to the ledger's chained series, in the transaction that inserts them (billing-service README,
 * "Tamper evidence"): each record's hash is {@code SHA-256(previous hash, "\n", canonical record)}, the previous hash
 * being the series' head, locked until the transaction ends so that concurrent writers chain one after the other.
 * Call it after taking the record's number (the number series is locked first) and before recording its feed event
 * (the feed counter is locked last). Any kind of series is one call:
 * <pre>{@code
 * Link link = chains.append(ChainRecords.paymentsOf(t), position -> ChainRecords.payment(p, position));
 * p.chainPosition = link.position();
 * p.chainHash = link.hash();
 * }</pre>
 * (bordereaux: {@link BordereauChains}, once their totals are final).
 */
@ApplicationScoped
public class LedgerChains {

    /** A record to append: its canonical serialisation, given its position in the series (1 for the first). */
    @FunctionalInterface
    public interface Record {
        String at(long position);
    }

    /** Where a record went: its position in the series and its hash. */
    public record Link(long position, String hash) {
    }

    @Inject
    LedgerChainRepository heads;

    /** Appends one record to {@code series}. */
    public Link append(ChainKey series, Record record) {
        return appendAll(Map.of(series, List.of(record))).get(series).get(0);
    }

    /** Appends each series' records, in the order given; two statements whatever the number of series and records. */
    public Map<ChainKey, List<Link>> appendAll(Map<ChainKey, List<Record>> records) {
        Map<ChainKey, Head> locked = heads.lock(records.keySet());
        Map<ChainKey, List<Link>> links = new LinkedHashMap<>();
        Map<ChainKey, Head> moved = new LinkedHashMap<>();
        records.forEach((series, list) -> {
            Head head = locked.get(series);
            long position = head.length();
            String previous = head.hash();
            List<Link> out = new ArrayList<>(list.size());
            for (Record r : list) {
                position++;
                previous = LedgerChain.link(previous, r.at(position));
                out.add(new Link(position, previous));
            }
            links.put(series, out);
            moved.put(series, new Head(position, previous));
        });
        heads.advance(moved);
        return links;
    }
}
