package fr.centrale.billing.repository;

import fr.centrale.billing.domain.ChainKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The heads of the ledger's chained series ({@code ledger_chain}: length and last hash per issuer, fiscal year and
 * kind). Appending to series takes two statements whatever their number: one that locks the heads (creating those
 * that do not exist yet), one that moves them on. The heads are locked in a fixed order, after the number series
 * and before the feed counter, as every writer of the ledger does.
 */
@ApplicationScoped
public class LedgerChainRepository {

    /** A series' head: how many records it has, and the hash of the last (64 zeros for none). */
    public record Head(long length, String hash) {
    }

    private static final String LOCK = """
            INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head)
            SELECT k.issuer, k.fiscal_year, k.kind, 0, repeat('0', 64)
              FROM unnest(?::text[], ?::int[], ?::text[]) WITH ORDINALITY AS k(issuer, fiscal_year, kind, n)
             ORDER BY k.n
            ON CONFLICT (issuer, fiscal_year, kind) DO UPDATE SET length = ledger_chain.length
            RETURNING issuer, fiscal_year, kind, length, head""";

    private static final String ADVANCE = """
            UPDATE ledger_chain c SET length = k.length, head = k.head, updated_at = now()
              FROM unnest(?::text[], ?::int[], ?::text[], ?::bigint[], ?::text[]) AS k(issuer, fiscal_year, kind, length, head)
             WHERE c.issuer = k.issuer AND c.fiscal_year = k.fiscal_year AND c.kind = k.kind""";

    @Inject
    EntityManager em;

    /** Locks the heads of {@code series} until the transaction ends (creating empty ones); answers them. */
    public Map<ChainKey, Head> lock(Collection<ChainKey> series) {
        List<ChainKey> sorted = new ArrayList<>(new TreeSet<>(series));
        if (sorted.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            Map<ChainKey, Head> heads = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(LOCK)) {
                s.setArray(1, c.createArrayOf("text", sorted.stream().map(ChainKey::issuer).toArray()));
                s.setArray(2, c.createArrayOf("int4", sorted.stream().map(ChainKey::fiscalYear).toArray()));
                s.setArray(3, c.createArrayOf("text", sorted.stream().map(k -> k.kind().name()).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        heads.put(new ChainKey(rs.getString(1), rs.getInt(2), ChainKey.Kind.valueOf(rs.getString(3))),
                                new Head(rs.getLong(4), rs.getString(5)));
                    }
                }
            }
            return heads;
        });
    }

    /** Moves the heads on (they must be locked by this transaction). */
    public void advance(Map<ChainKey, Head> heads) {
        if (heads.isEmpty()) {
            return;
        }
        List<Map.Entry<ChainKey, Head>> list = new ArrayList<>(heads.entrySet());
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(ADVANCE)) {
                s.setArray(1, c.createArrayOf("text", list.stream().map(e -> e.getKey().issuer()).toArray()));
                s.setArray(2, c.createArrayOf("int4", list.stream().map(e -> e.getKey().fiscalYear()).toArray()));
                s.setArray(3, c.createArrayOf("text", list.stream().map(e -> e.getKey().kind().name()).toArray()));
                s.setArray(4, c.createArrayOf("int8", list.stream().map(e -> e.getValue().length()).toArray()));
                s.setArray(5, c.createArrayOf("text", list.stream().map(e -> e.getValue().hash()).toArray()));
                s.executeUpdate();
            }
            return null;
        });
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(SqlWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
