package fr.centrale.billing.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V7 (docs/rules.md, R-4): the titres issued before it reference a revision that reproduces what they were
 * printed with, the officer of the configuration and "Montants nets de taxe". Run in a schema of its own: the
 * schema up to V6, two titres written as the old code did, then V7 with a configured RESAH officer.
 */
@QuarkusTest
class V7BackfillTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void existingTitresGetARevisionReproducingTheirPrint() throws SQLException {
        String schema = "v7_backfill_" + System.nanoTime();
        Map<String, String> placeholders = PLACEHOLDERS;
        try {
            migrate(schema, placeholders);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The officers the old configuration named, which V7 reads once (application.properties, Flyway placeholders). */
    static final Map<String, String> PLACEHOLDERS = Map.of(
                "resah_officer_name", "Marie Martin, directrice générale", "resah_officer_role", "Ordonnatrice",
                "caih_officer_name", "Le président de la CAIH", "caih_officer_role", "Ordonnateur",
                "fibre5962_officer_name", "Le président", "fibre5962_officer_role", "Ordonnateur");

    private void migrate(String schema, Map<String, String> placeholders) throws SQLException {
        Flyway.configure().dataSource(dataSource).schemas(schema).placeholders(placeholders).target("6").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // gen_random_uuid() and the titre table, named with their schema: the pooled connection goes back as it came.
            for (String[] t : List.of(new String[] {"RESAH", "Tribunal administratif de Paris"}, new String[] {"ZORG", null})) {
                s.execute("INSERT INTO " + schema + ".titre (id, number, issuer, fiscal_year, serial, kind, issued_on, due_on, issuer_name, "
                        + "issuer_court, debtor_id, debtor_name, object, total, total_ht, total_vat) VALUES (gen_random_uuid(), '" + t[0]
                        + "-2025-000001', '" + t[0] + "', 2025, 1, 'ORIGINAL', DATE '2025-01-02', DATE '2025-02-01', 'X', "
                        + (t[1] == null ? "NULL" : "'" + t[1] + "'") + ", gen_random_uuid(), 'Commune', 'Objet', 10.00, 10.00, 0.00)");
            }
        }
        Flyway.configure().dataSource(dataSource).schemas(schema).placeholders(placeholders).load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT t.issuer, r.revision, r.valid_from, r.officer_name, r.officer_title, r.no_vat_mention, r.recourse, r.iban
                      FROM %1$s.titre t JOIN %1$s.issuer_settings r ON r.id = t.settings_revision_id ORDER BY t.issuer""".formatted(schema))) {
                while (rs.next()) {
                    rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).startsWith("RESAH|2|1900-01-01|Marie Martin, directrice générale|Ordonnatrice|Montants nets de taxe|")
                    .contains("en saisissant le Tribunal administratif de Paris").endsWith("|FR283000100794C751000000072");
            assertThat(rows.get(1)).startsWith("ZORG|1|1900-01-01|L'ordonnateur|Ordonnateur|Montants nets de taxe|")
                    .contains("tribunal administratif compétent").endsWith("|FR283000100794C750000000009");
            // Titres and revisions stay unchangeable.
            assertThatThrownBy(() -> s.execute("UPDATE " + schema + ".titre SET object = 'x'")).hasMessageContaining("never modified");
            assertThatThrownBy(() -> s.execute("UPDATE " + schema + ".issuer_settings SET officer_name = 'x'")).hasMessageContaining("never modified");
        }
    }
}
