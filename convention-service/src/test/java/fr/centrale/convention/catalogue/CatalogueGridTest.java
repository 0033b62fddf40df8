package fr.centrale.convention.catalogue;

import fr.centrale.common.organisation.Category;
import fr.centrale.convention.TariffRow;
import fr.centrale.convention.domain.TariffGrid;
import fr.centrale.convention.domain.TariffLine;
import fr.centrale.testing.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.domain.TariffLine.Kind.CATEGORY;
import static fr.centrale.convention.domain.TariffLine.Kind.GROUP;
import static fr.centrale.convention.domain.TariffLine.Kind.SIZE_CLASS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue that Flyway V2 loads, checked amount by amount against docs/rules.md, section 4 (the expected
 * grids below are transcribed from it, not from the migration), then read through {@link TariffGrid} for
 * the cases the decisions name (D-2, D-4, communes at the edges of a band). Plain JUnit on a real PostgreSQL:
 * no Quarkus, about two seconds.
 */
class CatalogueGridTest {

    private static PostgresServer server;
    private static String database;
    /** Offer code → its terms, one line (see {@link #terms}). */
    private static final Map<String, String> TERMS = new LinkedHashMap<>();
    /** Offer code → its rows in rank order. */
    private static final Map<String, List<TariffRow>> GRIDS = new LinkedHashMap<>();
    private static final Map<String, BigDecimal[]> CAPS = new LinkedHashMap<>();

    @BeforeAll
    static void migrate() throws SQLException {
        server = PostgresServer.startDefault();
        database = "catalogue_" + UUID.randomUUID().toString().substring(0, 8);
        String url = server.ensureDatabase(database);
        Flyway.configure().dataSource(url, server.user(), server.password())
                .locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement()) {
            ResultSet offers = s.executeQuery("SELECT * FROM offer ORDER BY code, offer_version");
            while (offers.next()) {
                TERMS.put(offers.getString("code"), terms(offers));
                CAPS.put(offers.getString("code"), new BigDecimal[]{offers.getBigDecimal("group_cap"),
                        offers.getBigDecimal("local_authority_amount")});
            }
            ResultSet rows = s.executeQuery("""
                    SELECT o.code AS offer_code, t.* FROM tariff_row t JOIN offer o ON o.id = t.offer_id
                    ORDER BY o.code, t.rank""");
            while (rows.next()) {
                TariffRow row = new TariffRow();
                row.rank = rows.getInt("rank");
                row.code = rows.getString("code");
                row.kind = TariffLine.Kind.valueOf(rows.getString("kind"));
                row.categories = rows.getString("categories");
                row.min = (Integer) rows.getObject("min_value");
                row.max = (Integer) rows.getObject("max_value");
                row.amount = rows.getBigDecimal("amount");
                row.label = rows.getString("label");
                GRIDS.computeIfAbsent(rows.getString("offer_code"), k -> new ArrayList<>()).add(row);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            if (!server.isEmbedded()) {
                server.dropDatabase(database);
            }
            server.close();
        }
    }

    // ---- The terms of each offer (docs/rules.md, section 4, 5 and 6; the decisions of the catalogue issue)

