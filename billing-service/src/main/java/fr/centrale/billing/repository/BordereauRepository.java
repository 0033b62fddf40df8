package fr.centrale.billing.repository;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.domain.Bordereaux;
import fr.centrale.billing.domain.LedgerRecords;
import fr.centrale.billing.domain.Vat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Puts titres on their bordereau de titres (docs/rules.md, R-6), in the transaction that writes them: the bordereau of
 * a run, issuer and fiscal year is opened by the first titre of the run for that issuer and year (its number taken
 * from number_series, series {@code B}, the row locked until commit like a titre's series: a rollback or a crash gives
 * the number back, no numbered bordereau is ever empty) and found again by the run's next batches; a correction has
 * a bordereau of its own. Its totals grow with the titres written in the same transaction.
 *
 * <p>Lock order, the same in every transaction (no cycle): the titre series of each issuer (IssuanceService), then
 * the bordereau series and the bordereau rows, issuer after issuer in code order.
 */
@ApplicationScoped
public class BordereauRepository {

    private static final String FOR_RUN = "SELECT id FROM bordereau WHERE run_id = ? AND issuer = ? AND fiscal_year = ?";

    private static final String NEXT = """
            INSERT INTO number_series (issuer, fiscal_year, series, last_number) VALUES (?, ?, ?, 1)
            ON CONFLICT (issuer, fiscal_year, series) DO UPDATE SET last_number = number_series.last_number + 1
            RETURNING last_number""";

