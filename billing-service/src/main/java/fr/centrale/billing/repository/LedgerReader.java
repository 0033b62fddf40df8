package fr.centrale.billing.repository;

import fr.centrale.billing.domain.ChainKey;
import fr.centrale.billing.domain.LedgerRecords;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ledger as the verification and the archives read it, over a plain JDBC connection (whatever its schema:
 * migration tests use one of their own), a page of rows at a time so that a ledger of any size streams through.
 * The caller holds the transaction (one snapshot for every read).
 */
public final class LedgerReader {

    /** Rows fetched per round trip while streaming. */
    private static final int FETCH = 2_000;

    private final Connection c;
    private final String issuer;
    private final Integer year;

    /** Reads the titres of {@code issuer} (null: all) and fiscal year {@code year} (null: all), and what hangs on them. */
    public LedgerReader(Connection c, String issuer, Integer year) {
        this.c = c;
        this.issuer = issuer;
        this.year = year;
    }

    /** A titre as stored, with the series it is chained in and the hash it carries. */
    public record StoredTitre(ChainKey series, LedgerRecords.TitreFields fields, String chainHash, UUID bordereauId) {
    }

    /**
     * A bordereau as stored (docs/rules.md, R-6), its record's position being its chain position (0 when it has none);
     * {@code running}: its billing run is still running, so it is not chained yet.
     */
    public record StoredBordereau(ChainKey series, LedgerRecords.BordereauFields fields, Long position, String chainHash,
                                  boolean running) {
    }

    /** A payment as stored, with its series, its titre's number, position and hash. */
    public record StoredPayment(ChainKey series, String titreNumber, LedgerRecords.PaymentFields fields, Long position,
                                String chainHash) {
    }

    /** One row of a check made in SQL: where, and what differs. */
    public record Finding(String series, String number, UUID id, Long position, String what) {
    }

    /** The condition on the titres of the scope, for the titre table aliased {@code t}. */
    public String scope(String t) {
        StringBuilder where = new StringBuilder("TRUE");
        if (issuer != null) {
            where.append(" AND ").append(t).append(".issuer = ?");
        }
        if (year != null) {
            where.append(" AND ").append(t).append(".fiscal_year = ?");
        }
        return where.toString();
    }

    /** Binds the scope's parameters from {@code index}; answers the next index. */
    public int bind(PreparedStatement s, int index) throws SQLException {
        if (issuer != null) {
            s.setString(index++, issuer);
        }
        if (year != null) {
            s.setInt(index++, year);
        }
        return index;
    }

    private static final String TITRES = """
            SELECT t.issuer, t.fiscal_year, t.kind, t.serial, t.id, t.number, t.issued_on, t.due_on, t.issuer_name, t.issuer_siret,
                   t.issuer_street, t.issuer_postal_code, t.issuer_city, t.issuer_court, t.debtor_id, t.debtor_name, t.debtor_siret,
                   t.debtor_street, t.debtor_postal_code, t.debtor_city, t.debtor_chorus_ej, t.debtor_chorus_service, t.object,
                   t.total_ht, t.total_vat, t.total, t.cancels_titre_id, t.reason, t.settings_revision_id, t.chain_hash,
                   l.line_no, l.id, l.label, l.basis, l.period_start, l.period_end, l.months, l.annual_amount, l.amount, l.vat_rate,
                   l.vat_amount, l.amount_ttc, l.taxation, l.legal_basis, l.source_type, l.source_id, l.sequence, l.item_kind,
                   t.bordereau_id
              FROM titre t LEFT JOIN titre_line l ON l.titre_id = t.id
             WHERE %s
             ORDER BY t.issuer, t.fiscal_year, (t.kind = 'MANDATE_673'), t.serial, t.id, l.line_no""";