    @Test
    void everyOfferOfTheCatalogueIsThereOnceWithItsTerms() {
        // body|agreement|lot|formula|endsOn|maxMonths|model|perMarket|termDays|noticeMonths|maximums|beneficiariesPay|
        // membership|addBeneficiaryFee|increaseMaximumFee|atSignature|tierChange|groupCap|localAuthority|version|superseded
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("CAIH-SO360", "CAIH|AOO-CAIH SO360|-|-|2023-07-16|-|CALENDAR_YEAR|false|50|3|false|false|false|-|-|false|false|1500.00|1500.00|1|false");
        expected.put("RESAH-2020-027-LOT1-HEBERGEMENT", "RESAH|2020-027|1|Hébergement|2024-08-27|-|PRORATED_LAST_PERIOD|false|30|0|false|false|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE", "RESAH|2020-027|1|Hébergement + Sécurité|2024-08-27|-|PRORATED_LAST_PERIOD|false|30|0|false|false|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2020-027-LOT1-SECURITE", "RESAH|2020-027|1|Sécurité|2024-08-27|-|PRORATED_LAST_PERIOD|false|30|0|false|false|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2021-008-LOT1", "RESAH|2021-008|1|-|-|48|PRORATED_LAST_PERIOD|false|30|0|true|true|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2021-008-LOT2", "RESAH|2021-008|2|-|-|48|PRORATED_LAST_PERIOD|false|30|0|true|true|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2021-008-LOT3", "RESAH|2021-008|3|-|-|48|PRORATED_LAST_PERIOD|false|30|0|true|true|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2021-008-LOT4", "RESAH|2021-008|4|-|-|48|PRORATED_LAST_PERIOD|false|30|0|true|true|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2021-045-LOT2", "RESAH|2021-045|2|-|-|-|FULL_YEAR|false|30|0|true|false|true|-|150.00|false|false|-|-|1|false");
        expected.put("RESAH-2021-045-LOT4", "RESAH|2021-045|4|-|-|-|FULL_YEAR|false|30|0|true|false|true|-|150.00|false|false|-|-|1|false");
        expected.put("RESAH-2021-046-001", "RESAH|2021-046-001|-|-|-|-|FULL_YEAR|true|30|0|true|true|true|150.00|300.00|false|true|-|-|1|false");
        expected.put("RESAH-2021-047-001", "RESAH|2021-047-001|-|-|-|-|FULL_YEAR|true|30|0|true|true|true|-|-|false|false|-|-|1|false");
        expected.put("RESAH-2021-063-002", "RESAH|2021-063-002|-|-|-|-|FULL_YEAR|false|30|0|true|false|true|-|150.00|true|false|-|-|1|false");
        assertThat(TERMS).containsExactlyInAnyOrderEntriesOf(expected);
    }

    // ---- Every amount of every grid, as docs/rules.md, section 4 prints it

    private record Row(String code, TariffLine.Kind kind, String categories, Integer min, Integer max, String amount) {
        @Override
        public String toString() {
            return code + " " + kind + " " + categories + " [" + min + ", " + max + "] " + amount;
        }
    }

    private static Row row(String code, TariffLine.Kind kind, String categories, Integer min, Integer max, String amount) {
        return new Row(code, kind, categories, min, max, amount);
    }

    private static List<Row> actual(String offer) {
        assertThat(GRIDS).containsKey(offer);
        return GRIDS.get(offer).stream().map(r -> new Row(r.code, r.kind, r.categories, r.min, r.max,
                r.amount == null ? null : r.amount.toPlainString())).toList();
    }

    @Test
    void resah2021046001() {
        assertThat(actual("RESAH-2021-046-001")).containsExactly(
                row("GROUP_10_PLUS", GROUP, null, 10, null, "4000.00"),
                row("GROUP_5_9", GROUP, null, 5, 9, "3500.00"),
                row("GROUP_2_4", GROUP, null, 2, 4, "3000.00"),
                row("EPS_ESPIC_CD_SDIS_OPH", CATEGORY, "EPS,ESPIC,DEPARTEMENT,SDIS,OPH", null, null, "2500.00"),
                row("ESMS", CATEGORY, "ESMS", null, null, "1500.00"),
                row("OTHERS", CATEGORY, "OTHER", null, null, null));
    }

    @Test
    void resah2021047001() {
        assertThat(actual("RESAH-2021-047-001")).containsExactly(
                row("GROUP_20_PLUS", GROUP, null, 20, null, "5000.00"),
                row("GROUP_10_19", GROUP, null, 10, 19, "4000.00"),
                row("GROUP_5_9", GROUP, null, 5, 9, "3500.00"),
                row("GROUP_2_4", GROUP, null, 2, 4, "3000.00"),
                row("REGION", CATEGORY, "REGION", null, null, "4000.00"),
                row("METROPOLE", CATEGORY, "METROPOLE", null, null, "3500.00"),
                row("COMMUNAUTE_URBAINE", CATEGORY, "COMMUNAUTE_URBAINE", null, null, "3000.00"),
                row("COMMUNAUTE_AGGLOMERATION", CATEGORY, "COMMUNAUTE_AGGLOMERATION", null, null, "2500.00"),
                row("COMMUNE_50000_PLUS", CATEGORY, "COMMUNE", 50000, null, "2500.00"),
                row("COMMUNAUTE_COMMUNES", CATEGORY, "COMMUNAUTE_COMMUNES", null, null, "1500.00"),
                row("COMMUNE_20000_49999", CATEGORY, "COMMUNE", 20000, 49999, "1500.00"),
                row("OTHERS", CATEGORY, "OTHER", null, null, null));
    }

