package fr.centrale.billing.repository;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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
}
