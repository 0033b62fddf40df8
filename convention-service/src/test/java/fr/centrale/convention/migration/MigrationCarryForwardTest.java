package fr.centrale.convention.migration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Existing data is carried forward by the migrations after V3: a database migrated to V3 (the schema as deployed
 * before docs/rules.md) gets conventions, beneficiaries, amendments and orders as that schema had them,
 * then is migrated to the latest version, and every row is checked. Plain JUnit on a real PostgreSQL.
 */
class MigrationCarryForwardTest {

    private static final String CAIH = "0ffe0000-0000-4000-8000-000000000013";
    private static final String RESAH_2021_008_LOT3 = "0ffe0000-0000-4000-8000-000000000005";
    private static final String RESAH_2021_047_001 = "0ffe0000-0000-4000-8000-000000000002";
    private static final UUID CAIH_CONVENTION = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    private static final UUID RESAH_CONVENTION = UUID.fromString("c0000000-0000-4000-8000-000000000002");
    private static final UUID MARKET_CONVENTION = UUID.fromString("c0000000-0000-4000-8000-000000000003");
    private static final UUID DEPARTEMENT = UUID.fromString("0a000000-0000-4000-8000-000000000001");

    private static ScratchDatabase db;

    @BeforeAll
    static void migrateOldDataForward() throws SQLException {
        db = new ScratchDatabase("carry_");
        db.migrateTo("3");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO convention (id, offer_id, signatory_id, signatory_name, mode, status, ends_on, signed_on,"
                    + " annual_amount, tier, grid_row, current_annual_amount, current_tier, act_number, act_date, created_at)"
                    + " VALUES ('" + CAIH_CONVENTION + "', '" + CAIH + "', '" + DEPARTEMENT + "', 'Département', 'OWN_ACCOUNT',"
                    + " 'ACTIVE', DATE '2023-07-16', DATE '2022-12-13', 1500.00, 'LOCAL_AUTHORITY', 'Collectivité territoriale',"
                    + " 1500.00, 'LOCAL_AUTHORITY', '2022-504', DATE '2022-12-13', TIMESTAMPTZ '2022-12-13 10:00:00+01')");
            s.execute("INSERT INTO convention (id, offer_id, signatory_id, signatory_name, mode, status, ends_on, signed_on,"
                    + " annual_amount, tier, grid_row, current_annual_amount, current_tier, created_at)"
                    + " VALUES ('" + RESAH_CONVENTION + "', '" + RESAH_2021_008_LOT3 + "', '" + DEPARTEMENT + "', 'Département',"
                    + " 'OWN_ACCOUNT', 'DRAFT', DATE '2025-06-30', NULL, 2500.00, 'DEPARTEMENT', 'Département', 2500.00,"
                    + " 'DEPARTEMENT', TIMESTAMPTZ '2024-01-05 10:00:00+01')");
            s.execute("INSERT INTO convention (id, offer_id, signatory_id, signatory_name, mode, status, ends_on, signed_on,"
                    + " annual_amount, tier, grid_row, current_annual_amount, current_tier, created_at)"
                    + " VALUES ('" + MARKET_CONVENTION + "', '" + RESAH_2021_047_001 + "', '" + DEPARTEMENT + "', 'CA',"
                    + " 'OWN_ACCOUNT', 'ACTIVE', DATE '2026-12-31', DATE '2022-01-10', 2500.00, 'CA', 'CA', 2500.00,"
                    + " 'CA', TIMESTAMPTZ '2022-01-10 10:00:00+01')");
            s.execute("INSERT INTO beneficiary (id, convention_id, rank, organisation_id, organisation_name, category, starts_on,"
                    + " maximum_amount, consumed_amount) VALUES"
                    + " ('b0000000-0000-4000-8000-000000000001', '" + CAIH_CONVENTION + "', 0, '" + DEPARTEMENT + "', 'Département',"
                    + " 'DEPARTEMENT', DATE '2022-12-15', NULL, 0),"
                    + " ('b0000000-0000-4000-8000-000000000002', '" + RESAH_CONVENTION + "', 0, '" + DEPARTEMENT + "', 'Département',"
                    + " 'DEPARTEMENT', DATE '2024-01-15', NULL, 0),"
                    + " ('b0000000-0000-4000-8000-000000000003', '" + MARKET_CONVENTION + "', 0, '" + DEPARTEMENT + "', 'CA',"
                    + " 'COMMUNAUTE_AGGLOMERATION', DATE '2022-02-01', 100000.00, 25000.00)");
            s.execute("INSERT INTO amendment (id, convention_id, number, type, effective_on, signed_on, starts_on, ends_on, amount,"
                    + " complement_kind, complement_amount, complement_due_on) VALUES ('a0000000-0000-4000-8000-000000000001', '"
                    + MARKET_CONVENTION + "', 1, 'NEW_SUBSEQUENT_MARKET', DATE '2024-03-01', DATE '2024-02-20', DATE '2024-03-01',"
                    + " DATE '2026-12-31', 2500.00, 'NEW_MARKET', 2500.00, DATE '2024-03-01')");
            s.execute("INSERT INTO purchase_order (id, convention_id, beneficiary_id, organisation_id, amount, ordered_on, reference)"
                    + " VALUES ('d0000000-0000-4000-8000-000000000001', '" + MARKET_CONVENTION + "',"
                    + " 'b0000000-0000-4000-8000-000000000003', '" + DEPARTEMENT + "', 25000.00, DATE '2022-06-01', 'BC-1')");
        }
        db.migrateToLatest();
    }

    @AfterAll
    static void drop() {
        db.drop();
    }

    private static ResultSet one(Statement s, String sql) throws SQLException {
        ResultSet r = s.executeQuery(sql);
        assertThat(r.next()).as(sql).isTrue();
        return r;
    }

    @Test
    void theOldRowsAreAllThereUnchanged() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM convention").getInt(1)).isEqualTo(3);
            assertThat(one(s, "SELECT count(*) FROM beneficiary").getInt(1)).isEqualTo(3);
            assertThat(one(s, "SELECT count(*) FROM amendment").getInt(1)).isEqualTo(1);
            assertThat(one(s, "SELECT count(*) FROM purchase_order").getInt(1)).isEqualTo(1);
            ResultSet caih = one(s, "SELECT * FROM convention WHERE id = '" + CAIH_CONVENTION + "'");
            assertThat(caih.getBigDecimal("annual_amount")).isEqualTo(new BigDecimal("1500.00"));
            assertThat(caih.getString("status")).isEqualTo("ACTIVE");
            assertThat(caih.getString("act_number")).isEqualTo("2022-504");
            ResultSet b = one(s, "SELECT * FROM beneficiary WHERE id = 'b0000000-0000-4000-8000-000000000003'");
            assertThat(b.getBigDecimal("maximum_amount")).isEqualTo(new BigDecimal("100000.00"));
            assertThat(b.getBigDecimal("consumed_amount")).isEqualTo(new BigDecimal("25000.00"));
        }
    }

    /** docs/rules.md, R-1: CAIH offers before VAT at 20 % from 2014-01-01, every RESAH offer net of tax. */
    @Test
    void offersCarryTheirTaxation() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT taxation FROM offer WHERE id = '" + CAIH + "'").getString(1)).isEqualTo("BEFORE_VAT");
            ResultSet rate = one(s, "SELECT valid_from, rate FROM offer_vat_rate WHERE offer_id = '" + CAIH + "'");
            assertThat(rate.getDate(1).toLocalDate()).hasToString("2014-01-01");
            assertThat(rate.getBigDecimal(2)).isEqualTo(new BigDecimal("20.00"));
            assertThat(one(s, "SELECT count(*) FROM offer WHERE purchasing_body = 'RESAH' AND taxation <> 'NET_OF_TAX'").getInt(1))
                    .isZero();
            assertThat(one(s, "SELECT count(*) FROM offer WHERE purchasing_body = 'RESAH'").getInt(1)).isEqualTo(12);
            assertThat(one(s, "SELECT count(*) FROM offer_vat_rate").getInt(1)).isEqualTo(1);
        }
    }

    /** docs/rules.md, R-3: conventions and amendments stated no Chorus references; they keep none (billing as before). */
    @Test
    void conventionsAndAmendmentsHaveNoChorusReferencesOfTheirOwn() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM convention WHERE chorus_legal_commitment IS NULL"
                    + " AND chorus_service_code IS NULL").getInt(1)).isEqualTo(3);
            assertThat(one(s, "SELECT count(*) FROM amendment WHERE chorus_legal_commitment IS NULL"
                    + " AND chorus_service_code IS NULL").getInt(1)).isEqualTo(1);
        }
    }

    /** docs/rules.md, R-5: existing conventions are numbered in the order they were created, new ones follow. */
    @Test
    void conventionsAreNumberedInTheOrderTheyWereCreated() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT id, number FROM convention ORDER BY created_at");
            java.util.List<String> numbers = new java.util.ArrayList<>();
            while (r.next()) {
                numbers.add(r.getString("number"));
            }
            assertThat(numbers).containsExactly("CONV-2022-000001", "CONV-2022-000002", "CONV-2024-000003");
            assertThat(one(s, "SELECT nextval('convention_number_seq')").getLong(1)).isEqualTo(4);
        }
    }

    /** docs/rules.md, R-13: existing beneficiaries have no end of their own (the convention's applies). */
    @Test
    void beneficiariesHaveNoEndOfTheirOwn() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM beneficiary WHERE ends_on IS NULL").getInt(1)).isEqualTo(3);
        }
    }

    /** docs/rules.md, R-12: the offers open only to a list say so; the lists start empty. */
    @Test
    void offersOpenOnlyToAListSaySo() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT code, eligibility_list FROM offer WHERE eligibility_list IS NOT NULL ORDER BY code");
            java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
            while (r.next()) {
                kinds.put(r.getString(1), r.getString(2));
            }
            assertThat(kinds).containsExactly(
                    java.util.Map.entry("RESAH-2020-027-LOT1-HEBERGEMENT", "MEMBER_OR_LISTED"),
                    java.util.Map.entry("RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE", "MEMBER_OR_LISTED"),
                    java.util.Map.entry("RESAH-2020-027-LOT1-SECURITE", "MEMBER_OR_LISTED"),
                    java.util.Map.entry("RESAH-2021-045-LOT2", "LISTED"),
                    java.util.Map.entry("RESAH-2021-045-LOT4", "LISTED"),
                    java.util.Map.entry("RESAH-2021-047-001", "LISTED"),
                    java.util.Map.entry("RESAH-2021-063-002", "LISTED"));
            assertThat(one(s, "SELECT count(*) FROM offer_eligible_beneficiary").getInt(1)).isZero();
        }
    }
}
