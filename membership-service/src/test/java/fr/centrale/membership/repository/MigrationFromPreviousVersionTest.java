package fr.centrale.membership.repository;

import fr.centrale.testing.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database filled by the previous version (schema V2, before) migrates to the
 * latest schema without losing anything, and takes the stated defaults: fee schedules net of tax, RESAH 2023's
 * decision, no Chorus references of the memberships' own, one bulletin per membership, La Fibre's franchise until
 * 31/01/2027, and the creation of every contact and every past erasure recorded (without values).
 */
class MigrationFromPreviousVersionTest {

    /** The last migration of the previous version. */
    private static final String PREVIOUS_VERSION = "2";

    private static final String RESAH = "7c0f1d2e-0001-4000-8000-000000000001";
    private static final String CAIH = "7c0f1d2e-0002-4000-8000-000000000002";
    private static final String FIBRE = "7c0f1d2e-0003-4000-8000-000000000003";
    private static final String ORG = "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11";
    private static final String CONTACT = "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f";
    private static final String SECOND_CONTACT = "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e70";
    private static final String ERASED_CONTACT = "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e71";
    private static final String RESAH_MEMBERSHIP = "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10";
    private static final String FIBRE_MEMBERSHIP = "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f11";
    private static final String CAIH_MEMBERSHIP = "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f12";

    private static PostgresServer server;
    private static String database;
    private static String url;

    @BeforeAll
    static void aDatabaseOfThePreviousVersion() throws SQLException {
        server = PostgresServer.startDefault();
        database = "centrale_migration_" + UUID.randomUUID().toString().substring(0, 8);
        url = server.ensureDatabase(database);
        flyway(PREVIOUS_VERSION).migrate();
        // Rows as the previous version's code wrote them.
        execute("""
                INSERT INTO organisation (id, name, siret, category, street, postal_code, city, departement,
                                          chorus_legal_commitment, chorus_service_code, created_at, updated_at, version)
                VALUES ('%s', 'Département du Pas-de-Calais', '22620001200012', 'DEPARTEMENT',
                        'Hôtel du Département, rue Ferdinand Buisson', '62018', 'Arras cedex', '62', '2300004512', 'DSI',
                        TIMESTAMPTZ '2022-07-01 10:00:00+02', TIMESTAMPTZ '2022-07-01 10:00:00+02', 3)""".formatted(ORG));
        execute("""
                INSERT INTO contact (id, organisation_id, name, role, email, phone, created_at, updated_at)
                VALUES ('%s', '%s', 'Claire Martin', 'Acheteuse', 'claire.martin@pasdecalais.fr', '03 21 21 62 62',
                        TIMESTAMPTZ '2022-07-01 10:00:00+02', TIMESTAMPTZ '2022-07-01 10:00:00+02'),
                       ('%s', '%s', 'Service de la commande publique', NULL, NULL, NULL,
                        TIMESTAMPTZ '2022-07-02 10:00:00+02', TIMESTAMPTZ '2022-07-02 10:00:00+02')"""
                .formatted(CONTACT, ORG, SECOND_CONTACT, ORG));
        execute("INSERT INTO contact_erasure (contact_id, organisation_id, erased_at) VALUES ('%s', '%s', TIMESTAMPTZ '2023-01-05 09:00:00+01')"
                .formatted(ERASED_CONTACT, ORG));
        execute("""
                INSERT INTO membership (id, organisation_id, purchasing_body_id, kind, bulletin_received_on, starts_on, ends_on,
                                        non_renewal_received_on, franchise_until, created_at, version)
                VALUES ('%s', '%s', '%s', 'MEMBER', DATE '2022-07-04', DATE '2022-07-04', DATE '2025-12-31', DATE '2025-10-15',
                        NULL, TIMESTAMPTZ '2022-07-05 10:00:00+02', 1),
                       ('%s', '%s', '%s', 'MEMBER', DATE '2023-09-18', DATE '2023-09-18', NULL, NULL,
                        DATE '2024-01-18', TIMESTAMPTZ '2023-09-18 10:00:00+02', 0),
                       ('%s', '%s', '%s', 'THIRD_PARTY_BENEFICIARY', DATE '2022-12-15', DATE '2022-12-15', NULL, NULL,
                        NULL, TIMESTAMPTZ '2022-12-15 10:00:00+01', 0)"""
                .formatted(RESAH_MEMBERSHIP, ORG, RESAH, FIBRE_MEMBERSHIP, ORG, FIBRE, CAIH_MEMBERSHIP, ORG, CAIH));
        execute("INSERT INTO membership_fee (purchasing_body_id, year, medico_social, other) VALUES ('%s', 2024, 0.00, 250.00)"
                .formatted(FIBRE));
        execute("""
                INSERT INTO idempotency_record (operation, idempotency_key, request_hash, status, location, response_body)
                VALUES ('POST /memberships', 'k-1', '%s', 201, '/api/v1/memberships/%s', '{}')"""
                .formatted("a".repeat(64), RESAH_MEMBERSHIP));
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'membership_fee' AND column_name = 'taxation'"))
                .as("the previous schema").isZero();

        flyway(null).migrate();
    }

    @AfterAll
    static void dropIt() {
        if (server != null) {
            if (!server.isEmbedded()) {
                server.dropDatabase(database);
            }
            server.close();
        }
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, server.user(), server.password()).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    @Test
    void theDatabaseIsAtTheLatestVersion() {
        assertThat(flyway(null).info().pending()).isEmpty();
        assertThat(Integer.parseInt(flyway(null).info().current().getVersion().getVersion())).isGreaterThanOrEqualTo(8);
    }

