package fr.centrale.billing.repository;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreLine;
import fr.centrale.common.billing.BillableItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger writes of a billing run, a batch of items at a time: one statement per table and batch
 * (PostgreSQL {@code unnest} of one array per column) instead of one per row. Must run inside the
 * transaction that issues the batch (it uses the Hibernate session's connection); the locking is the
 * same as for one titre: item keys, then number series, then the feed counter.
 */
@ApplicationScoped
public class LedgerBatchRepository {

    /** A billable item's identity for ever: the primary key of {@code issued_item}. */
    public record ItemKey(String sourceType, UUID sourceId, int sequence) {

        public static ItemKey of(BillableItem item) {
            return new ItemKey(item.sourceType().name(), item.sourceId(), item.sequence());
        }
    }

    /** An item to claim for the titre that will be written for it. */
    public record Claim(ItemKey key, UUID titreId) {
    }

    private static final String ISSUED_AMONG = """
            SELECT i.source_type, i.source_id, i.sequence
              FROM issued_item i
              JOIN unnest(?::text[], ?::uuid[], ?::int[]) AS k(source_type, source_id, sequence)
                ON i.source_type = k.source_type AND i.source_id = k.source_id AND i.sequence = k.sequence""";

    /**
     * A key another transaction is claiming makes this one wait for it to end, then skips the key if it
     * committed: the keys are claimed in the order given, so callers pass them sorted.
     */
    private static final String CLAIM = """
            INSERT INTO issued_item (source_type, source_id, sequence, titre_id)
            SELECT * FROM unnest(?::text[], ?::uuid[], ?::int[], ?::uuid[])
            ON CONFLICT DO NOTHING
            RETURNING source_type, source_id, sequence""";

    /** {@code count} numbers at once; the row stays locked until the transaction ends, as for one. */
    private static final String NUMBERS = """
            INSERT INTO number_series (issuer, fiscal_year, last_number) VALUES (?, ?, ?)
            ON CONFLICT (issuer, fiscal_year) DO UPDATE SET last_number = number_series.last_number + EXCLUDED.last_number
            RETURNING last_number""";

    private static final String POSITIONS = "UPDATE feed_counter SET position = position + ? WHERE id = 1 RETURNING position";

    private static final String TITRES = """
            INSERT INTO titre (id, number, issuer, fiscal_year, serial, kind, issued_on, due_on,
                               issuer_name, issuer_siret, issuer_street, issuer_postal_code, issuer_city, issuer_court,
                               debtor_id, debtor_name, debtor_siret, debtor_street, debtor_postal_code, debtor_city,
                               debtor_chorus_ej, debtor_chorus_service, object, total, run_id, created_at)
            SELECT u.*, ?::uuid, now()
              FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::date[], ?::date[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::numeric[]) AS u""";

    private static final String LINES = """
            INSERT INTO titre_line (id, titre_id, line_no, label, basis, period_start, period_end, months, annual_amount,
                                    amount, source_type, source_id, sequence, item_kind)
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::date[], ?::date[], ?::numeric[],
                                 ?::numeric[], ?::numeric[], ?::text[], ?::uuid[], ?::int[], ?::text[])""";

    private static final String EVENTS = """
            INSERT INTO titre_event (position, titre_id, type)
            SELECT u.position, u.titre_id, ? FROM unnest(?::bigint[], ?::uuid[]) AS u(position, titre_id)""";

    @Inject
    EntityManager em;

    /** The keys among {@code keys} that already have their titre (committed, or claimed by this transaction). */
    public Set<ItemKey> issuedAmong(Collection<ItemKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<ItemKey> list = List.copyOf(keys);
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(ISSUED_AMONG)) {
                s.setArray(1, text(c, list.stream().map(ItemKey::sourceType)));
                s.setArray(2, text(c, list.stream().map(k -> k.sourceId().toString())));
                s.setArray(3, ints(c, list.stream().map(ItemKey::sequence)));
                return keys(s);
            }
        });
    }

    /** Claims the items, in the order given; answers the keys this transaction now holds (the others were issued). */
    public Set<ItemKey> claim(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setArray(1, text(c, claims.stream().map(x -> x.key().sourceType())));
                s.setArray(2, text(c, claims.stream().map(x -> x.key().sourceId().toString())));
                s.setArray(3, ints(c, claims.stream().map(x -> x.key().sequence())));
                s.setArray(4, text(c, claims.stream().map(x -> x.titreId().toString())));
                return keys(s);
            }
        });
    }

    /** Takes {@code count} numbers of the series; answers the first (the others follow it without gap). */
    public int takeNumbers(String issuer, int fiscalYear, int count) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(NUMBERS)) {
                s.setString(1, issuer);
                s.setInt(2, fiscalYear);
                s.setInt(3, count);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) - count + 1;
                }
            }
        });
    }

    /** Writes the titres and their lines, as built (numbers included). */
    public void insert(List<Titre> titres, UUID runId) {
        if (titres.isEmpty()) {
            return;
        }
        int n = titres.size();
        // One array per column, in the order of the statement's parameters (plain loops: this runs for every titre).
        String[][] t = new String[22][n];
        Integer[] fiscalYear = new Integer[n];
        Integer[] serial = new Integer[n];
        List<TitreLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Titre x = titres.get(i);
            t[0][i] = x.id.toString();
            t[1][i] = x.number;
            t[2][i] = x.issuer;
            fiscalYear[i] = x.fiscalYear;
            serial[i] = x.serial;
            t[3][i] = x.kind.name();
            t[4][i] = date(x.issuedOn);
            t[5][i] = date(x.dueOn);
            t[6][i] = x.issuerName;
            t[7][i] = x.issuerSiret;
            t[8][i] = x.issuerStreet;
            t[9][i] = x.issuerPostalCode;
            t[10][i] = x.issuerCity;
            t[11][i] = x.issuerCourt;
            t[12][i] = x.debtorId == null ? null : x.debtorId.toString();
            t[13][i] = x.debtorName;
            t[14][i] = x.debtorSiret;
            t[15][i] = x.debtorStreet;
            t[16][i] = x.debtorPostalCode;
            t[17][i] = x.debtorCity;
            t[18][i] = x.debtorChorusEj;
            t[19][i] = x.debtorChorusService;
            t[20][i] = x.object;
            t[21][i] = decimal(x.total);
            lines.addAll(x.lines);
        }
        int m = lines.size();
        String[][] l = new String[12][m];
        Integer[] lineNo = new Integer[m];
        Integer[] sequence = new Integer[m];
        for (int i = 0; i < m; i++) {
            TitreLine x = lines.get(i);
            l[0][i] = x.id.toString();
            l[1][i] = x.titre.id.toString();
            lineNo[i] = x.lineNo;
            l[2][i] = x.label;
            l[3][i] = x.basis;
            l[4][i] = date(x.periodStart);
            l[5][i] = date(x.periodEnd);
            l[6][i] = decimal(x.months);
            l[7][i] = decimal(x.annualAmount);
            l[8][i] = decimal(x.amount);
            l[9][i] = x.sourceType;
            l[10][i] = x.sourceId == null ? null : x.sourceId.toString();
            sequence[i] = x.sequence;
            l[11][i] = x.itemKind;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(TITRES)) {
                s.setObject(1, runId);
                int p = 2;
                for (int k = 0; k < t.length; k++) {
                    s.setArray(p++, c.createArrayOf("text", t[k]));
                    if (k == 2) { // after issuer: fiscal_year, serial
                        s.setArray(p++, c.createArrayOf("int4", fiscalYear));
                        s.setArray(p++, c.createArrayOf("int4", serial));
                    }
                }
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(LINES)) {
                int p = 1;
                for (int k = 0; k < l.length; k++) {
                    s.setArray(p++, c.createArrayOf("text", l[k]));
                    if (k == 1) { // after titre_id: line_no
                        s.setArray(p++, c.createArrayOf("int4", lineNo));
                    } else if (k == 10) { // after source_id: sequence
                        s.setArray(p++, c.createArrayOf("int4", sequence));
                    }
                }
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records one event of {@code type} per titre, in the order given, at consecutive feed positions. The
     * counter row stays locked until the transaction ends, so positions become visible in order, without
     * gaps (as {@code LedgerEvents.record} does for one).
     */
    public void recordEvents(List<UUID> titreIds, String type) {
        if (titreIds.isEmpty()) {
            return;
        }
        work(c -> {
            long last;
            try (PreparedStatement s = c.prepareStatement(POSITIONS)) {
                s.setLong(1, titreIds.size());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
            }
            long first = last - titreIds.size() + 1;
            Long[] positions = new Long[titreIds.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = first + i;
            }
            try (PreparedStatement s = c.prepareStatement(EVENTS)) {
                s.setString(1, type);
                s.setArray(2, c.createArrayOf("int8", positions));
                s.setArray(3, text(c, titreIds.stream().map(UUID::toString)));
                s.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(SqlWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    private static Set<ItemKey> keys(PreparedStatement s) throws SQLException {
        Set<ItemKey> keys = new HashSet<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.add(new ItemKey(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3)));
            }
        }
        return keys;
    }

    private static Array text(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }

    private static Array ints(Connection c, java.util.stream.Stream<Integer> values) throws SQLException {
        return c.createArrayOf("int4", values.toArray(Integer[]::new));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String decimal(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    /** Keys in a fixed order, the order in which concurrent claimants take them (no lock cycle between batches). */
    public static List<Claim> inClaimOrder(Collection<Claim> claims) {
        List<Claim> sorted = new ArrayList<>(claims);
        sorted.sort((a, b) -> {
            int c = a.key().sourceType().compareTo(b.key().sourceType());
            if (c != 0) {
                return c;
            }
            c = a.key().sourceId().toString().compareTo(b.key().sourceId().toString());
            return c != 0 ? c : Integer.compare(a.key().sequence(), b.key().sequence());
        });
        return sorted;
    }
}
