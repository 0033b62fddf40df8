package fr.centrale.billing.repository;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreLine;
import fr.centrale.common.billing.BillableItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

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
 * The ledger writes of a billing run, a batch of items at a time: one round trip per table and batch
 * instead of one per row (claims: PostgreSQL {@code unnest} of one array per column, with RETURNING; titres,
 * lines and events: {@code COPY}, {@link CopyRows}). Must run inside the
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

    /** An item to claim for the titre that will be written for it; {@code titreId} null: the item is waived. */
    public record Claim(ItemKey key, UUID titreId) {
    }

    /** An item below its issuer's threshold, as the run that met it records it (docs/rules.md, R-2). */
    public record Waiver(BillableItem item, java.math.BigDecimal amountHt, java.math.BigDecimal amountTtc,
                         java.math.BigDecimal threshold) {
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
            INSERT INTO issued_item (source_type, source_id, sequence, titre_id, waived)
            SELECT k.*, k.titre_id IS NULL FROM unnest(?::text[], ?::uuid[], ?::int[], ?::uuid[]) AS k(source_type, source_id, sequence, titre_id)
            ON CONFLICT DO NOTHING
            RETURNING source_type, source_id, sequence""";

    /** {@code count} numbers at once; the row stays locked until the transaction ends, as for one. */
    private static final String NUMBERS = """
            INSERT INTO number_series (issuer, fiscal_year, series, last_number) VALUES (?, ?, '', ?)
            ON CONFLICT (issuer, fiscal_year, series) DO UPDATE SET last_number = number_series.last_number + EXCLUDED.last_number
            RETURNING last_number""";

    private static final String POSITIONS = "UPDATE feed_counter SET position = position + ? WHERE id = 1 RETURNING position";

    /**
     * Titres, lines and events go by {@code COPY ... FROM STDIN} ({@link CopyRows}): one statement per table and batch,
     * the cheapest way for PostgreSQL to take many rows (constraints, triggers and indexes run as for an insert).
     */
    private static final String TITRE_COLUMNS = """
            id, number, issuer, fiscal_year, serial, kind, issued_on, due_on,
            issuer_name, issuer_siret, issuer_street, issuer_postal_code, issuer_city, issuer_court,
            debtor_id, debtor_name, debtor_siret, debtor_street, debtor_postal_code, debtor_city,
            debtor_chorus_ej, debtor_chorus_service, object, total, run_id, total_ht, total_vat,
            settings_revision_id, bordereau_id, chain_hash""";

    private static final String LINE_COLUMNS = """
            id, titre_id, line_no, label, basis, period_start, period_end, months, annual_amount,
            amount, source_type, source_id, sequence, item_kind, vat_rate, vat_amount, amount_ttc,
            taxation, legal_basis""";

    private static final String EVENT_COLUMNS = "position, titre_id, type";

    private static final String WAIVER = """
            INSERT INTO waived_item (source_type, source_id, sequence, run_id, issuer, debtor_id, label, issue_on, waived_on,
                                     amount_ht, amount_ttc, threshold)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
                s.setArray(4, text(c, claims.stream().map(x -> x.titreId() == null ? null : x.titreId().toString())));
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
        int lineCount = 0;
        CopyRows titreRows = new CopyRows(30, titres.size());
        for (Titre t : titres) {
            titreRows.add(t.id).add(t.number).add(t.issuer).add(t.fiscalYear).add(t.serial).add(t.kind).add(t.issuedOn).add(t.dueOn)
                    .add(t.issuerName).add(t.issuerSiret).add(t.issuerStreet).add(t.issuerPostalCode).add(t.issuerCity).add(t.issuerCourt)
                    .add(t.debtorId).add(t.debtorName).add(t.debtorSiret).add(t.debtorStreet).add(t.debtorPostalCode).add(t.debtorCity)
                    .add(t.debtorChorusEj).add(t.debtorChorusService).add(t.object).add(t.total).add(runId).add(t.totalHt).add(t.totalVat)
                    .add(t.settingsRevisionId)
                    .add(t.bordereauId) // docs/rules.md, R-6
                    .add(t.chainHash);
            titreRows.endRow();
            lineCount += t.lines.size();
        }
        CopyRows lineRows = new CopyRows(19, lineCount);
        for (Titre t : titres) {
            for (TitreLine l : t.lines) {
                lineRows.add(l.id).add(t.id).add(l.lineNo).add(l.label).add(l.basis).add(l.periodStart).add(l.periodEnd)
                        .add(l.months).add(l.annualAmount).add(l.amount).add(l.sourceType).add(l.sourceId).add(l.sequence)
                        .add(l.itemKind).add(l.vatRate).add(l.vatAmount).add(l.amountTtc).add(l.taxation).add(l.legalBasis);
                lineRows.endRow();
            }
        }
        work(c -> {
            titreRows.copyInto(c, "titre", TITRE_COLUMNS);
            lineRows.copyInto(c, "titre_line", LINE_COLUMNS);
            return null;
        });
    }

    /** Records the waived items claimed by this transaction (the run that met them, on {@code waivedOn}). */
    public void insertWaivers(List<Waiver> waivers, UUID runId, LocalDate waivedOn) {
        if (waivers.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement(WAIVER)) {
                for (Waiver w : waivers) {
                    BillableItem i = w.item();
                    s.setString(1, i.sourceType().name());
                    s.setObject(2, i.sourceId());
                    s.setInt(3, i.sequence());
                    s.setObject(4, runId);
                    s.setString(5, i.issuer());
                    s.setObject(6, i.debtorId());
                    s.setString(7, i.label());
                    s.setObject(8, i.issueOn());
                    s.setObject(9, waivedOn);
                    s.setBigDecimal(10, w.amountHt());
                    s.setBigDecimal(11, w.amountTtc());
                    s.setBigDecimal(12, w.threshold());
                    s.addBatch();
                }
                s.executeBatch();
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
            CopyRows rows = new CopyRows(3, titreIds.size());
            for (int i = 0; i < titreIds.size(); i++) {
                rows.add(first + i).add(titreIds.get(i)).add(type);
                rows.endRow();
            }
            rows.copyInto(c, "titre_event", EVENT_COLUMNS);
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
