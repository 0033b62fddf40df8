package fr.centrale.convention.migration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V9 (docs/rules.md, R-9 and R-11) carries a database filled at V8 forward: every existing convention of an offer billed
 * per subsequent market (2021-046-001, 2021-047-001) gets market 1 from its current data (execution start, end, the sum of
 * its beneficiaries' maxima when each states one, the orders so far, exhausted when they reached it), a
 * NEW_SUBSEQUENT_MARKET amendment already recorded gets market 2; other conventions get none; existing amendments
 * restate no shares. Plain JUnit on a real PostgreSQL.
 */
class SubsequentMarketMigrationTest {

    private static final String RESAH_2021_046_001 = "0ffe0000-0000-4000-8000-000000000001";
    private static final String RESAH_2021_047_001 = "0ffe0000-0000-4000-8000-000000000002";
    private static final String RESAH_2021_008_LOT3 = "0ffe0000-0000-4000-8000-000000000005";
    /** 2021-047-001, exhausted (100 000 of 100 000) on 15/06/2023, with a new market from 01/09/2023. */
    private static final UUID BETHUNE = UUID.fromString("c0000000-0000-4000-8000-000000000047");
    /** 2021-046-001, a group where one beneficiary states no maximum. */
    private static final UUID GROUP = UUID.fromString("c0000000-0000-4000-8000-000000000046");
    /** 2021-008 lot 3: no subsequent market. */
    private static final UUID OTHER = UUID.fromString("c0000000-0000-4000-8000-000000000008");
    private static final UUID CA = UUID.fromString("0a000000-0000-4000-8000-000000000047");
    private static final UUID GHT = UUID.fromString("0a000000-0000-4000-8000-000000000046");
    private static final UUID CH = UUID.fromString("0a000000-0000-4000-8000-000000000146");

    private static ScratchDatabase db;

    @BeforeAll
    static void fillAtV8ThenMigrate() throws SQLException {
        db = new ScratchDatabase("markets_");
        db.migrateTo("8");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO convention (id, number, offer_id, signatory_id, signatory_name, mode, status, ends_on, signed_on,"
                    + " annual_amount, tier, grid_row, current_annual_amount, current_tier, lapsed_on) VALUES"
                    + " ('" + BETHUNE + "', 'C-047', '" + RESAH_2021_047_001 + "', '" + CA + "', 'CA de Béthune-Bruay', 'OWN_ACCOUNT',"
                    + " 'ACTIVE', DATE '2026-02-28', DATE '2022-02-20', 2500.00, 'CA', 'CA', 2500.00, 'CA', NULL),"
                    + " ('" + GROUP + "', 'C-046', '" + RESAH_2021_046_001 + "', '" + GHT + "', 'GHT', 'PURCHASING_GROUP',"
                    + " 'ACTIVE', DATE '2027-01-14', DATE '2024-01-10', 3000.00, 'GROUP_2_4', 'Groupement', 3000.00, 'GROUP_2_4', NULL),"
                    + " ('" + OTHER + "', 'C-008', '" + RESAH_2021_008_LOT3 + "', '" + GHT + "', 'GHT', 'OWN_ACCOUNT',"
                    + " 'ACTIVE', DATE '2025-06-30', DATE '2024-01-10', 2500.00, 'DEPARTEMENT', 'Département', 2500.00, 'DEPARTEMENT', NULL)");
            s.execute("INSERT INTO beneficiary (id, convention_id, rank, organisation_id, organisation_name, category, starts_on,"
                    + " maximum_amount, consumed_amount, lapsed_on, amendment_number) VALUES"
                    + " ('b0000000-0000-4000-8000-000000000047', '" + BETHUNE + "', 0, '" + CA + "', 'CA', 'COMMUNAUTE_AGGLOMERATION',"
                    + " DATE '2022-03-01', 100000.00, 100000.00, DATE '2023-06-15', NULL),"
                    + " ('b0000000-0000-4000-8000-000000000046', '" + GROUP + "', 0, '" + GHT + "', 'GHT', 'EPS',"
                    + " DATE '2024-01-15', 10000.00, 5000.00, NULL, NULL),"
                    + " ('b0000000-0000-4000-8000-000000000146', '" + GROUP + "', 1, '" + CH + "', 'CH', 'EPS',"
                    + " DATE '2024-01-15', NULL, 0, NULL, NULL),"
                    + " ('b0000000-0000-4000-8000-000000000008', '" + OTHER + "', 0, '" + GHT + "', 'GHT', 'DEPARTEMENT',"
                    + " DATE '2024-01-15', NULL, 700.00, NULL, NULL)");
            s.execute("INSERT INTO amendment (id, convention_id, number, type, effective_on, signed_on, starts_on, ends_on, amount,"
                    + " complement_kind, complement_amount, complement_due_on) VALUES ('a0000000-0000-4000-8000-000000000047', '"
                    + BETHUNE + "', 1, 'NEW_SUBSEQUENT_MARKET', DATE '2023-09-01', DATE '2023-08-25', DATE '2023-09-01', NULL,"
                    + " 2500.00, 'NEW_MARKET', 2500.00, DATE '2023-09-01')");
            s.execute("INSERT INTO purchase_order (id, convention_id, beneficiary_id, organisation_id, amount, ordered_on, reference)"
                    + " VALUES ('d0000000-0000-4000-8000-000000000001', '" + BETHUNE + "', 'b0000000-0000-4000-8000-000000000047',"
                    + " '" + CA + "', 60000.00, DATE '2022-06-01', 'BC-1'),"
                    + " ('d0000000-0000-4000-8000-000000000002', '" + BETHUNE + "', 'b0000000-0000-4000-8000-000000000047',"
                    + " '" + CA + "', 40000.00, DATE '2023-06-15', 'BC-2'),"
                    + " ('d0000000-0000-4000-8000-000000000003', '" + GROUP + "', 'b0000000-0000-4000-8000-000000000046',"
                    + " '" + GHT + "', 5000.00, DATE '2024-03-01', 'BC-3'),"
                    + " ('d0000000-0000-4000-8000-000000000004', '" + OTHER + "', 'b0000000-0000-4000-8000-000000000008',"
                    + " '" + GHT + "', 700.00, DATE '2024-03-01', 'BC-4')");
        }
        db.migrateToLatest();
    }

    @AfterAll
    static void drop() {
        db.drop();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(r.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    @Test
    void eachConventionOfTheseOffersGetsItsFirstMarketFromItsCurrentData_andARecordedNewMarketItsSecond() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT convention_id, seq, starts_on, ends_on, maximum_amount, consumed_amount, exhausted_on,"
                    + " amendment_number FROM subsequent_market ORDER BY convention_id, seq")).containsExactly(
                    GROUP + "|1|2024-01-15|2027-01-14|null|5000.00|null|null",
                    BETHUNE + "|1|2022-03-01|2026-02-28|100000.00|100000.00|2023-06-15|null",
                    BETHUNE + "|2|2023-09-01|2026-02-28|null|0.00|null|1");
            // Stable ids: a second run of the same data would give the same rows.
            assertThat(rows(s, "SELECT count(*) FROM subsequent_market WHERE id = md5('" + BETHUNE + ":subsequent-market:2')::uuid"))
                    .containsExactly("1");
        }
    }

    @Test
    void ordersCountAgainstTheFirstMarket_othersAreUntouched() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT reference, subsequent_market_seq, amount FROM purchase_order ORDER BY reference"))
                    .containsExactly("BC-1|1|60000.00", "BC-2|1|40000.00", "BC-3|1|5000.00", "BC-4|null|700.00");
            assertThat(rows(s, "SELECT count(*) FROM convention")).containsExactly("3");
            assertThat(rows(s, "SELECT organisation_id, maximum_amount, consumed_amount, lapsed_on FROM beneficiary"
                    + " WHERE convention_id = '" + BETHUNE + "'")).containsExactly(CA + "|100000.00|100000.00|2023-06-15");
            ResultSet amendment = s.executeQuery("SELECT amount, maximum_amount, complement_payer_id FROM amendment");
            assertThat(amendment.next()).isTrue();
            assertThat(amendment.getBigDecimal(1)).isEqualTo(new BigDecimal("2500.00"));
            assertThat(amendment.getBigDecimal(2)).isNull();
            assertThat(amendment.getObject(3)).isNull();
        }
    }

    @Test
    void noAmendmentRestatesShares() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT count(*) FROM amendment_share")).containsExactly("0");
        }
    }
}
