package fr.centrale.billing.repository;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.domain.Bordereaux;
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

import java.util.ArrayList;
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