    /** Every titre of the scope with its lines, series after series, in serial order. */
    public void titres(Consumer<StoredTitre> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TITRES.formatted(scope("t")))) {
            s.setFetchSize(FETCH);
            bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                UUID current = null;
                Object[] head = null;
                List<LedgerRecords.LineFields> lines = new ArrayList<>();
                while (rs.next()) {
                    UUID id = rs.getObject(5, UUID.class);
                    if (!id.equals(current)) {
                        if (head != null) {
                            sink.accept(titre(head, lines));
                        }
                        current = id;
                        head = new Object[31];
                        for (int i = 0; i < 30; i++) {
                            head[i] = rs.getObject(i + 1);
                        }
                        head[30] = rs.getObject(49);
                        lines = new ArrayList<>();
                    }
                    if (rs.getObject(31) != null) {
                        lines.add(new LedgerRecords.LineFields(rs.getInt(31), rs.getObject(32, UUID.class), rs.getString(33),
                                rs.getString(34), date(rs, 35), date(rs, 36), rs.getBigDecimal(37), rs.getBigDecimal(38),
                                rs.getBigDecimal(39), rs.getBigDecimal(40), rs.getBigDecimal(41), rs.getBigDecimal(42),
                                rs.getString(43), rs.getString(44), rs.getString(45), rs.getObject(46, UUID.class),
                                (Integer) rs.getObject(47), rs.getString(48)));
                    }
                }
                if (head != null) {
                    sink.accept(titre(head, lines));
                }
            }
        }
    }

    private static StoredTitre titre(Object[] h, List<LedgerRecords.LineFields> lines) {
        String issuer = (String) h[0];
        int year = ((Number) h[1]).intValue();
        String kind = (String) h[2];
        var fields = new LedgerRecords.TitreFields((UUID) h[4], (String) h[5], issuer, year, ((Number) h[3]).intValue(), kind,
                localDate(h[6]), localDate(h[7]), (String) h[8], (String) h[9], (String) h[10], (String) h[11], (String) h[12],
                (String) h[13], (UUID) h[14], (String) h[15], (String) h[16], (String) h[17], (String) h[18], (String) h[19],
                (String) h[20], (String) h[21], (String) h[22], (BigDecimal) h[23], (BigDecimal) h[24], (BigDecimal) h[25],
                (UUID) h[26], (String) h[27], (UUID) h[28], List.copyOf(lines));
        return new StoredTitre(new ChainKey(issuer, year, "MANDATE_673".equals(kind) ? ChainKey.Kind.MANDATE_673 : ChainKey.Kind.TITRE),
                fields, (String) h[29], (UUID) h[30]);
    }

    private static final String BORDEREAUX = """
            SELECT t.issuer, t.fiscal_year, t.chain_position, t.id, t.number, t.serial, t.issued_on, t.source, t.run_id,
                   t.correction_titre_id, t.settings_revision_id, t.titre_count, t.total_ht, t.total_vat, t.total_ttc, t.chain_hash,
                   coalesce(r.status = 'RUNNING', false),
                   ARRAY(SELECT x.number FROM titre x WHERE x.bordereau_id = t.id ORDER BY x.serial, x.id),
                   ARRAY(SELECT q.vat_rate FROM bordereau_rate q WHERE q.bordereau_id = t.id ORDER BY q.vat_rate),
                   ARRAY(SELECT q.total_ht FROM bordereau_rate q WHERE q.bordereau_id = t.id ORDER BY q.vat_rate),
                   ARRAY(SELECT q.total_vat FROM bordereau_rate q WHERE q.bordereau_id = t.id ORDER BY q.vat_rate),
                   ARRAY(SELECT q.total_ttc FROM bordereau_rate q WHERE q.bordereau_id = t.id ORDER BY q.vat_rate)
              FROM bordereau t LEFT JOIN billing_run r ON r.id = t.run_id
             WHERE %s
             ORDER BY t.issuer, t.fiscal_year, t.chain_position NULLS LAST, t.serial, t.id""";

    /**
     * Every bordereau of the scope with its totals per rate and its titres' numbers in serial order, series after series,
     * in chain order (those not chained last). A bordereau lists up to a run's titres for its issuer: a few rows per fetch.
     */
    public void bordereaux(Consumer<StoredBordereau> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BORDEREAUX.formatted(scope("t")))) {
            s.setFetchSize(20);
            bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long position = (Long) rs.getObject(3);
                    Object[] numbers = (Object[]) rs.getArray(18).getArray();
                    Object[] rates = (Object[]) rs.getArray(19).getArray();
                    Object[] ht = (Object[]) rs.getArray(20).getArray();
                    Object[] vat = (Object[]) rs.getArray(21).getArray();
                    Object[] ttc = (Object[]) rs.getArray(22).getArray();
                    List<LedgerRecords.RateFields> byRate = new ArrayList<>(rates.length);
                    for (int i = 0; i < rates.length; i++) {
                        byRate.add(new LedgerRecords.RateFields((BigDecimal) rates[i], (BigDecimal) ht[i], (BigDecimal) vat[i],
                                (BigDecimal) ttc[i]));
                    }
                    List<String> titres = new ArrayList<>(numbers.length);
                    for (Object n : numbers) {
                        titres.add((String) n);
                    }
                    String issuer = rs.getString(1);
                    int year = rs.getInt(2);
                    var fields = new LedgerRecords.BordereauFields(position == null ? 0 : position, rs.getObject(4, UUID.class),
                            rs.getString(5), issuer, year, rs.getInt(6), date(rs, 7), rs.getString(8), rs.getObject(9, UUID.class),
                            rs.getObject(10, UUID.class), rs.getObject(11, UUID.class), rs.getInt(12), rs.getBigDecimal(13),
                            rs.getBigDecimal(14), rs.getBigDecimal(15), byRate, titres);
                    sink.accept(new StoredBordereau(new ChainKey(issuer, year, ChainKey.Kind.BORDEREAU), fields, position,
                            rs.getString(16), rs.getBoolean(17)));
                }
            }
        }
    }

    private static final String PAYMENTS = """
            SELECT t.issuer, t.fiscal_year, t.number, p.chain_position, p.id, p.titre_id, p.amount, p.paid_on, p.reference, p.chain_hash
              FROM payment p JOIN titre t ON t.id = p.titre_id
             WHERE %s
             ORDER BY t.issuer, t.fiscal_year, p.chain_position NULLS LAST, p.created_at, p.id""";

    /** Every payment of the scope's titres, chain after chain, in chain order. */
    public void payments(Consumer<StoredPayment> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PAYMENTS.formatted(scope("t")))) {
            s.setFetchSize(FETCH);
            bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long position = (Long) rs.getObject(4);
                    sink.accept(new StoredPayment(new ChainKey(rs.getString(1), rs.getInt(2), ChainKey.Kind.PAYMENT), rs.getString(3),
                            new LedgerRecords.PaymentFields(position == null ? 0 : position, rs.getObject(5, UUID.class),
                                    rs.getObject(6, UUID.class), rs.getBigDecimal(7), date(rs, 8), rs.getString(9)),
                            position, rs.getString(10)));
                }
            }
        }
    }

    /** The heads of the scope's series ({@code ledger_chain}). */
    public Map<ChainKey, LedgerChainRepository.Head> heads() throws SQLException {
        Map<ChainKey, LedgerChainRepository.Head> heads = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT issuer, fiscal_year, kind, length, head FROM ledger_chain t WHERE "
                + scope("t") + " ORDER BY issuer, fiscal_year, kind")) {
            bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ChainKey.Kind kind;
                    try {
                        kind = ChainKey.Kind.valueOf(rs.getString(3));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    heads.put(new ChainKey(rs.getString(1), rs.getInt(2), kind), new LedgerChainRepository.Head(rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return heads;
    }

    /** The last number given in each of the scope's number series of titres, mandats 673 and bordereaux. */
    public Map<ChainKey, Long> numberSeries() throws SQLException {
        Map<ChainKey, Long> series = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT issuer, fiscal_year, series, last_number FROM number_series t WHERE "
                + scope("t") + " AND series IN ('', 'M673', 'B')")) {
            bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ChainKey.Kind kind = switch (rs.getString(3)) {
                        case "" -> ChainKey.Kind.TITRE;
                        case "M673" -> ChainKey.Kind.MANDATE_673;
                        default -> ChainKey.Kind.BORDEREAU;
                    };
                    series.put(new ChainKey(rs.getString(1), rs.getInt(2), kind), rs.getLong(4));
                }
            }
        }
        return series;
    }

    /**
     * The rows of a check made in SQL, at most {@code limit}: its SELECT answers series, number, id, position, what;
     * {@code %s} in it stands for the scope's condition on {@code t}, as many times as {@code scopes}.
     */
    public List<Finding> findings(String sql, int scopes, int limit) throws SQLException {
        String[] conditions = new String[scopes];
        java.util.Arrays.fill(conditions, scope("t"));
        List<Finding> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.formatted((Object[]) conditions) + " LIMIT " + limit)) {
            int index = 1;
            for (int i = 0; i < scopes; i++) {
                index = bind(s, index);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Finding(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), (Long) rs.getObject(4),
                            rs.getString(5)));
                }
            }
        }
        return found;
    }

    /** One number answered by {@code sql} (with the scope as {@link #findings}). */
    public long count(String sql, int scopes) throws SQLException {
        String[] conditions = new String[scopes];
        java.util.Arrays.fill(conditions, scope("t"));
        try (PreparedStatement s = c.prepareStatement(sql.formatted((Object[]) conditions))) {
            int index = 1;
            for (int i = 0; i < scopes; i++) {
                index = bind(s, index);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalDate.class);
    }

    private static LocalDate localDate(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