    @Test
    void resah2021008FourLots() {
        // docs/rules.md: amounts Lot1/Lot2/Lot3/Lot4, the group "of more than 10" from 10 on (D-2).
        String[][] grid = {
                {"GROUP_10_PLUS", "2500", "2000", "2500", "300"},
                {"GROUP_5_9", "2000", "1500", "2000", "300"},
                {"GROUP_2_4", "1500", "1000", "1500", "300"},
                {"REGION", "2500", "2000", "2500", "300"},
                {"METROPOLE", "2500", "2000", "2500", "300"},
                {"DEPARTEMENT", "2500", "2000", "2500", "300"},
                {"COMMUNAUTE_URBAINE", "2000", "1500", "2000", "300"},
                {"COMMUNAUTE_AGGLOMERATION", "2000", "1500", "2000", "300"},
                {"COMMUNE_50000_PLUS", "1500", "1000", "1500", "300"},
                {"COMMUNAUTE_COMMUNES", "1500", "1000", "1500", "300"},
                {"COMMUNE_UNDER_50000", "1000", "750", "1000", "300"}};
        for (int lot = 1; lot <= 4; lot++) {
            String[] a = new String[grid.length];
            for (int i = 0; i < grid.length; i++) {
                a[i] = grid[i][lot] + ".00";
            }
            assertThat(actual("RESAH-2021-008-LOT" + lot)).as("lot %d", lot).containsExactly(
                    row("GROUP_10_PLUS", GROUP, null, 10, null, a[0]),
                    row("GROUP_5_9", GROUP, null, 5, 9, a[1]),
                    row("GROUP_2_4", GROUP, null, 2, 4, a[2]),
                    row("REGION", CATEGORY, "REGION", null, null, a[3]),
                    row("METROPOLE", CATEGORY, "METROPOLE", null, null, a[4]),
                    row("DEPARTEMENT", CATEGORY, "DEPARTEMENT", null, null, a[5]),
                    row("COMMUNAUTE_URBAINE", CATEGORY, "COMMUNAUTE_URBAINE", null, null, a[6]),
                    row("COMMUNAUTE_AGGLOMERATION", CATEGORY, "COMMUNAUTE_AGGLOMERATION", null, null, a[7]),
                    row("COMMUNE_50000_PLUS", CATEGORY, "COMMUNE", 50000, null, a[8]),
                    row("COMMUNAUTE_COMMUNES", CATEGORY, "COMMUNAUTE_COMMUNES", null, null, a[9]),
                    row("COMMUNE_UNDER_50000", CATEGORY, "COMMUNE", null, 49999, a[10]));
        }
    }

    @Test
    void resah2020027Lot1ThreeFormulas() {
        // Columns: ESMS — EPS/ESPIC/SDIS/GCSMS/OHLM — group 2-4 — group 5-9 or CD — group ≥ 10 — others (quote).
        Map<String, String[]> formulas = Map.of(
                "RESAH-2020-027-LOT1-HEBERGEMENT", new String[]{"500.00", "750.00", "1000.00", "1250.00", "2000.00"},
                "RESAH-2020-027-LOT1-SECURITE", new String[]{"300.00", "500.00", "750.00", "1000.00", "1500.00"},
                "RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE", new String[]{"720.00", "1125.00", "1575.00", "2025.00", "3150.00"});
        formulas.forEach((code, a) -> assertThat(actual(code)).as(code).containsExactly(
                row("ESMS", CATEGORY, "ESMS", null, null, a[0]),
                row("EPS_ESPIC_SDIS_GCSMS_OPH", CATEGORY, "EPS,ESPIC,SDIS,GCSMS,OPH", null, null, a[1]),
                row("GROUP_2_4", GROUP, null, 2, 4, a[2]),
                row("GROUP_5_9", GROUP, null, 5, 9, a[3]),
                row("DEPARTEMENT", CATEGORY, "DEPARTEMENT", null, null, a[3]),
                row("GROUP_10_PLUS", GROUP, null, 10, null, a[4]),
                row("OTHERS", CATEGORY, "OTHER", null, null, null)));
    }

