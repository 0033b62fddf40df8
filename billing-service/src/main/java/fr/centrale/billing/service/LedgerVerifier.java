package fr.centrale.billing.service;

import fr.centrale.billing.api.LedgerVerificationView;
import fr.centrale.billing.domain.Bordereaux;
import fr.centrale.billing.domain.ChainKey;
import fr.centrale.billing.domain.ChainWalk;
import fr.centrale.billing.domain.LedgerRecords;
import fr.centrale.billing.domain.TitreChecks;
import fr.centrale.billing.repository.LedgerChainRepository.Head;
import fr.centrale.billing.repository.LedgerReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the ledger (billing-service README, "Tamper evidence"), in one read-only snapshot:
 * <ul>
 * <li>CHAINS: each chained series (titres, mandats 673, payments, bordereaux) from its first record, every stored hash
 * against its record and the previous hash, and the series' head (ledger_chain); a bordereau whose run is over is
 * chained;</li>
 * <li>NUMBER_SERIES: serials 1..n of each number series (titres, mandats 673, bordereaux) without gap nor double, each
 * number that of its serial, the last one the series' last number;</li>
 * <li>TOTALS: each titre's totals against its lines (domain/TitreChecks); each bordereau's count and totals, overall and
 * per VAT rate, against the lines of the titres that name it (domain/Bordereaux);</li>
 * <li>BALANCES: payments and corrections against the titres' balances (nothing paid or corrected beyond the total,
 * payments only on originals and not before their issue, corrections of an original of the same issuer and debtor,
 * of the same fiscal year or, by a mandat 673, of an earlier one: docs/rules.md, R-7);</li>
 * <li>CLAIMS: each item billed by a titre is claimed for that titre, each claim billed by its titre, each waived
 * claim described and each waived item claimed as waived;</li>
 * <li>EVENTS: feed positions 1..n without gap up to the feed counter, one ISSUED event per titre, one PAYMENT event
 * per payment, one CANCELLATION or REDUCTION event per correction;</li>
 * <li>REFERENCES: what a billing run writes for each titre without a foreign key to check it at insert (V13): the
 * titre's run, bordereau and settings revision exist, each feed event and each claim names an existing titre.</li>
 * </ul>
 * With an issuer or a year, each check reads the titres of that scope (and what hangs on them); the feed's positions are
 * always checked whole.
 */
@ApplicationScoped
public class LedgerVerifier {

    private static final Logger LOG = Logger.getLogger(LedgerVerifier.class);
    /** Breaks listed in an answer; the others are counted. */
    public static final int BREAKS_LISTED = 1_000;

    public enum Check {
        CHAINS("each chained series (titres, mandats 673, payments, bordereaux) recomputed from its first record: every stored hash "
                + "= SHA-256(previous hash, record), and the head"),
        NUMBER_SERIES("serials 1..n of each number series (titres, mandats 673, bordereaux) without gap nor double, each number that "
                + "of its serial, the last one given"),
        TOTALS("each titre's HT, VAT and TTC totals against its lines; TTC = HT + VAT; an original's VAT per line (R-1); each "
                + "bordereau's count and totals, overall and per rate, against its titres' lines (R-6)"),
        BALANCES("payments and corrections against the titres: never beyond the total, payments on originals after their issue, "
                + "corrections of an original of the same issuer, debtor and fiscal year, or of an earlier one by a mandat 673 (R-7)"),
        CLAIMS("each item a titre bills is claimed for it, each claim is billed by its titre, waived claims and waived items match"),
        EVENTS("feed positions 1..n without gap; one ISSUED event per titre, one PAYMENT per payment, one CANCELLATION or REDUCTION per correction"),
        REFERENCES("each titre's billing run, bordereau and issuer settings revision exist; each feed event and each claim names an "
                + "existing titre (checked here rather than by foreign keys at each insert: V13)");

        final String description;

        Check(String description) {
            this.description = description;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Verifies the application's ledger, in a read-only transaction of its own. */
    public LedgerVerificationView verify(String issuer, Integer year) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                try (java.sql.Statement s = c.createStatement()) {
                    // The titres are read sorted by series and serial, and the checks aggregate payments, corrections and
                    // events by titre: with PostgreSQL's default 4 MB these sorts and hashes spill to disk at Q1 scale.
                    s.execute("SET LOCAL work_mem = '256MB'");
                }
                return verify(c, issuer, year);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not be read: " + e.getMessage(), e);
        }
    }

