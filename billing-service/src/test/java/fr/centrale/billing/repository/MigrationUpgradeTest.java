package fr.centrale.billing.repository;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.groups.Tuple;

import fr.centrale.billing.api.LedgerVerificationView;
import fr.centrale.billing.domain.LedgerChain;
import fr.centrale.billing.service.LedgerVerifier;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger written before VAT (migrations up to V2) keeps what its titres state after the revision's migrations
 * (docs/rules.md, R-1): they were printed "net of tax", so rate 0, VAT 0, TTC = amount; and they still never change.
 * Run in a schema of its own, on the tests' PostgreSQL.
 */
@QuarkusTest
class MigrationUpgradeTest {

    private static final String SCHEMA = "upgrade_from_v2";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** Connections of their own, not the application's pool: their search_path never leaks into the application's. */
    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
        }
        return c;
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).locations("classpath:db/migration")
                .placeholders(V7BackfillTest.PLACEHOLDERS);
        return (target == null ? config : config.target(target)).load();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void titresIssuedBeforeVatKeepWhatTheyState() throws SQLException {
        flyway("2").migrate();
        UUID titre = UUID.randomUUID();
        UUID correction = UUID.randomUUID();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO number_series (issuer, fiscal_year, last_number) VALUES ('RESAH', 2024, 2)");
            s.execute("INSERT INTO titre (id, number, issuer, fiscal_year, serial, kind, issued_on, due_on, issuer_name, debtor_id, "
                    + "debtor_name, object, total) VALUES ('" + titre + "', 'RESAH-2024-000001', 'RESAH', 2024, 1, 'ORIGINAL', "
                    + "'2024-01-02', '2024-02-01', 'Resah', '" + UUID.randomUUID() + "', 'Commune de Lens', 'Cotisation 2024', 1152.08)");
            s.execute("INSERT INTO titre_line (id, titre_id, line_no, label, amount) VALUES ('" + UUID.randomUUID() + "', '" + titre
                    + "', 1, 'Cotisation 2024', 1152.08)");
            s.execute("INSERT INTO titre (id, number, issuer, fiscal_year, serial, kind, issued_on, due_on, issuer_name, debtor_id, "
                    + "debtor_name, object, total, cancels_titre_id) VALUES ('" + correction + "', 'RESAH-2024-000002', 'RESAH', 2024, 2, "
                    + "'REDUCTION', '2024-03-01', '2024-03-01', 'Resah', '" + UUID.randomUUID() + "', 'Commune de Lens', 'Réduction', 100.00, '"
                    + titre + "')");
        }

        flyway(null).migrate();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT amount, vat_rate, vat_amount, amount_ttc, taxation FROM titre_line WHERE titre_id = '"
                    + titre + "'")) {
                assertTrue(rs.next());
                assertEquals(new BigDecimal("1152.08"), rs.getBigDecimal(1));
                assertEquals(new BigDecimal("0.00"), rs.getBigDecimal(2));
                assertEquals(new BigDecimal("0.00"), rs.getBigDecimal(3));
                assertEquals(new BigDecimal("1152.08"), rs.getBigDecimal(4));
                assertEquals("NET_OF_TAX", rs.getString(5));
            }
            try (ResultSet rs = s.executeQuery("SELECT id, total, total_ht, total_vat FROM titre ORDER BY serial")) {
                assertTrue(rs.next());
                assertEquals(new BigDecimal("1152.08"), rs.getBigDecimal(2));
                assertEquals(new BigDecimal("1152.08"), rs.getBigDecimal(3));
                assertEquals(new BigDecimal("0.00"), rs.getBigDecimal(4));
                assertTrue(rs.next());
                assertEquals(new BigDecimal("100.00"), rs.getBigDecimal(3));
            }
            // The series of titres goes on; the mandats 673 start their own.
            try (ResultSet rs = s.executeQuery("SELECT series, last_number FROM number_series WHERE issuer = 'RESAH' AND fiscal_year = 2024")) {
                assertTrue(rs.next());
                assertEquals("", rs.getString(1));
                assertEquals(2, rs.getInt(2));
            }
            // The rows are protected again: the triggers were re-enabled.
            assertThrows(SQLException.class, () -> s.execute("UPDATE titre_line SET vat_rate = 20"));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("UPDATE titre SET total_vat = 1"));
        }
    }

    /**
     * Migration V10 (README, "Tamper evidence") chains the rows of a ledger written at V8, in order: titres and mandats 673
     * per number series, payments per issuer and fiscal year of their titre; the verification, which recomputes every hash
     * in Java, then finds the ledger whole (the SQL of the backfill and the Java of the writers serialise alike, escapes,
     * NULLs and amounts included), and names a row changed afterwards.
     */
    @Test
    void aLedgerWrittenAtV8IsChainedByV10AndVerifies() throws SQLException {
        flyway("8").migrate();
        UUID[] t = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID debtor = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        UUID[] payments = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        String revision = "'6a1e0000-0000-4000-8000-000000000002'";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO number_series (issuer, fiscal_year, series, last_number) VALUES ('CAIH', 2024, '', 3), "
                    + "('CAIH', 2025, 'M673', 1)");
            String columns = "INSERT INTO titre (id, number, issuer, fiscal_year, serial, kind, issued_on, due_on, issuer_name, issuer_court, "
                    + "debtor_id, debtor_name, debtor_street, object, total, total_ht, total_vat, cancels_titre_id, reason, settings_revision_id) VALUES ";
            s.execute(columns + "('" + t[0] + "', 'CAIH-2024-000001', 'CAIH', 2024, 1, 'ORIGINAL', '2024-01-02', '2024-02-21', 'CAIH', "
                    + "'Tribunal administratif de Lyon', '" + debtor + "', 'Département | 62', E'Hôtel du Département\\nrue \\\\ Buisson', "
                    + "'SO360 2024', 1800.00, 1500.00, 300.00, NULL, NULL, " + revision + ")");
            s.execute(columns + "('" + t[1] + "', 'CAIH-2024-000002', 'CAIH', 2024, 2, 'ORIGINAL', '2024-01-02', '2024-02-21', 'CAIH', "
                    + "NULL, '" + debtor + "', 'Département | 62', NULL, 'Cotisation', 600.00, 600.00, 0.00, NULL, NULL, " + revision + ")");
            s.execute(columns + "('" + t[2] + "', 'CAIH-2024-000003', 'CAIH', 2024, 3, 'REDUCTION', '2024-03-01', '2024-03-01', 'CAIH', "
                    + "NULL, '" + debtor + "', 'Département | 62', NULL, 'Réduction', 180.00, 150.00, 30.00, '" + t[0] + "', "
                    + "E'Remise\\r\\naccordée', " + revision + ")");
            s.execute(columns + "('" + t[3] + "', 'CAIH-2025-M673-000001', 'CAIH', 2025, 1, 'MANDATE_673', '2025-02-01', '2025-02-01', "
                    + "'CAIH', NULL, '" + debtor + "', 'Département | 62', NULL, 'Mandat', 100.00, 100.00, 0.00, '" + t[1] + "', 'Erreur', "
                    + revision + ")");
            String line = "INSERT INTO titre_line (id, titre_id, line_no, label, basis, period_start, period_end, months, annual_amount, amount, "
                    + "source_type, source_id, sequence, item_kind, vat_rate, vat_amount, amount_ttc, taxation, legal_basis) VALUES ";
            s.execute(line + "(gen_random_uuid(), '" + t[0] + "', 1, 'SO360 | 2024', 'Grille \\ CAIH', '2024-01-01', '2024-12-31', 5.53, "
                    + "1500.00, 1500.00, 'CONVENTION', '" + source + "', 1, 'ANNUAL_CONTRIBUTION', 20.00, 300.00, 1800.00, 'BEFORE_VAT', "
                    + "'Convention signée le 15/12/2023')");
            s.execute(line + "(gen_random_uuid(), '" + t[1] + "', 1, 'Cotisation', NULL, NULL, NULL, NULL, NULL, 600.00, "
                    + "'MEMBERSHIP', '" + source + "', 2, 'MEMBERSHIP_FEE', 0.00, 0.00, 600.00, 'NET_OF_TAX', NULL)");
            s.execute(line + "(gen_random_uuid(), '" + t[2] + "', 1, 'Réduction', NULL, NULL, NULL, NULL, NULL, 150.00, NULL, NULL, NULL, "
                    + "NULL, 20.00, 30.00, 180.00, 'BEFORE_VAT', NULL)");
            s.execute(line + "(gen_random_uuid(), '" + t[3] + "', 1, 'Mandat', NULL, NULL, NULL, NULL, NULL, 100.00, NULL, NULL, NULL, "
                    + "NULL, 0.00, 0.00, 100.00, 'NET_OF_TAX', NULL)");
            s.execute("INSERT INTO issued_item (source_type, source_id, sequence, titre_id) VALUES ('CONVENTION', '" + source + "', 1, '"
                    + t[0] + "'), ('MEMBERSHIP', '" + source + "', 2, '" + t[1] + "')");
            s.execute("INSERT INTO payment (id, titre_id, amount, paid_on, reference, created_at) VALUES "
                    + "('" + payments[0] + "', '" + t[0] + "', 1000.00, '2024-02-01', 'VIR | 1', '2024-02-01 10:00+01'), "
                    + "('" + payments[1] + "', '" + t[0] + "', 620.00, '2024-03-01', 'VIR 2', '2024-03-01 10:00+01'), "
                    + "('" + payments[2] + "', '" + t[1] + "', 100.00, '2024-02-15', 'CHQ', '2024-02-15 10:00+01')");
            s.execute("INSERT INTO titre_event (position, titre_id, type) VALUES (1, '" + t[0] + "', 'ISSUED'), (2, '" + t[1] + "', 'ISSUED'), "
                    + "(3, '" + t[0] + "', 'PAYMENT'), (4, '" + t[2] + "', 'ISSUED'), (5, '" + t[0] + "', 'REDUCTION'), (6, '" + t[1]
                    + "', 'PAYMENT'), (7, '" + t[0] + "', 'PAYMENT'), (8, '" + t[3] + "', 'ISSUED'), (9, '" + t[1] + "', 'REDUCTION')");
            s.execute("UPDATE feed_counter SET position = 9");
        }

        flyway(null).migrate();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(chainsOfHoldingLedger(c)).containsExactly(tuple("CAIH-2024", 3L), tuple("CAIH-2024-PAYMENT", 3L),
                    // V9 gave each titre without run a bordereau of its own; V12 chained them.
                    tuple("CAIH-2024-BORDEREAU", 3L), tuple("CAIH-2025-M673", 1L));
            try (ResultSet rs = s.executeQuery("SELECT chain_position, chain_hash FROM payment ORDER BY created_at")) {
                long n = 0;
                while (rs.next()) {
                    assertEquals(++n, rs.getLong(1));
                    assertTrue(LedgerChain.wellFormed(rs.getString(2)));
                }
                assertEquals(3, n);
            }
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM ledger_chain"));
            // A row changed afterwards is named.
            s.execute("ALTER TABLE titre DISABLE TRIGGER titre_never_changes");
            s.execute("UPDATE titre SET reason = 'Remise' WHERE id = '" + t[2] + "'");
            s.execute("ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
            LedgerVerificationView after = new LedgerVerifier().verify(c, "CAIH", 2024);
            assertThat(after.holds()).isFalse();
            assertThat(after.breaks()).extracting(LedgerVerificationView.Break::check, LedgerVerificationView.Break::number,
                    LedgerVerificationView.Break::id).containsExactly(tuple("CHAINS", "CAIH-2024-000003", t[2]));
        }
    }

    /**
     * Migration V12 (README, "Tamper evidence") chains the bordereaux a ledger had at V11 (those V9 made for its titres), per
     * issuer and fiscal year in serial order; the verification, which recomputes each bordereau's record in Java (its
     * totals per rate and its titres' numbers included), finds the ledger whole, and names a bordereau changed afterwards;
     * a chained bordereau refuses any change.
     */
    @Test
    void theBordereauxOfALedgerAtV11AreChainedByV12AndVerify() throws SQLException {
        flyway("8").migrate();
        UUID[] t = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID run2024 = UUID.randomUUID();
        UUID run2025 = UUID.randomUUID();
        UUID debtor = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        String revision = "'6a1e0000-0000-4000-8000-000000000002'";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO billing_run (id, as_of, trigger, status) VALUES ('" + run2024 + "', '2024-01-02', 'API', 'COMPLETED'), ('"
                    + run2025 + "', '2025-01-02', 'SCHEDULER', 'INTERRUPTED')");
            s.execute("INSERT INTO number_series (issuer, fiscal_year, series, last_number) VALUES ('CAIH', 2024, '', 3), ('CAIH', 2025, '', 1)");
            String columns = "INSERT INTO titre (id, number, issuer, fiscal_year, serial, kind, issued_on, due_on, issuer_name, debtor_id, "
                    + "debtor_name, object, total, total_ht, total_vat, cancels_titre_id, reason, run_id, settings_revision_id) VALUES ";
            s.execute(columns + "('" + t[0] + "', 'CAIH-2024-000001', 'CAIH', 2024, 1, 'ORIGINAL', '2024-01-02', '2024-02-21', 'CAIH', '"
                    + debtor + "', 'Département | 62', 'SO360 2024', 1800.00, 1500.00, 300.00, NULL, NULL, '" + run2024 + "', " + revision + ")");
            s.execute(columns + "('" + t[1] + "', 'CAIH-2024-000002', 'CAIH', 2024, 2, 'ORIGINAL', '2024-01-02', '2024-02-21', 'CAIH', '"
                    + debtor + "', 'Département | 62', 'Cotisation', 600.00, 600.00, 0.00, NULL, NULL, '" + run2024 + "', " + revision + ")");
            s.execute(columns + "('" + t[2] + "', 'CAIH-2024-000003', 'CAIH', 2024, 3, 'REDUCTION', '2024-03-01', '2024-03-01', 'CAIH', '"
                    + debtor + "', 'Département | 62', 'Réduction', 180.00, 150.00, 30.00, '" + t[0] + "', 'Remise', NULL, NULL)");
            s.execute(columns + "('" + t[3] + "', 'CAIH-2025-000001', 'CAIH', 2025, 1, 'ORIGINAL', '2025-01-02', '2025-02-21', 'CAIH', '"
                    + debtor + "', 'Département | 62', 'Cotisation', 600.00, 600.00, 0.00, NULL, NULL, '" + run2025 + "', " + revision + ")");
            String line = "INSERT INTO titre_line (id, titre_id, line_no, label, amount, source_type, source_id, sequence, item_kind, vat_rate, "
                    + "vat_amount, amount_ttc, taxation) VALUES ";
            s.execute(line + "(gen_random_uuid(), '" + t[0] + "', 1, 'SO360', 1500.00, 'CONVENTION', '" + source + "', 1, 'ANNUAL_CONTRIBUTION', "
                    + "20.00, 300.00, 1800.00, 'BEFORE_VAT')");
            s.execute(line + "(gen_random_uuid(), '" + t[1] + "', 1, 'Cotisation', 600.00, 'MEMBERSHIP', '" + source + "', 2, 'MEMBERSHIP_FEE', "
                    + "0.00, 0.00, 600.00, 'NET_OF_TAX')");
            s.execute(line + "(gen_random_uuid(), '" + t[2] + "', 1, 'Réduction', 150.00, NULL, NULL, NULL, NULL, 20.00, 30.00, 180.00, 'BEFORE_VAT')");
            s.execute(line + "(gen_random_uuid(), '" + t[3] + "', 1, 'Cotisation', 600.00, 'MEMBERSHIP', '" + source + "', 3, 'MEMBERSHIP_FEE', "
                    + "0.00, 0.00, 600.00, 'NET_OF_TAX')");
            s.execute("INSERT INTO issued_item (source_type, source_id, sequence, titre_id) VALUES ('CONVENTION', '" + source + "', 1, '"
                    + t[0] + "'), ('MEMBERSHIP', '" + source + "', 2, '" + t[1] + "'), ('MEMBERSHIP', '" + source + "', 3, '" + t[3] + "')");
            s.execute("INSERT INTO titre_event (position, titre_id, type) VALUES (1, '" + t[0] + "', 'ISSUED'), (2, '" + t[1] + "', 'ISSUED'), "
                    + "(3, '" + t[2] + "', 'ISSUED'), (4, '" + t[0] + "', 'REDUCTION'), (5, '" + t[3] + "', 'ISSUED')");
            s.execute("UPDATE feed_counter SET position = 5");
        }
        flyway("11").migrate();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM bordereau")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1), "V9: the 2024 run's, the reduction's, the 2025 run's");
        }

        flyway(null).migrate();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(chainsOfHoldingLedger(c)).containsExactly(tuple("CAIH-2024", 3L), tuple("CAIH-2024-BORDEREAU", 2L),
                    tuple("CAIH-2025", 1L), tuple("CAIH-2025-BORDEREAU", 1L));
            // In serial order; each series' head is its last bordereau's hash.
            try (ResultSet rs = s.executeQuery("""
                    SELECT b.number, b.serial, b.chain_position, b.chain_hash, h.length, h.head
                      FROM bordereau b JOIN ledger_chain h ON h.issuer = b.issuer AND h.fiscal_year = b.fiscal_year AND h.kind = 'BORDEREAU'
                     ORDER BY b.fiscal_year, b.serial""")) {
                List<String> numbers = new java.util.ArrayList<>();
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                    assertEquals(rs.getLong(2), rs.getLong(3), "chain position of " + rs.getString(1));
                    assertTrue(LedgerChain.wellFormed(rs.getString(4)));
                    if (rs.getLong(3) == rs.getLong(5)) {
                        assertEquals(rs.getString(6), rs.getString(4), "head of the series of " + rs.getString(1));
                    }
                }
                assertEquals(List.of("CAIH-2024-B-000001", "CAIH-2024-B-000002", "CAIH-2025-B-000001"), numbers);
            }
            // Chained, a bordereau never changes, nor do its totals per rate.
            assertThrows(SQLException.class, () -> s.execute("UPDATE bordereau SET total_ht = total_ht WHERE number = 'CAIH-2024-B-000001'"));
            assertThrows(SQLException.class, () -> s.execute("UPDATE bordereau_rate SET total_ht = total_ht"));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // Its officer's revision changed behind the application's back: named.
            s.execute("ALTER TABLE bordereau DISABLE TRIGGER USER");
            s.execute("UPDATE bordereau SET settings_revision_id = NULL WHERE number = 'CAIH-2024-B-000001'");
            s.execute("ALTER TABLE bordereau ENABLE TRIGGER USER");
            LedgerVerificationView after = new LedgerVerifier().verify(c, "CAIH", 2024);
            assertThat(after.holds()).isFalse();
            assertThat(after.breaks()).extracting(LedgerVerificationView.Break::check, LedgerVerificationView.Break::series,
                    LedgerVerificationView.Break::number, LedgerVerificationView.Break::position)
                    .containsExactly(tuple("CHAINS", "CAIH-2024-BORDEREAU", "CAIH-2024-B-000001", 1L));
        }
    }

    /** Verifies the whole migrated ledger, which must hold, and gives its chains as (series, length). */
    private static List<Tuple> chainsOfHoldingLedger(Connection c) throws SQLException {
        LedgerVerificationView v = new LedgerVerifier().verify(c, null, null);
        assertThat(v.breaks()).isEmpty();
        assertThat(v.holds()).isTrue();
        return v.chains().stream().map(chain -> tuple(chain.series(), chain.length())).toList();
    }
}