    @Test
    void resah2021045Lots2And4() {
        Map<String, String[]> lots = Map.of(
                "RESAH-2021-045-LOT2", new String[]{"1750.00", "1750.00", "1500.00", "1000.00", "1000.00", "750.00", "750.00"},
                "RESAH-2021-045-LOT4", new String[]{"1100.00", "1100.00", "700.00", "500.00", "500.00", "300.00", "300.00"});
        lots.forEach((code, a) -> assertThat(actual(code)).as(code).containsExactly(
                row("REGION", CATEGORY, "REGION", null, null, a[0]),
                row("METROPOLE", CATEGORY, "METROPOLE", null, null, a[1]),
                row("COMMUNAUTE_URBAINE", CATEGORY, "COMMUNAUTE_URBAINE", null, null, a[2]),
                row("COMMUNAUTE_AGGLOMERATION", CATEGORY, "COMMUNAUTE_AGGLOMERATION", null, null, a[3]),
                row("COMMUNE_50000_PLUS", CATEGORY, "COMMUNE", 50000, null, a[4]),
                row("COMMUNAUTE_COMMUNES", CATEGORY, "COMMUNAUTE_COMMUNES", null, null, a[5]),
                row("COMMUNE_20000_49999", CATEGORY, "COMMUNE", 20000, 49999, a[6]),
                row("OTHERS", CATEGORY, "OTHER", null, null, null)));
    }

    @Test
    void resah2021063002() {
        assertThat(actual("RESAH-2021-063-002")).containsExactly(
                row("REGION", CATEGORY, "REGION", null, null, "1500.00"),
                row("METROPOLE", CATEGORY, "METROPOLE", null, null, "750.00"),
                row("COMMUNAUTE_URBAINE", CATEGORY, "COMMUNAUTE_URBAINE", null, null, "750.00"),
                row("COMMUNE_50000_PLUS", CATEGORY, "COMMUNE", 50000, null, "500.00"),
                row("COMMUNAUTE_AGGLOMERATION", CATEGORY, "COMMUNAUTE_AGGLOMERATION", null, null, "500.00"),
                row("COMMUNE_20000_30000", CATEGORY, "COMMUNE", 20000, 30000, "300.00"),
                row("COMMUNAUTE_COMMUNES", CATEGORY, "COMMUNAUTE_COMMUNES", null, null, "300.00"),
                row("OTHERS", CATEGORY, "OTHER", null, null, null));
    }

    @Test
    void caihSo360() {
        assertThat(actual("CAIH-SO360")).containsExactly(
                row("SIZE_500_PLUS", SIZE_CLASS, null, 500, null, "400.00"),
                row("SIZE_100_499", SIZE_CLASS, null, 100, 499, "200.00"),
                row("SIZE_UNDER_100", SIZE_CLASS, null, 0, 99, "100.00"));
        assertThat(CAPS.get("CAIH-SO360")).extracting(BigDecimal::toPlainString).containsExactly("1500.00", "1500.00");
    }