    private static final String OPEN = """
            INSERT INTO bordereau (id, number, issuer, fiscal_year, serial, issued_on, source, run_id, correction_titre_id,
                                   settings_revision_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String ADD = """
            UPDATE bordereau SET titre_count = titre_count + ?, total_ht = total_ht + ?, total_vat = total_vat + ?,
                                 total_ttc = total_ttc + ?
             WHERE id = ?""";

    private static final String ADD_RATE = """
            INSERT INTO bordereau_rate (bordereau_id, vat_rate, total_ht, total_vat, total_ttc) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (bordereau_id, vat_rate) DO UPDATE SET total_ht = bordereau_rate.total_ht + EXCLUDED.total_ht,
                   total_vat = bordereau_rate.total_vat + EXCLUDED.total_vat, total_ttc = bordereau_rate.total_ttc + EXCLUDED.total_ttc""";

    @Inject
    EntityManager em;

    /**
     * Lists the titres of a run (built, not yet written: each gets its {@code bordereauId}) on the run's bordereau of
     * their issuer and fiscal year, opened if it is the first of the run, and adds them to its totals. The mandats 673
     * are on none.
     */
    public void listRun(List<Titre> titres, UUID runId) {
        Map<String, List<Titre>> byBordereau = new TreeMap<>();
        for (Titre t : titres) {
            if (Bordereaux.listed(t.kind)) {
                byBordereau.computeIfAbsent(t.issuer + "\u0000" + t.fiscalYear, k -> new ArrayList<>()).add(t);
            }
        }
        if (byBordereau.isEmpty()) {
            return;
        }
        work(c -> {
            for (List<Titre> group : byBordereau.values()) {
                Titre first = group.get(0);
                UUID id = null;
                try (PreparedStatement s = c.prepareStatement(FOR_RUN)) {
                    s.setObject(1, runId);
                    s.setString(2, first.issuer);
                    s.setInt(3, first.fiscalYear);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getObject(1, UUID.class);
                        }
                    }
                }
                if (id == null) {
                    id = open(c, first, runId, null);
                }
                for (Titre t : group) {
                    t.bordereauId = id;
                }
                add(c, id, group);
            }
            return null;
        });
    }

    /** Lists a correction issued by hand (built, not yet written) on a bordereau of its own; a mandat 673 on none. */
    public void listCorrection(Titre correction) {
        if (!Bordereaux.listed(correction.kind)) {
            return;
        }
        work(c -> {
            correction.bordereauId = open(c, correction, null, correction.id);
            add(c, correction.bordereauId, List.of(correction));
            return null;
        });
    }

    /** A new bordereau, numbered next in its issuer's series of the year, for the titre's date and officer. */
    private static UUID open(Connection c, Titre first, UUID runId, UUID correctionTitreId) throws SQLException {
        int serial;
        try (PreparedStatement s = c.prepareStatement(NEXT)) {
            s.setString(1, first.issuer);
            s.setInt(2, first.fiscalYear);
            s.setString(3, Bordereaux.SERIES);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                serial = rs.getInt(1);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement(OPEN)) {
            s.setObject(1, id);
            s.setString(2, Bordereaux.number(first.issuer, first.fiscalYear, serial));
            s.setString(3, first.issuer);
            s.setInt(4, first.fiscalYear);
            s.setInt(5, serial);
            s.setObject(6, first.issuedOn);
            s.setString(7, runId != null ? "RUN" : "CORRECTION");
            uuid(s, 8, runId);
            uuid(s, 9, correctionTitreId);
            uuid(s, 10, first.settingsRevisionId);
            s.executeUpdate();
        }
        return id;
    }

    private static void add(Connection c, UUID bordereauId, List<Titre> titres) throws SQLException {
        List<List<Vat.LineAmounts>> lines = new ArrayList<>(titres.size());
        for (Titre t : titres) {
            List<Vat.LineAmounts> amounts = new ArrayList<>(t.lines.size());
            for (TitreLine l : t.lines) {
                amounts.add(new Vat.LineAmounts(l.amount, l.vatRate, l.vatAmount, l.amountTtc, l.taxation));
            }
            lines.add(amounts);
        }
        Bordereaux.Totals totals = Bordereaux.of(lines);
        try (PreparedStatement s = c.prepareStatement(ADD)) {
            s.setInt(1, totals.count());
            s.setBigDecimal(2, totals.total().ht());
            s.setBigDecimal(3, totals.total().vat());
            s.setBigDecimal(4, totals.total().ttc());
            s.setObject(5, bordereauId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(ADD_RATE)) {
            for (Vat.RateTotal r : totals.byRate()) {
                s.setObject(1, bordereauId);
                s.setBigDecimal(2, r.rate());
                s.setBigDecimal(3, r.ht());
                s.setBigDecimal(4, r.vat());
                s.setBigDecimal(5, r.ttc());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    // ---- chaining (billing-service README, "Tamper evidence"): once a bordereau's totals are final ----

    private static final String TO_CHAIN = """
            SELECT id, number, issuer, fiscal_year, serial, issued_on, source, run_id, correction_titre_id, settings_revision_id,
                   titre_count, total_ht, total_vat, total_ttc
              FROM bordereau WHERE id = ANY (?) AND chain_hash IS NULL
             ORDER BY issuer, fiscal_year, serial
               FOR UPDATE""";

    private static final String RATES = """
            SELECT bordereau_id, vat_rate, total_ht, total_vat, total_ttc FROM bordereau_rate WHERE bordereau_id = ANY (?)
             ORDER BY bordereau_id, vat_rate""";

    private static final String NUMBERS = """
            SELECT bordereau_id, number FROM titre WHERE bordereau_id = ANY (?) ORDER BY bordereau_id, serial, id""";

    private static final String CHAINED = """
            UPDATE bordereau b SET chain_position = k.position, chain_hash = k.hash
              FROM unnest(?::uuid[], ?::bigint[], ?::text[]) AS k(id, position, hash)
             WHERE b.id = k.id""";

    /**
     * The bordereaux among {@code ids} not chained yet, locked until the transaction ends, as their chain record reads
     * them (position 0: the chain gives it), issuer after issuer and year after year in serial order. Three statements.
     */
    public List<LedgerRecords.BordereauFields> toChain(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            java.sql.Array array = c.createArrayOf("uuid", ids.toArray());
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(TO_CHAIN)) {
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[14];
                        for (int i = 0; i < 14; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        row[5] = rs.getObject(6, java.time.LocalDate.class);
                        rows.add(row);
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            java.sql.Array found = c.createArrayOf("uuid", rows.stream().map(r -> r[0]).toArray());
            Map<UUID, List<LedgerRecords.RateFields>> rates = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(RATES)) {
                s.setArray(1, found);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new LedgerRecords.RateFields(
                                rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                    }
                }
            }
            Map<UUID, List<String>> numbers = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(NUMBERS)) {
                s.setArray(1, found);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        numbers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            List<LedgerRecords.BordereauFields> fields = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                UUID id = (UUID) r[0];
                fields.add(new LedgerRecords.BordereauFields(0, id, (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                        ((Number) r[4]).intValue(), (java.time.LocalDate) r[5], (String) r[6], (UUID) r[7], (UUID) r[8], (UUID) r[9],
                        ((Number) r[10]).intValue(), (BigDecimal) r[11], (BigDecimal) r[12], (BigDecimal) r[13],
                        rates.getOrDefault(id, List.of()), numbers.getOrDefault(id, List.of())));
            }
            return fields;
        });
    }

    /** Where a bordereau went in its chain. */
    public record Chained(UUID id, long position, String hash) {
    }

    /** Writes each bordereau's chain position and hash (once: a trigger refuses any change after that). */
    public void chained(List<Chained> chained) {
        if (chained.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(CHAINED)) {
                s.setArray(1, c.createArrayOf("uuid", chained.stream().map(Chained::id).toArray()));
                s.setArray(2, c.createArrayOf("int8", chained.stream().map(Chained::position).toArray()));
                s.setArray(3, c.createArrayOf("text", chained.stream().map(Chained::hash).toArray()));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The bordereaux of a billing run not chained yet (at most one per issuer and fiscal year). */
    public List<UUID> openOfRun(UUID runId) {
        return ids("SELECT id FROM bordereau WHERE run_id = ? AND chain_hash IS NULL", runId);
    }

    /** The bordereaux not chained yet whose run is over (not RUNNING), or that have no run. */
    public List<UUID> openOfEndedRuns() {
        return ids("""
                SELECT b.id FROM bordereau b LEFT JOIN billing_run r ON r.id = b.run_id
                 WHERE b.chain_hash IS NULL AND (r.id IS NULL OR r.status <> 'RUNNING')""", null);
    }

    private List<UUID> ids(String sql, UUID parameter) {
        return work(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (parameter != null) {
                    s.setObject(1, parameter);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(SqlWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    private static void uuid(PreparedStatement s, int i, UUID value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.OTHER);
        } else {
            s.setObject(i, value);
        }
    }
}