    /** What the breaks found so far are: all counted, the first {@link #BREAKS_LISTED} kept. */
    private static final class Breaks {
        final List<LedgerVerificationView.Break> listed = new ArrayList<>();
        final Map<Check, Long> counts = new EnumMap<>(Check.class);
        final Map<Check, Long> checked = new EnumMap<>(Check.class);
        /** Chain and number series breaks per series. */
        final Map<String, Long> bySeries = new java.util.HashMap<>();
        long total;

        void add(Check check, String series, String number, java.util.UUID id, Long position, String what) {
            total++;
            counts.merge(check, 1L, Long::sum);
            if ((check == Check.CHAINS || check == Check.NUMBER_SERIES) && series != null) {
                bySeries.merge(series, 1L, Long::sum);
            }
            if (listed.size() < BREAKS_LISTED) {
                listed.add(new LedgerVerificationView.Break(check.name(), series, number, id, position, what));
            }
        }

        void add(ChainWalk.Break b) {
            add(Check.valueOf(b.check().name()), b.series().label(), b.number(), b.id(), b.position(), b.what());
        }

        void checked(Check check, long n) {
            checked.merge(check, n, Long::sum);
        }
    }

    /**
     * Verifies the ledger reachable through {@code c} (its schema), for {@code issuer} and {@code year} (null: all); the
     * caller holds the transaction.
     */
    public LedgerVerificationView verify(Connection c, String issuer, Integer year) throws SQLException {
        long started = System.nanoTime();
        Instant at = Instant.now();
        LedgerReader ledger = new LedgerReader(c, issuer, year);
        Breaks breaks = new Breaks();
        Map<ChainKey, Head> heads = ledger.heads();
        Map<ChainKey, Long> numbers = ledger.numberSeries();
        Map<ChainKey, ChainWalk> walks = new TreeMap<>();

        // Titres and mandats 673: chains, number series and totals, one pass; the sums of each bordereau's titres.
        ChainWalk[] current = {null};
        Map<java.util.UUID, Bordereaux.Sums> bordereauSums = new java.util.HashMap<>();
        ledger.titres(t -> {
            LedgerRecords.TitreFields f = t.fields();
            if (t.bordereauId() != null) {
                bordereauSums.computeIfAbsent(t.bordereauId(), id -> new Bordereaux.Sums()).add(f);
            }
            if (current[0] == null || !current[0].series().equals(t.series())) {
                current[0] = walks.computeIfAbsent(t.series(), s -> new ChainWalk(s, true, breaks::add));
            }
            current[0].accept(new ChainWalk.Entry(f.serial(), f.id(), f.number(), t.chainHash(), LedgerRecords.titre(f)));
            for (String what : TitreChecks.differences(f)) {
                breaks.add(Check.TOTALS, t.series().label(), f.number(), f.id(), (long) f.serial(), what);
            }
        });
        long titres = walks.values().stream().mapToLong(ChainWalk::count).sum();
        long titresRead = System.nanoTime();
        breaks.checked(Check.NUMBER_SERIES, titres);
        breaks.checked(Check.TOTALS, titres);

        // Payments.
        ledger.payments(p -> {
            if (current[0] == null || !current[0].series().equals(p.series())) {
                current[0] = walks.computeIfAbsent(p.series(), s -> new ChainWalk(s, false, breaks::add));
            }
            ChainWalk walk = current[0];
            LedgerRecords.PaymentFields f = p.fields();
            if (p.position() == null) {
                f = new LedgerRecords.PaymentFields(walk.nextPosition(), f.id(), f.titreId(), f.amount(), f.paidOn(), f.reference());
                breaks.add(Check.CHAINS, p.series().label(), p.titreNumber(), f.id(), null, "payment without a chain position");
            }
            walk.accept(new ChainWalk.Entry(f.position(), f.id(), p.titreNumber(), p.chainHash(), LedgerRecords.payment(f)));
        });

        // Bordereaux (docs/rules.md, R-6): their chain in chain order, their number series, their totals against their titres.
        Map<ChainKey, List<Bordereaux.Numbered>> bordereauNumbers = new TreeMap<>();
        Map<ChainKey, Long> open = new java.util.HashMap<>();
        long[] bordereaux = {0};
        ledger.bordereaux(b -> {
            bordereaux[0]++;
            LedgerRecords.BordereauFields f = b.fields();
            String label = b.series().label();
            bordereauNumbers.computeIfAbsent(b.series(), k -> new ArrayList<>()).add(new Bordereaux.Numbered(f.serial(), f.id(), f.number()));
            Bordereaux.Sums sums = bordereauSums.remove(f.id());
            for (String what : Bordereaux.differences(f, (sums == null ? new Bordereaux.Sums() : sums).totals())) {
                breaks.add(Check.TOTALS, label, f.number(), f.id(), (long) f.serial(), what);
            }
            if (b.position() == null) {
                if (b.running()) {
                    open.merge(b.series(), 1L, Long::sum); // chained when its run ends
                } else {
                    breaks.add(Check.CHAINS, label, f.number(), f.id(), null, "bordereau without a chain position, though "
                            + (f.runId() == null ? "it is a correction's" : "its run is over"));
                }
                return;
            }
            if (current[0] == null || !current[0].series().equals(b.series())) {
                current[0] = walks.computeIfAbsent(b.series(), s -> new ChainWalk(s, false, breaks::add));
            }
            current[0].accept(new ChainWalk.Entry(b.position(), f.id(), f.number(), b.chainHash(), LedgerRecords.bordereau(f)));
        });
        numbers.keySet().stream().filter(k -> k.kind() == ChainKey.Kind.BORDEREAU)
                .forEach(k -> bordereauNumbers.putIfAbsent(k, List.of()));
        bordereauNumbers.forEach((series, list) -> Bordereaux.seriesBreaks(series, list, numbers.get(series)).forEach(breaks::add));
        breaks.checked(Check.NUMBER_SERIES, bordereaux[0]);
        breaks.checked(Check.TOTALS, bordereaux[0]);
        breaks.checked(Check.CHAINS, walks.values().stream().mapToLong(ChainWalk::count).sum());

        // Each series against its head and its number series; heads and number series without records.
        List<LedgerVerificationView.Chain> chains = new ArrayList<>();
        Map<ChainKey, Boolean> seen = new LinkedHashMap<>();
        walks.forEach((series, walk) -> seen.put(series, true));
        heads.keySet().forEach(k -> seen.putIfAbsent(k, true));
        numbers.keySet().forEach(k -> seen.putIfAbsent(k, true));
        for (ChainKey series : new TreeMap<>(seen).keySet()) {
            if (!VERIFIED.contains(series.kind())) {
                continue;
            }
            // Titres and mandats: the position is the serial; payments and bordereaux: the chain position.
            boolean numbered = series.kind() == ChainKey.Kind.TITRE || series.kind() == ChainKey.Kind.MANDATE_673;
            ChainWalk walk = walks.computeIfAbsent(series, s -> new ChainWalk(s, numbered, breaks::add));
            Head head = heads.get(series);
            walk.finish(head == null ? null : head.length(), head == null ? null : head.hash(), numbered ? numbers.get(series) : null);
            chains.add(new LedgerVerificationView.Chain(series.issuer(), series.fiscalYear(), series.kind().name(), series.label(),
                    walk.count(), head == null ? null : head.length(), walk.count() == 0 ? null : walk.head(),
                    breaks.bySeries.getOrDefault(series.label(), 0L) == 0,
                    series.kind() == ChainKey.Kind.BORDEREAU ? open.getOrDefault(series, 0L) : null));
        }

        long chainsDone = System.nanoTime();
        // The checks made in SQL.
        sqlChecks(ledger, issuer == null && year == null, breaks);

        List<LedgerVerificationView.Check> checks = new ArrayList<>();
        for (Check check : Check.values()) {
            long n = breaks.counts.getOrDefault(check, 0L);
            checks.add(new LedgerVerificationView.Check(check.name(), n == 0, breaks.checked.getOrDefault(check, 0L), n, check.description));
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Ledger verification (issuer %s, year %s): %d break(s), %d record(s) chained, in %d ms (titres %d ms, payments and "
                        + "heads %d ms, balances, claims and events %d ms)", issuer, year, breaks.total,
                breaks.checked.getOrDefault(Check.CHAINS, 0L), ms, (titresRead - started) / 1_000_000,
                (chainsDone - titresRead) / 1_000_000, (System.nanoTime() - chainsDone) / 1_000_000);
        return new LedgerVerificationView(issuer, year, breaks.total == 0, at, ms, checks, chains, breaks.listed, breaks.total);
    }

    /** The kinds of series verified: every kind. */
    static final java.util.Set<ChainKey.Kind> VERIFIED = java.util.EnumSet.of(ChainKey.Kind.TITRE, ChainKey.Kind.MANDATE_673,
            ChainKey.Kind.PAYMENT, ChainKey.Kind.BORDEREAU);

    /** The series of titre {@code t} as named in breaks: RESAH-2025 or RESAH-2025-M673. */
    private static final String SERIES = "t.issuer || '-' || t.fiscal_year || CASE WHEN t.kind = 'MANDATE_673' THEN '-M673' ELSE '' END";

    private static final String BALANCES = """
            SELECT %1$s, t.number, t.id, t.serial::bigint,
                   'paid ' || coalesce(p.paid, 0) || ' and corrected ' || coalesce(c.corrected, 0) || ' exceed its total ' || t.total
              FROM titre t
              LEFT JOIN (SELECT titre_id, sum(amount) AS paid FROM payment GROUP BY titre_id) p ON p.titre_id = t.id
              LEFT JOIN (SELECT cancels_titre_id, sum(total) AS corrected FROM titre WHERE cancels_titre_id IS NOT NULL
                          GROUP BY cancels_titre_id) c ON c.cancels_titre_id = t.id
             WHERE %%s AND t.kind = 'ORIGINAL' AND coalesce(p.paid, 0) + coalesce(c.corrected, 0) > t.total
            UNION ALL
            SELECT %1$s, t.number, p.id, p.chain_position, 'payment of ' || p.amount || ' on a ' || t.kind || ', which claims nothing'
              FROM payment p JOIN titre t ON t.id = p.titre_id WHERE %%s AND t.kind <> 'ORIGINAL'
            UNION ALL
            SELECT %1$s, t.number, p.id, p.chain_position, 'payment dated ' || p.paid_on || ', before the titre''s issue on ' || t.issued_on
              FROM payment p JOIN titre t ON t.id = p.titre_id WHERE %%s AND p.paid_on < t.issued_on
            UNION ALL
            SELECT %1$s, t.number, t.id, t.serial::bigint, CASE
                       WHEN o.kind <> 'ORIGINAL' THEN 'corrects ' || o.number || ', a ' || o.kind || ' (only an original is corrected)'
                       WHEN o.issuer <> t.issuer OR o.debtor_id <> t.debtor_id THEN 'corrects ' || o.number || ' of another issuer or debtor'
                       WHEN t.kind = 'MANDATE_673' THEN 'a mandat 673 of ' || t.fiscal_year || ' corrects ' || o.number || ' of '
                           || o.fiscal_year || ': only a titre of an earlier (closed) year is corrected so (R-7)'
                       ELSE 'a ' || t.kind || ' of ' || t.fiscal_year || ' corrects ' || o.number || ' of ' || o.fiscal_year
                           || ': a titre of a closed year is corrected by a mandat 673 (R-7)' END
              FROM titre t JOIN titre o ON o.id = t.cancels_titre_id
             WHERE %%s AND (o.kind <> 'ORIGINAL' OR o.issuer <> t.issuer OR o.debtor_id <> t.debtor_id
                            OR (t.kind = 'MANDATE_673' AND o.fiscal_year >= t.fiscal_year)
                            OR (t.kind <> 'MANDATE_673' AND o.fiscal_year <> t.fiscal_year))""".formatted(SERIES);

    private static final String CLAIMS = """
            SELECT %1$s, t.number, t.id, t.serial::bigint,
                   'line ' || l.line_no || ' bills ' || l.source_type || ' ' || l.source_id || ' #' || l.sequence || CASE
                       WHEN i.source_id IS NULL THEN ', which is not claimed'
                       WHEN i.waived THEN ', which is claimed as waived'
                       ELSE ', which is claimed for another titre (' || i.titre_id || ')' END
              FROM titre t JOIN titre_line l ON l.titre_id = t.id
              LEFT JOIN issued_item i ON i.source_type = l.source_type AND i.source_id = l.source_id AND i.sequence = l.sequence
             WHERE %%s AND l.source_id IS NOT NULL AND i.titre_id IS DISTINCT FROM t.id
            UNION ALL
            SELECT %1$s, t.number, t.id, t.serial::bigint,
                   'claims ' || i.source_type || ' ' || i.source_id || ' #' || i.sequence || ' but no line of it bills that item'
              FROM issued_item i JOIN titre t ON t.id = i.titre_id
             WHERE %%s AND NOT EXISTS (SELECT 1 FROM titre_line l WHERE l.titre_id = i.titre_id AND l.source_type = i.source_type
                                                                  AND l.source_id = i.source_id AND l.sequence = i.sequence)
            UNION ALL
            SELECT t.issuer || '-' || t.fiscal_year, NULL, NULL::uuid, NULL::bigint,
                   'waived item ' || t.source_type || ' ' || t.source_id || ' #' || t.sequence || ' is not claimed as waived'
              FROM (SELECT w.*, extract(year FROM w.waived_on)::int AS fiscal_year FROM waived_item w) t
              JOIN issued_item i ON i.source_type = t.source_type AND i.source_id = t.source_id AND i.sequence = t.sequence
             WHERE %%s AND NOT i.waived""".formatted(SERIES);

    /** Waived claims without their description: the claim names no issuer, so only a verification of everything sees them. */
    private static final String WAIVED_CLAIMS = """
            SELECT 'waived', NULL, NULL::uuid, NULL::bigint,
                   'claim ' || i.source_type || ' ' || i.source_id || ' #' || i.sequence || ' is waived but no waived item describes it'
              FROM issued_item i
             WHERE i.waived AND NOT EXISTS (SELECT 1 FROM waived_item w WHERE w.source_type = i.source_type
                                                AND w.source_id = i.source_id AND w.sequence = i.sequence)""";

    /** What a titre names that a foreign key no longer checks at insert (V13): its run, its bordereau, its settings revision. */
    private static final String TITRE_REFERENCES = """
            SELECT %1$s, t.number, t.id, t.serial::bigint,
                   concat_ws('; ',
                       CASE WHEN t.run_id IS NOT NULL AND r.id IS NULL THEN 'names billing run ' || t.run_id || ', which does not exist' END,
                       CASE WHEN t.bordereau_id IS NOT NULL AND b.id IS NULL THEN 'names bordereau ' || t.bordereau_id || ', which does not exist' END,
                       CASE WHEN t.settings_revision_id IS NOT NULL AND s.id IS NULL
                            THEN 'names issuer settings revision ' || t.settings_revision_id || ', which does not exist' END)
              FROM titre t
              LEFT JOIN billing_run r ON r.id = t.run_id
              LEFT JOIN bordereau b ON b.id = t.bordereau_id
              LEFT JOIN issuer_settings s ON s.id = t.settings_revision_id
             WHERE %%s AND ((t.run_id IS NOT NULL AND r.id IS NULL) OR (t.bordereau_id IS NOT NULL AND b.id IS NULL)
                            OR (t.settings_revision_id IS NOT NULL AND s.id IS NULL))""".formatted(SERIES);

    /** Feed events and claims naming a titre that does not exist (V13: no foreign key checks them at insert). */
    private static final String DANGLING_TITRE_IDS = """
            SELECT 'feed', NULL, e.titre_id, e.position, 'feed position ' || e.position || ' names titre ' || e.titre_id
                   || ', which does not exist'
              FROM titre_event e WHERE NOT EXISTS (SELECT 1 FROM titre t WHERE t.id = e.titre_id)
            UNION ALL
            SELECT 'claims', NULL, i.titre_id, NULL::bigint, 'claim ' || i.source_type || ' ' || i.source_id || ' #' || i.sequence
                   || ' names titre ' || i.titre_id || ', which does not exist'
              FROM issued_item i WHERE i.titre_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM titre t WHERE t.id = i.titre_id)""";

    private static final String FEED_GAPS = """
            SELECT 'feed', NULL, NULL::uuid, g::bigint, 'feed position ' || g || ' is missing'
              FROM generate_series(1::bigint, (SELECT position FROM feed_counter WHERE id = 1)) g
             WHERE NOT EXISTS (SELECT 1 FROM titre_event e WHERE e.position = g)
            UNION ALL
            SELECT 'feed', NULL, e.titre_id, e.position, 'feed position ' || e.position || ' is beyond the feed counter'
              FROM titre_event e WHERE e.position > (SELECT position FROM feed_counter WHERE id = 1) OR e.position < 1""";

    private static final String EVENTS = """
            SELECT %1$s, t.number, t.id, t.serial::bigint,
                   concat_ws('; ',
                       CASE WHEN coalesce(e.issued, 0) <> 1 THEN coalesce(e.issued, 0) || ' ISSUED event(s) instead of 1' END,
                       CASE WHEN coalesce(e.payments, 0) <> coalesce(p.n, 0)
                            THEN coalesce(e.payments, 0) || ' PAYMENT event(s) for ' || coalesce(p.n, 0) || ' payment(s)' END,
                       CASE WHEN coalesce(e.corrections, 0) <> coalesce(c.n, 0)
                            THEN coalesce(e.corrections, 0) || ' CANCELLATION or REDUCTION event(s) for ' || coalesce(c.n, 0)
                                 || ' correction(s)' END)
              FROM titre t
              LEFT JOIN (SELECT titre_id, count(*) FILTER (WHERE type = 'ISSUED') AS issued,
                                count(*) FILTER (WHERE type = 'PAYMENT') AS payments,
                                count(*) FILTER (WHERE type IN ('CANCELLATION', 'REDUCTION')) AS corrections
                           FROM titre_event GROUP BY titre_id) e ON e.titre_id = t.id
              LEFT JOIN (SELECT titre_id, count(*) AS n FROM payment GROUP BY titre_id) p ON p.titre_id = t.id
              LEFT JOIN (SELECT cancels_titre_id, count(*) AS n FROM titre WHERE cancels_titre_id IS NOT NULL GROUP BY cancels_titre_id) c
                     ON c.cancels_titre_id = t.id
             WHERE %%s AND (coalesce(e.issued, 0) <> 1 OR coalesce(e.payments, 0) <> coalesce(p.n, 0)
                            OR coalesce(e.corrections, 0) <> coalesce(c.n, 0))""".formatted(SERIES);

    private static void sqlChecks(LedgerReader ledger, boolean everything, Breaks breaks) throws SQLException {
        int limit = BREAKS_LISTED + 1;
        add(breaks, Check.BALANCES, ledger.findings(BALANCES, 4, limit));
        breaks.checked(Check.BALANCES, ledger.count("SELECT count(*) FROM titre t WHERE %s", 1)
                + ledger.count("SELECT count(*) FROM payment p JOIN titre t ON t.id = p.titre_id WHERE %s", 1));
        add(breaks, Check.CLAIMS, ledger.findings(CLAIMS, 3, limit));
        if (everything) {
            add(breaks, Check.CLAIMS, ledger.findings(WAIVED_CLAIMS, 0, limit));
        }
        breaks.checked(Check.CLAIMS, ledger.count("SELECT count(*) FROM issued_item i JOIN titre t ON t.id = i.titre_id WHERE %s", 1)
                + ledger.count("SELECT count(*) FROM (SELECT w.issuer, extract(year FROM w.waived_on)::int AS fiscal_year FROM waived_item w) t "
                + "WHERE %s", 1));
        add(breaks, Check.REFERENCES, ledger.findings(TITRE_REFERENCES, 1, limit));
        breaks.checked(Check.REFERENCES, ledger.count("SELECT count(*) FROM titre t WHERE %s", 1));
        if (everything) {
            // an event or a claim naming no titre has no issuer nor year: only a verification of everything sees it
            add(breaks, Check.REFERENCES, ledger.findings(DANGLING_TITRE_IDS, 0, limit));
            breaks.checked(Check.REFERENCES, ledger.count("SELECT count(*) FROM titre_event", 0)
                    + ledger.count("SELECT count(*) FROM issued_item WHERE titre_id IS NOT NULL", 0));
        }
        add(breaks, Check.EVENTS, ledger.findings(FEED_GAPS, 0, limit));
        add(breaks, Check.EVENTS, ledger.findings(EVENTS, 1, limit));
        breaks.checked(Check.EVENTS, ledger.count("SELECT count(*) FROM titre_event", 0));
    }

    private static void add(Breaks breaks, Check check, List<LedgerReader.Finding> found) {
        for (LedgerReader.Finding f : found) {
            breaks.add(check, f.series(), f.number(), f.id(), f.position(), f.what());
        }
    }
}