    @Test
    void everyRowHasALabelAndOnlyTheGridsAboveExist() {
        assertThat(GRIDS.keySet()).containsExactlyInAnyOrderElementsOf(TERMS.keySet());
        GRIDS.forEach((offer, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).rank).as(offer + " rank").isEqualTo(i + 1);
                assertThat(rows.get(i).label).as(offer + " " + rows.get(i).code).isNotBlank();
            }
        });
        assertThat(GRIDS.values().stream().mapToInt(List::size).sum()).isEqualTo(6 + 12 + 4 * 11 + 3 * 7 + 2 * 8 + 8 + 3);
    }

    // ---- Reading the grids: TariffGrid over the stored rows

    /**
     * @param beneficiaries {@code N*CATEGORY[:population][#headcount]} joined by {@code +}, e.g. {@code 3*EPS#600+2*EPS#200}
     * @param amount        the annual amount, or ON_QUOTE
     */
    @ParameterizedTest(name = "{0}: {1} → {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            RESAH-2021-008-LOT1                      | 10*EPS                  | 2500.00  | GROUP_10_PLUS
            RESAH-2021-008-LOT1                      | 11*COMMUNE:1000         | 2500.00  | GROUP_10_PLUS
            RESAH-2021-008-LOT1                      | 9*EPS                   | 2000.00  | GROUP_5_9
            RESAH-2021-008-LOT1                      | EPS                     | ON_QUOTE | ON_QUOTE
            RESAH-2021-008-LOT2                      | COMMUNE:49999           | 750.00   | COMMUNE_UNDER_50000
            RESAH-2021-008-LOT2                      | COMMUNE:50000           | 1000.00  | COMMUNE_50000_PLUS
            RESAH-2021-008-LOT3                      | DEPARTEMENT             | 2500.00  | DEPARTEMENT
            RESAH-2021-008-LOT4                      | 3*REGION                | 300.00   | GROUP_2_4
            RESAH-2021-063-002                       | COMMUNE:40000           | ON_QUOTE | ON_QUOTE
            RESAH-2021-063-002                       | COMMUNE:30000           | 300.00   | COMMUNE_20000_30000
            RESAH-2021-063-002                       | COMMUNE:20000           | 300.00   | COMMUNE_20000_30000
            RESAH-2021-063-002                       | COMMUNE:30001           | ON_QUOTE | ON_QUOTE
            RESAH-2021-063-002                       | COMMUNE:19999           | ON_QUOTE | ON_QUOTE
            RESAH-2021-063-002                       | COMMUNE:50000           | 500.00   | COMMUNE_50000_PLUS
            RESAH-2021-063-002                       | REGION                  | 1500.00  | REGION
            RESAH-2020-027-LOT1-SECURITE             | DEPARTEMENT             | 1000.00  | DEPARTEMENT
            RESAH-2020-027-LOT1-SECURITE             | 6*EPS                   | 1000.00  | GROUP_5_9
            RESAH-2020-027-LOT1-SECURITE             | OTHER                   | ON_QUOTE | ON_QUOTE
            RESAH-2020-027-LOT1-HEBERGEMENT          | ESMS                    | 500.00   | ESMS
            RESAH-2020-027-LOT1-HEBERGEMENT          | GCSMS                   | 750.00   | EPS_ESPIC_SDIS_GCSMS_OPH
            RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE | 10*ESMS                 | 3150.00  | GROUP_10_PLUS
            RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE | 2*EPS                   | 1575.00  | GROUP_2_4
            RESAH-2021-045-LOT2                      | COMMUNAUTE_AGGLOMERATION| 1000.00  | COMMUNAUTE_AGGLOMERATION
            RESAH-2021-045-LOT2                      | COMMUNE:19999           | ON_QUOTE | ON_QUOTE
            RESAH-2021-045-LOT4                      | COMMUNE:25000           | 300.00   | COMMUNE_20000_49999
            RESAH-2021-045-LOT4                      | METROPOLE               | 1100.00  | METROPOLE
            RESAH-2021-046-001                       | DEPARTEMENT             | 2500.00  | EPS_ESPIC_CD_SDIS_OPH
            RESAH-2021-046-001                       | ESMS                    | 1500.00  | ESMS
            RESAH-2021-046-001                       | 4*EPS                   | 3000.00  | GROUP_2_4
            RESAH-2021-046-001                       | 5*EPS                   | 3500.00  | GROUP_5_9
            RESAH-2021-046-001                       | 10*EPS                  | 4000.00  | GROUP_10_PLUS
            RESAH-2021-046-001                       | COMMUNE:60000           | ON_QUOTE | ON_QUOTE
            RESAH-2021-047-001                       | 20*COMMUNE:30000        | 5000.00  | GROUP_20_PLUS
            RESAH-2021-047-001                       | 19*COMMUNE:30000        | 4000.00  | GROUP_10_19
            RESAH-2021-047-001                       | REGION                  | 4000.00  | REGION
            RESAH-2021-047-001                       | COMMUNE:20000           | 1500.00  | COMMUNE_20000_49999
            RESAH-2021-047-001                       | COMMUNE:15000           | ON_QUOTE | ON_QUOTE
            CAIH-SO360                               | EPS#350                 | 200.00   | SIZE_100_499
            CAIH-SO360                               | EPS#500                 | 400.00   | SIZE_500_PLUS
            CAIH-SO360                               | ESMS#99                 | 100.00   | SIZE_UNDER_100
            CAIH-SO360                               | 3*EPS#600+2*EPS#200     | 1500.00  | GROUP_CAPPED
            CAIH-SO360                               | 2*EPS#150+ESMS#50       | 500.00   | GROUP_SUM
            CAIH-SO360                               | DEPARTEMENT#600         | 1500.00  | LOCAL_AUTHORITY
            CAIH-SO360                               | DEPARTEMENT#50          | 1500.00  | LOCAL_AUTHORITY
            """)
    void theGridReadsAsDomainMdSays(String offer, String beneficiaries, String amount, String tier) {
        TariffGrid grid = new TariffGrid(GRIDS.get(offer).stream().map(TariffRow::toLine).toList(),
                CAPS.get(offer)[0], CAPS.get(offer)[1]);
        TariffGrid.Resolution resolution = grid.resolve(parties(beneficiaries));
        assertThat(resolution.tier()).isEqualTo(tier);
        if ("ON_QUOTE".equals(amount)) {
            assertThat(resolution.isOnQuote()).isTrue();
        } else {
            assertThat(resolution.annualAmount()).isEqualByComparingTo(amount);
            assertThat(resolution.annualAmount().scale()).isEqualTo(2);
        }
        assertThat(resolution.gridRow()).isNotBlank();
    }

    private static List<TariffGrid.Party> parties(String spec) {
        List<TariffGrid.Party> parties = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            int count = 1;
            String rest = part.trim();
            int star = rest.indexOf('*');
            if (star > 0) {
                count = Integer.parseInt(rest.substring(0, star));
                rest = rest.substring(star + 1);
            }
            Integer headcount = null;
            int hash = rest.indexOf('#');
            if (hash > 0) {
                headcount = Integer.parseInt(rest.substring(hash + 1));
                rest = rest.substring(0, hash);
            }
            Integer population = null;
            int colon = rest.indexOf(':');
            if (colon > 0) {
                population = Integer.parseInt(rest.substring(colon + 1));
                rest = rest.substring(0, colon);
            }
            for (int i = 0; i < count; i++) {
                parties.add(new TariffGrid.Party(UUID.randomUUID(), Category.valueOf(rest), population, headcount));
            }
        }
        return parties;
    }

    private static String terms(ResultSet o) throws SQLException {
        List<Object> values = List.of(
                o.getString("purchasing_body"), o.getString("framework_agreement"), or(o.getString("lot")),
                or(o.getString("formula")), or(o.getDate("ends_on")), or(o.getObject("max_duration_months")),
                o.getString("pricing_model"), o.getBoolean("billed_per_subsequent_market"), o.getInt("payment_term_days"),
                o.getInt("termination_notice_months"), o.getBoolean("has_maximum_amounts"),
                o.getBoolean("beneficiaries_may_pay"), o.getBoolean("membership_required"),
                or(o.getBigDecimal("add_beneficiary_fee")), or(o.getBigDecimal("increase_maximum_fee")),
                o.getBoolean("increase_maximum_due_at_signature"), o.getBoolean("tier_change_complement"),
                or(o.getBigDecimal("group_cap")), or(o.getBigDecimal("local_authority_amount")),
                o.getInt("offer_version"), o.getBoolean("superseded"));
        assertThat(o.getString("title")).isNotBlank();
        return String.join("|", values.stream().map(String::valueOf).toList());
    }

    private static Object or(Object value) {
        return value == null ? "-" : value instanceof BigDecimal d ? d.toPlainString() : value;
    }
}