    @Test
    void nothingIsLost() throws SQLException {
        assertThat(rows("SELECT name, siret, chorus_legal_commitment, chorus_service_code, version FROM organisation"))
                .containsExactly(List.of("Département du Pas-de-Calais", "22620001200012", "2300004512", "DSI", "3"));
        assertThat(rows("SELECT name, role, email, phone FROM contact ORDER BY created_at")).containsExactly(
                List.of("Claire Martin", "Acheteuse", "claire.martin@pasdecalais.fr", "03 21 21 62 62"),
                java.util.Arrays.asList("Service de la commande publique", null, null, null));
        assertThat(count("SELECT count(*) FROM contact_erasure")).isEqualTo(1);
        assertThat(rows("SELECT id::text, kind, bulletin_received_on::text, starts_on::text, ends_on::text, non_renewal_received_on::text, version "
                + "FROM membership ORDER BY id")).containsExactly(
                List.of(RESAH_MEMBERSHIP, "MEMBER", "2022-07-04", "2022-07-04", "2025-12-31", "2025-10-15", "1"),
                java.util.Arrays.asList(FIBRE_MEMBERSHIP, "MEMBER", "2023-09-18", "2023-09-18", null, null, "0"),
                java.util.Arrays.asList(CAIH_MEMBERSHIP, "THIRD_PARTY_BENEFICIARY", "2022-12-15", "2022-12-15", null, null, "0"));
        assertThat(rows("SELECT year, medico_social::text, other::text FROM membership_fee ORDER BY year")).containsExactly(
                List.of("2023", "300.00", "600.00"), List.of("2024", "0.00", "250.00"));
        assertThat(count("SELECT count(*) FROM idempotency_record")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM purchasing_body")).isEqualTo(3);
    }

    /** docs/rules.md, R-1 and R-5. */
    @Test
    void feeSchedulesAreNetOfTaxAndResah2023HasItsDecision() throws SQLException {
        assertThat(rows("SELECT year, taxation, vat_rate, decision FROM membership_fee ORDER BY year")).containsExactly(
                java.util.Arrays.asList("2023", "NET_OF_TAX", null, "délibération du conseil d'administration du RESAH du 29/09/2022"),
                java.util.Arrays.asList("2024", "NET_OF_TAX", null, null));
    }

    /** docs/rules.md, R-3 and R-15: no references of their own (the organisation's stay the default), one bulletin each. */
    @Test
    void everyMembershipHasItsFirstBulletinAndNoReferencesOfItsOwn() throws SQLException {
        assertThat(count("SELECT count(*) FROM membership WHERE chorus_legal_commitment IS NOT NULL OR chorus_service_code IS NOT NULL"))
                .isZero();
        assertThat(rows("SELECT membership_id::text, received_on::text, chorus_legal_commitment, stated_fee FROM membership_bulletin "
                + "ORDER BY membership_id")).containsExactly(
                java.util.Arrays.asList(RESAH_MEMBERSHIP, "2022-07-04", null, null),
                java.util.Arrays.asList(FIBRE_MEMBERSHIP, "2023-09-18", null, null),
                java.util.Arrays.asList(CAIH_MEMBERSHIP, "2022-12-15", null, null));
    }

    /** docs/rules.md, R-14: La Fibre's franchise ends on 31/01/2027; its window to subscribe is unchanged. */
    @Test
    void laFibresFranchiseEndsWithTheFirstYearsMarkets() throws SQLException {
        assertThat(rows("SELECT code, franchise_window_start::text, franchise_years, franchise_ends_on::text FROM purchasing_body ORDER BY code"))
                .containsExactly(
                        java.util.Arrays.asList("CAIH", null, null, null),
                        java.util.Arrays.asList("FIBRE5962", "2022-01-19", "2", "2027-01-31"),
                        java.util.Arrays.asList("RESAH", null, null, null));
        assertThat(rows("SELECT franchise_until::text FROM membership WHERE id = '" + FIBRE_MEMBERSHIP + "'"))
                .containsExactly(List.of("2027-01-31"));
    }

    /** docs/rules.md, R-16: each existing contact's creation is recorded with its values; a past erasure without any. */
    @Test
    void theContactsCreationsAndPastErasuresAreRecorded() throws SQLException {
        assertThat(rows("SELECT contact_id::text, kind, changed_by FROM contact_change ORDER BY seq")).containsExactly(
                java.util.Arrays.asList(CONTACT, "CREATED", null),
                java.util.Arrays.asList(SECOND_CONTACT, "CREATED", null),
                java.util.Arrays.asList(ERASED_CONTACT, "ERASED", null));
        assertThat(rows("SELECT f.field, f.old_value, f.new_value FROM contact_change_field f JOIN contact_change c ON c.id = f.change_id "
                + "WHERE c.contact_id = '" + CONTACT + "' ORDER BY f.field")).containsExactly(
                java.util.Arrays.asList("email", null, "claire.martin@pasdecalais.fr"),
                java.util.Arrays.asList("name", null, "Claire Martin"),
                java.util.Arrays.asList("phone", null, "03 21 21 62 62"),
                java.util.Arrays.asList("role", null, "Acheteuse"));
        assertThat(count("SELECT count(*) FROM contact_change_field f JOIN contact_change c ON c.id = f.change_id "
                + "WHERE c.contact_id = '" + ERASED_CONTACT + "'")).isZero();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    private static List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
