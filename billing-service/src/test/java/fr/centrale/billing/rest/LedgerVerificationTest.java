package fr.centrale.billing.rest;

import fr.centrale.billing.service.LedgerArchives;
import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.IdentityFilter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.item;
import static fr.centrale.billing.rest.Ledger.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tamper evidence (README, "Tamper evidence"): a ledger written through the API verifies; a row changed, a titre deleted
 * or a payment's amount changed behind the application's back (its immutability triggers disabled) is named by the
 * verification; the archive of a closed year is signed and its parts are those its manifest names.
 */
@QuarkusTest
class LedgerVerificationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AgroalDataSource db;

    private String code;
    /** The 2024 titres in serial order, then the 2025 ones. */
    private List<String> titres2024;
    private List<String> titres2025;
    private String payment2025;

    private static void today(String date) {
        QuarkusMock.installMockForType(Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                ZoneId.of("Europe/Paris")), Clock.class);
    }

    /**
     * One issuer: four titres issued on 02/01/2024 (one of them 1 500,00 HT + 20 % VAT) and three on 02/01/2025; on
     * 01/03/2025 a payment on the first of 2024, a mandat 673 cancelling the second of 2024 (a closed year, R-7), a
     * reduction of the first of 2025, a cancellation of the second of 2025 and a payment on the third.
     */
    @BeforeEach
    void aLedger() {
        SourceServicesStub.reset();
        breakers.resetAll();
        today("2025-03-01");
        code = issuer(30, "Tribunal administratif de Lille");
        UUID d = debtor("Département du Pas-de-Calais");
        List<BillableItem> items = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            items.add(item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(), 1, code, d, "Cotisation 2024 | n° " + i,
                    "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        }
        items.add(new BillableItem(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), 1, BillableItem.Kind.ANNUAL_CONTRIBUTION,
                code, d, "SO360\nligne 2", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), LocalDate.parse("2024-01-02"),
                null, new java.math.BigDecimal("1500.00"), new java.math.BigDecimal("1500.00"), 50, "Grille \\ CAIH", BillableItem.Taxation.BEFORE_VAT,
                new java.math.BigDecimal("20"), "EJ-1", "SERV", "Convention SO360 signée le 15/12/2023"));
        for (int i = 1; i <= 3; i++) {
            items.add(item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(), 2, code, d, "Cotisation 2025 n° " + i,
                    "2025-01-01", "2025-12-31", "2025-01-02", null, "600.00", "600.00", 30));
        }
        SourceServicesStub.stubMembershipFeed(items.stream().filter(i -> i.sourceType() == BillableItem.SourceType.MEMBERSHIP).toList());
        SourceServicesStub.stubConventionFeed(items.stream().filter(i -> i.sourceType() == BillableItem.SourceType.CONVENTION).toList());
        run("2024-01-02").statusCode(201).body("issuedCount", equalTo(5));
        run("2025-01-02").statusCode(201).body("issuedCount", equalTo(3));
        titres2024 = ids(2024);
        titres2025 = ids(2025);
        pay(titres2024.get(0), "100.00");
        correct(titres2024.get(1), null).body("kind", equalTo("MANDATE_673"));
        correct(titres2025.get(0), "50.00").body("kind", equalTo("REDUCTION"));
        correct(titres2025.get(1), null).body("kind", equalTo("CANCELLATION"));
        payment2025 = pay(titres2025.get(2), "600.00");
    }

    private List<String> ids(int year) {
        List<String> ids = given().queryParam("issuer", code).queryParam("year", year).queryParam("size", 100).when()
                .get("/api/v1/titres").then().statusCode(200).extract().path("items.findAll { it.kind == 'ORIGINAL' }.id");
        List<String> numbers = given().queryParam("issuer", code).queryParam("year", year).queryParam("size", 100).when()
                .get("/api/v1/titres").then().extract().path("items.findAll { it.kind == 'ORIGINAL' }.number");
        Map<String, String> byNumber = new java.util.TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byNumber.put(numbers.get(i), ids.get(i));
        }
        return new ArrayList<>(byNumber.values());
    }

    private static String pay(String titre, String amount) {
        return given().contentType(ContentType.JSON).body(Map.of("amount", amount, "paidOn", "2025-02-01", "reference", "VIR | " + amount))
                .when().post("/api/v1/titres/{id}/payments", titre).then().statusCode(201).extract().path("payments[-1].id");
    }

    private static io.restassured.response.ValidatableResponse correct(String titre, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "Erreur de tarif\r\nsignalée");
        if (amount != null) {
            body.put("amount", amount);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/titres/{id}/cancellation", titre).then()
                .statusCode(201);
    }

    private static RequestSpecification as(String roles) {
        return given().header(IdentityFilter.USER, "someone@example.fr").header(IdentityFilter.ROLES, roles);
    }

    private JsonPath verify(Map<String, ?> query) {
        return as("finance").queryParams(query).when().get("/api/v1/ledger/verification").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private JsonPath verifyIssuer() {
        return verify(Map.of("issuer", code));
    }

    // ---- a clean ledger ----

    @Test
    void aLedgerWrittenThroughTheApiVerifies() {
        JsonPath v = verifyIssuer();
        assertThat(v.getBoolean("holds")).as("%s", v.prettify()).isTrue();
        assertThat(v.getLong("breakCount")).isZero();
        assertThat(v.getList("checks.name")).containsExactly("CHAINS", "NUMBER_SERIES", "TOTALS", "BALANCES", "CLAIMS", "EVENTS",
                "REFERENCES");
        assertThat(v.getList("checks.holds", Boolean.class)).containsOnly(true);
        // V13: each of the issuer's 11 titres names its run (or none, for a correction), bordereau and settings revision
        assertThat(v.getLong("checks.find { it.name == 'REFERENCES' }.checked")).isEqualTo(11);
        // 5 + 3 originals, a reduction and a cancellation in 2025, one mandat 673 of 2025, two payments.
        Map<String, Integer> lengths = new LinkedHashMap<>();
        List<Map<String, Object>> chains = v.getList("chains");
        for (Map<String, Object> c : chains) {
            lengths.put((String) c.get("series"), (Integer) c.get("length"));
            assertThat(c.get("headLength")).isEqualTo(c.get("length"));
            assertThat((String) c.get("head")).matches("[0-9a-f]{64}");
            assertThat(c.get("holds")).isEqualTo(true);
        }
        // docs/rules.md, R-6: the 2024 run's bordereau; in 2025 the run's, the reduction's and the cancellation's (a mandat
        // 673 is on none).
        assertThat(lengths).isEqualTo(Map.of(code + "-2024", 5, code + "-2024-PAYMENT", 1, code + "-2024-BORDEREAU", 1, code + "-2025", 5,
                code + "-2025-M673", 1, code + "-2025-PAYMENT", 1, code + "-2025-BORDEREAU", 3));
        assertThat(v.getLong("checks.find { it.name == 'CHAINS' }.checked")).isEqualTo(17);
        assertThat(v.getList("chains.findAll { it.kind == 'BORDEREAU' }.open", Integer.class)).containsExactly(0, 0);
        assertThat(v.getList("chains.findAll { it.kind != 'BORDEREAU' }.open")).containsOnlyNulls();

        JsonPath year = verify(Map.of("issuer", code.toLowerCase(), "year", 2024));
        assertThat(year.getBoolean("holds")).isTrue();
        assertThat(year.getString("issuer")).isEqualTo(code);
        assertThat(year.getList("chains.series")).containsExactly(code + "-2024", code + "-2024-PAYMENT", code + "-2024-BORDEREAU");

        // The whole ledger of the test database, every issuer's, verifies too.
        JsonPath all = verify(Map.of());
        assertThat(all.getBoolean("holds")).as("%s", all.getList("breaks")).isTrue();
    }

    // ---- what tampering the verification names ----

    @Test
    void aRowEditedBehindTheApplicationsBackIsNamed() throws SQLException {
        String titre = titres2024.get(2);
        String number = code + "-2024-000003";
        sql("ALTER TABLE titre DISABLE TRIGGER titre_never_changes",
                "UPDATE titre SET debtor_name = 'Commune de Nulle Part' WHERE id = '" + titre + "'",
                "ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            assertThat(v.getBoolean("checks.find { it.name == 'CHAINS' }.holds")).isFalse();
            assertThat(v.getBoolean("checks.find { it.name == 'TOTALS' }.holds")).isTrue();
            List<Map<String, Object>> breaks = v.getList("breaks");
            assertThat(breaks).hasSize(1);
            assertThat(breaks.get(0)).containsEntry("check", "CHAINS").containsEntry("series", code + "-2024")
                    .containsEntry("number", number).containsEntry("id", titre).containsEntry("position", 3);
            assertThat((String) breaks.get(0).get("what")).contains("is not that of its content");
            assertThat(v.getBoolean("chains.find { it.series == '" + code + "-2024' }.holds")).isFalse();
            assertThat(v.getBoolean("chains.find { it.series == '" + code + "-2025' }.holds")).isTrue();
        } finally {
            sql("ALTER TABLE titre DISABLE TRIGGER titre_never_changes",
                    "UPDATE titre SET debtor_name = 'Département du Pas-de-Calais' WHERE id = '" + titre + "'",
                    "ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    @Test
    void aLineAmountChangedBreaksTheChainAndTheTotals() throws SQLException {
        String titre = titres2025.get(2);
        sql("ALTER TABLE titre_line DISABLE TRIGGER titre_line_never_changes",
                "UPDATE titre_line SET amount = 500.00, amount_ttc = 500.00 WHERE titre_id = '" + titre + "'",
                "ALTER TABLE titre_line ENABLE TRIGGER titre_line_never_changes");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            assertThat(v.getList("breaks.findAll { it.series == '" + code + "-2025' }.check")).containsExactlyInAnyOrder("CHAINS", "TOTALS", "TOTALS");
            assertThat(v.getList("breaks.findAll { it.series == '" + code + "-2025' }.id")).containsOnly(titre);
            assertThat(v.getList("breaks.what", String.class)).anyMatch(w -> w.startsWith("total HT 600.00 ≠ the sum of the lines 500.00"));
            // Its bordereau's totals (R-6) are no longer those of its titres' lines either.
            assertThat(v.getList("breaks.findAll { it.series == '" + code + "-2025-BORDEREAU' }.check")).containsOnly("TOTALS");
            assertThat(v.getList("breaks.findAll { it.series == '" + code + "-2025-BORDEREAU' }.what", String.class))
                    .contains("total HT 1800.00 ≠ the sum of its titres' lines 1700.00");
            assertThat(v.getList("breaks.findAll { it.series == '" + code + "-2025-BORDEREAU' }.number")).containsOnly(code + "-2025-B-000001");
        } finally {
            sql("ALTER TABLE titre_line DISABLE TRIGGER titre_line_never_changes",
                    "UPDATE titre_line SET amount = 600.00, amount_ttc = 600.00 WHERE titre_id = '" + titre + "'",
                    "ALTER TABLE titre_line ENABLE TRIGGER titre_line_never_changes");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    @Test
    void aDeletedTitreIsAGapInItsSeries() throws SQLException {
        String titre = titres2024.get(2);
        String where = " WHERE titre_id = '" + titre + "'";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("titre", "titre_line", "titre_event", "issued_item")) {
                s.execute("CREATE TEMPORARY TABLE saved_" + table + " AS SELECT * FROM " + table
                        + (table.equals("titre") ? " WHERE id = '" + titre + "'" : where));
            }
            for (String table : List.of("titre_event", "issued_item", "titre_line", "titre")) {
                s.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_never_changes");
                s.execute("DELETE FROM " + table + (table.equals("titre") ? " WHERE id = '" + titre + "'" : where));
                s.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + table + "_never_changes");
            }
            try {
                JsonPath v = verifyIssuer();
                assertThat(v.getBoolean("holds")).isFalse();
                List<Map<String, Object>> breaks = v.getList("breaks");
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "NUMBER_SERIES")
                        .containsEntry("series", code + "-2024").containsEntry("number", code + "-2024-000004")
                        .containsEntry("what", "position 3 is missing"));
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "CHAINS")
                        .containsEntry("number", code + "-2024-000004").containsEntry("position", 4));
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "CHAINS").containsEntry("series", code + "-2024")
                        .containsEntry("what", "the head records 5 record(s); 4 found, the last at position 5"));
                // Its ISSUED event went with it: the feed has a gap.
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "EVENTS").containsEntry("series", "feed")
                        .satisfies(m -> assertThat((String) m.get("what")).endsWith("is missing")));
                // Its bordereau (R-6) no longer lists it: its chain and its totals say so; every titre's totals hold.
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "CHAINS").containsEntry("series", code + "-2024-BORDEREAU")
                        .containsEntry("number", code + "-2024-B-000001"));
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "TOTALS").containsEntry("number", code + "-2024-B-000001")
                        .containsEntry("what", "titre count 5 ≠ the 4 titre(s) that name it"));
                assertThat(v.getList("breaks.findAll { it.check == 'TOTALS' }.series")).containsOnly(code + "-2024-BORDEREAU");
            } finally {
                for (String table : List.of("titre", "titre_line", "issued_item", "titre_event")) {
                    s.execute("INSERT INTO " + table + " SELECT * FROM saved_" + table);
                    s.execute("DROP TABLE saved_" + table);
                }
            }
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    @Test
    void aChangedPaymentAmountIsNamed() throws SQLException {
        sql("ALTER TABLE payment DISABLE TRIGGER payment_never_changes",
                "UPDATE payment SET amount = 60.00 WHERE id = '" + payment2025 + "'",
                "ALTER TABLE payment ENABLE TRIGGER payment_never_changes");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            List<Map<String, Object>> breaks = v.getList("breaks");
            assertThat(breaks).hasSize(1);
            assertThat(breaks.get(0)).containsEntry("check", "CHAINS").containsEntry("series", code + "-2025-PAYMENT")
                    .containsEntry("id", payment2025).containsEntry("number", code + "-2025-000003").containsEntry("position", 1);
        } finally {
            sql("ALTER TABLE payment DISABLE TRIGGER payment_never_changes",
                    "UPDATE payment SET amount = 600.00 WHERE id = '" + payment2025 + "'",
                    "ALTER TABLE payment ENABLE TRIGGER payment_never_changes");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    /** docs/rules.md, R-6: the 2025 run's bordereau (three titres of 600.00) edited behind the application's back. */
    @Test
    void aBordereauEditedBehindTheApplicationsBackIsNamed() throws SQLException {
        String number = code + "-2025-B-000001";
        String bordereau = given().when().get("/api/v1/titres/{id}", titres2025.get(2)).then().statusCode(200)
                .body("bordereau.number", equalTo(number)).extract().path("bordereau.id");
        // Once chained, its row and its totals per rate refuse any change.
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> sql("UPDATE bordereau SET total_ht = total_ht WHERE id = '" + bordereau + "'")).getMessage()).contains("is chained");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> sql("UPDATE bordereau_rate SET total_ht = total_ht WHERE bordereau_id = '" + bordereau + "'")).getMessage())
                .contains("chained");
        // Its officer's revision and its totals changed, triggers disabled.
        sql("ALTER TABLE bordereau DISABLE TRIGGER USER",
                "UPDATE bordereau SET settings_revision_id = NULL, total_ht = 1900.00, total_ttc = 1900.00 WHERE id = '" + bordereau + "'",
                "ALTER TABLE bordereau ENABLE TRIGGER USER");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            List<Map<String, Object>> breaks = v.getList("breaks");
            assertThat(breaks).extracting(b -> b.get("check")).containsExactlyInAnyOrder("CHAINS", "TOTALS", "TOTALS");
            assertThat(breaks).allSatisfy(b -> assertThat(b).containsEntry("series", code + "-2025-BORDEREAU").containsEntry("number", number)
                    .containsEntry("id", bordereau));
            assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "CHAINS").containsEntry("position", 1)
                    .satisfies(m -> assertThat((String) m.get("what")).contains("is not that of its content")));
            assertThat(v.getList("breaks.what", String.class)).contains("total HT 1900.00 ≠ the sum of its titres' lines 1800.00",
                    "total TTC 1900.00 ≠ the sum of its titres' lines 1800.00");
            assertThat(v.getBoolean("chains.find { it.series == '" + code + "-2025-BORDEREAU' }.holds")).isFalse();
            assertThat(v.getBoolean("chains.find { it.series == '" + code + "-2025' }.holds")).isTrue();
        } finally {
            sql("ALTER TABLE bordereau DISABLE TRIGGER USER",
                    "UPDATE bordereau b SET settings_revision_id = t.settings_revision_id, total_ht = 1800.00, total_ttc = 1800.00 "
                            + "FROM titre t WHERE t.id = '" + titres2025.get(2) + "' AND b.id = '" + bordereau + "'",
                    "ALTER TABLE bordereau ENABLE TRIGGER USER");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();

        // A titre moved to another bordereau (the reduction's): both bordereaux' chains and totals say so.
        String reductionBordereau = code + "-2025-B-000002";
        sql("ALTER TABLE titre DISABLE TRIGGER titre_never_changes",
                "UPDATE titre SET bordereau_id = (SELECT id FROM bordereau WHERE number = '" + reductionBordereau + "') WHERE id = '"
                        + titres2025.get(2) + "'",
                "ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            assertThat(v.getList("breaks.findAll { it.check == 'CHAINS' }.number")).containsExactly(number, reductionBordereau);
            assertThat(v.getList("breaks.findAll { it.check == 'TOTALS' }.number")).contains(number, reductionBordereau);
        } finally {
            sql("ALTER TABLE titre DISABLE TRIGGER titre_never_changes",
                    "UPDATE titre SET bordereau_id = '" + bordereau + "' WHERE id = '" + titres2025.get(2) + "'",
                    "ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    /** A bordereau removed (its titres left without one) is a gap in the number series and in the chain of bordereaux. */
    @Test
    void aRemovedBordereauIsAGapInItsSeries() throws SQLException {
        String number = code + "-2025-B-000002";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE saved_bordereau AS SELECT * FROM bordereau WHERE number = '" + number + "'");
            s.execute("CREATE TEMPORARY TABLE saved_bordereau_rate AS SELECT r.* FROM bordereau_rate r JOIN saved_bordereau b ON b.id = r.bordereau_id");
            s.execute("CREATE TEMPORARY TABLE saved_titre AS SELECT t.id, t.bordereau_id FROM titre t JOIN saved_bordereau b ON b.id = t.bordereau_id");
            s.execute("ALTER TABLE titre DISABLE TRIGGER titre_never_changes");
            s.execute("ALTER TABLE bordereau_rate DISABLE TRIGGER USER");
            s.execute("ALTER TABLE bordereau DISABLE TRIGGER USER");
            s.execute("UPDATE titre SET bordereau_id = NULL WHERE id IN (SELECT id FROM saved_titre)");
            s.execute("DELETE FROM bordereau_rate WHERE bordereau_id IN (SELECT id FROM saved_bordereau)");
            s.execute("DELETE FROM bordereau WHERE number = '" + number + "'");
            try {
                JsonPath v = verifyIssuer();
                assertThat(v.getBoolean("holds")).isFalse();
                List<Map<String, Object>> breaks = v.getList("breaks");
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "NUMBER_SERIES")
                        .containsEntry("series", code + "-2025-BORDEREAU").containsEntry("number", code + "-2025-B-000003")
                        .containsEntry("what", "number 2 is missing"));
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "CHAINS")
                        .containsEntry("series", code + "-2025-BORDEREAU").containsEntry("number", code + "-2025-B-000003")
                        .containsEntry("what", "position 2 is missing"));
                assertThat(breaks).anySatisfy(b -> assertThat(b).containsEntry("check", "CHAINS").containsEntry("series", code + "-2025-BORDEREAU")
                        .containsEntry("what", "the head records 3 record(s); 2 found, the last at position 3"));
            } finally {
                s.execute("INSERT INTO bordereau SELECT * FROM saved_bordereau");
                s.execute("INSERT INTO bordereau_rate SELECT * FROM saved_bordereau_rate");
                s.execute("UPDATE titre t SET bordereau_id = v.bordereau_id FROM saved_titre v WHERE v.id = t.id");
                s.execute("ALTER TABLE bordereau ENABLE TRIGGER USER");
                s.execute("ALTER TABLE bordereau_rate ENABLE TRIGGER USER");
                s.execute("ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
                for (String table : List.of("saved_bordereau", "saved_bordereau_rate", "saved_titre")) {
                    s.execute("DROP TABLE " + table);
                }
            }
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    @Test
    void aPaymentMovedToAnotherTitreIsNamed() throws SQLException {
        // Moved onto a titre of 2024 and raised beyond its total: its chain, its balance and the events say so.
        String titre = titres2024.get(3);
        sql("ALTER TABLE payment DISABLE TRIGGER payment_never_changes",
                "UPDATE payment SET titre_id = '" + titre + "', amount = 900.00 WHERE id = '" + payment2025 + "'",
                "ALTER TABLE payment ENABLE TRIGGER payment_never_changes");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            assertThat(v.getList("breaks.check", String.class)).contains("BALANCES", "EVENTS", "CHAINS");
            assertThat(v.getList("breaks.what", String.class)).anyMatch(w -> w.equals("paid 900.00 and corrected 0 exceed its total 600.00"));
        } finally {
            sql("ALTER TABLE payment DISABLE TRIGGER payment_never_changes",
                    "UPDATE payment SET titre_id = '" + titres2025.get(2) + "', amount = 600.00 WHERE id = '" + payment2025 + "'",
                    "ALTER TABLE payment ENABLE TRIGGER payment_never_changes");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    /**
     * V13: a titre's run, bordereau and settings revision, an event's and a claim's titre, are no longer foreign keys
     * checked at insert; the verification checks them (REFERENCES).
     */
    @Test
    void aReferenceToNothingIsNamed() throws SQLException {
        String titre = titres2024.get(3);
        String nowhere = UUID.randomUUID().toString();
        String event = "SELECT position FROM titre_event WHERE titre_id = '" + titre + "' AND type = 'ISSUED'";
        String run;
        String bordereau;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT run_id, bordereau_id FROM titre WHERE id = '" + titre + "'")) {
            assertThat(rs.next()).isTrue();
            run = rs.getString(1);
            bordereau = rs.getString(2);
        }
        sql("ALTER TABLE titre DISABLE TRIGGER titre_never_changes",
                "UPDATE titre SET run_id = '" + nowhere + "', bordereau_id = '" + nowhere + "' WHERE id = '" + titre + "'",
                "ALTER TABLE titre ENABLE TRIGGER titre_never_changes",
                "ALTER TABLE titre_event DISABLE TRIGGER titre_event_never_changes",
                "UPDATE titre_event SET titre_id = '" + nowhere + "' WHERE position = (" + event + ")",
                "ALTER TABLE titre_event ENABLE TRIGGER titre_event_never_changes");
        try {
            JsonPath v = verifyIssuer();
            assertThat(v.getBoolean("holds")).isFalse();
            assertThat(v.getBoolean("checks.find { it.name == 'REFERENCES' }.holds")).isFalse();
            List<Map<String, Object>> refs = v.getList("breaks.findAll { it.check == 'REFERENCES' }");
            assertThat(refs).hasSize(1);
            assertThat(refs.get(0)).containsEntry("series", code + "-2024").containsEntry("number", code + "-2024-000004")
                    .containsEntry("id", titre);
            assertThat((String) refs.get(0).get("what")).isEqualTo("names billing run " + nowhere + ", which does not exist; names bordereau "
                    + nowhere + ", which does not exist");
            // the event naming no titre has no issuer: a verification of everything names it
            JsonPath all = verify(Map.of());
            assertThat(all.getList("breaks.findAll { it.check == 'REFERENCES' && it.series == 'feed' }.what", String.class))
                    .anyMatch(w -> w.endsWith("names titre " + nowhere + ", which does not exist"));
        } finally {
            sql("ALTER TABLE titre_event DISABLE TRIGGER titre_event_never_changes",
                    "UPDATE titre_event SET titre_id = '" + titre + "' WHERE titre_id = '" + nowhere + "'",
                    "ALTER TABLE titre_event ENABLE TRIGGER titre_event_never_changes",
                    "ALTER TABLE titre DISABLE TRIGGER titre_never_changes",
                    "UPDATE titre SET run_id = '" + run + "', bordereau_id = '" + bordereau + "' WHERE id = '" + titre + "'",
                    "ALTER TABLE titre ENABLE TRIGGER titre_never_changes");
        }
        assertThat(verifyIssuer().getBoolean("holds")).isTrue();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    // ---- who, and bad inputs ----

    @Test
    void onlyFinanceAndAdminVerify() {
        for (String role : List.of("adherent", "reader")) {
            as(role).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).when().get("/api/v1/ledger/verification")
                    .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
        }
        as("admin").queryParam("issuer", code).when().get("/api/v1/ledger/verification").then().statusCode(200)
                .body("holds", equalTo(true));
        for (Map<String, String> bad : List.of(Map.of("year", "abc"), Map.of("year", "1800"), Map.of("issuer", "R"),
                Map.of("issuer", "RE SAH"), Map.of("issuer", "'; DROP TABLE titre; --"))) {
            as("finance").queryParams(bad).when().get("/api/v1/ledger/verification").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
        }
    }

    // ---- the archive of a closed year ----

    @Test
    void theArchiveOfAClosedYearIsSignedAndComplete() throws IOException, InterruptedException {
        byte[] zip = as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", code, 2024).then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", "attachment; filename=\"ledger-" + code + "-2024.zip\"")
                .extract().asByteArray();
        Map<String, byte[]> parts = unzip(zip);
        assertThat(parts.keySet()).containsExactly("titres.jsonl", "titre-lines.jsonl", "payments.jsonl", "events.jsonl",
                "bordereaux.jsonl", "bordereau-rates.jsonl", "chains.json", "verification.json", "manifest.json", "SHA256SUMS",
                "SHA256SUMS.sig");
        // Every part's SHA-256 in SHA256SUMS, which the signature covers.
        String sums = new String(parts.get("SHA256SUMS"), StandardCharsets.US_ASCII);
        for (String line : sums.strip().split("\n")) {
            String[] f = line.split(" {2}");
            assertThat(HexFormat.of().formatHex(sha256(parts.get(f[1])))).as(f[1]).isEqualTo(f[0]);
        }
        assertThat(sums.lines()).hasSize(9);
        byte[] key = Base64.getDecoder().decode("dGVzdC1hcmNoaXZlLWtleS1mb3ItdGhlLWxlZGdlci0zMmJ5dGVz");
        assertThat(new String(parts.get("SHA256SUMS.sig"), StandardCharsets.US_ASCII))
                .isEqualTo(LedgerArchives.hmac(key, parts.get("SHA256SUMS")) + "\n");
        // The year's records: 5 titres and their lines (the mandat 673 is of 2025), one payment, their events.
        assertThat(lines(parts.get("titres.jsonl"))).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"chain_hash\":\""));
        assertThat(lines(parts.get("titre-lines.jsonl"))).hasSize(5);
        assertThat(lines(parts.get("payments.jsonl"))).hasSize(1).first().asString().contains("\"amount\":100.00");
        assertThat(lines(parts.get("events.jsonl"))).hasSize(5 + 1 + 1); // issued, the payment, the mandat's CANCELLATION
        JsonPath manifest = JsonPath.from(new String(parts.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(manifest.getString("issuer")).isEqualTo(code);
        assertThat(manifest.getBoolean("verificationHolds")).isTrue();
        assertThat(manifest.getList("chains.series")).containsExactly(code + "-2024", code + "-2024-PAYMENT", code + "-2024-BORDEREAU");
        JsonPath chains = JsonPath.from(new String(parts.get("chains.json"), StandardCharsets.UTF_8));
        assertThat(chains.getList("kind")).containsExactly("BORDEREAU", "PAYMENT", "TITRE");
        assertThat(chains.getList("length", Integer.class)).containsExactly(1, 1, 5);
        assertThat(chains.getString("find { it.kind == 'TITRE' }.head")).isEqualTo(manifest.getString("chains.find { it.kind == 'TITRE' }.head"));
        // docs/rules.md, R-6: the year's bordereau (the run's, its 5 titres), chained: its hash is the head of its series.
        List<String> bordereaux = lines(parts.get("bordereaux.jsonl"));
        assertThat(bordereaux).singleElement().asString().contains("\"number\":\"" + code + "-2024-B-000001\"")
                .contains("\"titre_count\":5").contains("\"chain_position\":1");
        String head = chains.getString("find { it.kind == 'BORDEREAU' }.head");
        assertThat(head).matches("[0-9a-f]{64}").isEqualTo(manifest.getString("chains.find { it.kind == 'BORDEREAU' }.head"));
        assertThat(JsonPath.from(bordereaux.get(0)).getString("chain_hash")).isEqualTo(head);
        // Its totals per rate: 0 % (the four memberships) and 20 % (the convention).
        assertThat(lines(parts.get("bordereau-rates.jsonl"))).hasSize(2);

        // The README's shell check, with openssl: "signature ok", every part OK; a part changed is caught.
        assumeTrue(Webhooks.hasOpenssl(), "openssl is not installed");
        Path dir = Files.createTempDirectory("archive-check");
        try {
            Files.write(dir.resolve("archive.zip"), zip);
            assertThat(shellCheck(dir)).contains("signature ok").contains("titres.jsonl: OK").doesNotContain("FAILED");
            Files.writeString(dir.resolve("a/payments.jsonl"), "{}\n");
            assertThat(shellCheck(dir)).contains("payments.jsonl: FAILED");
            Files.writeString(dir.resolve("a/SHA256SUMS"), sums.replace(sums.substring(0, 8), "00000000"));
            assertThat(shellCheck(dir)).contains("SIGNATURE INVALID");
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The shell check of README.md, "Tamper evidence", run in {@code dir} (archive.zip, unzipped once into a/). */
    private static String shellCheck(Path dir) throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("```sh\n", readme.indexOf("## Tamper evidence"));
        assertThat(from).as("the shell check in README.md").isPositive();
        String script = readme.substring(from + "```sh\n".length(), readme.indexOf("```", from + 5));
        if (!Files.exists(dir.resolve("a"))) {
            unzipTo(dir);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.replace("unzip -q -o archive.zip -d a && ", ""))
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("CENTRALE_LEDGER_ARCHIVE_KEY", "dGVzdC1hcmNoaXZlLWtleS1mb3ItdGhlLWxlZGdlci0zMmJ5dGVz");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void unzipTo(Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        for (Map.Entry<String, byte[]> e : unzip(Files.readAllBytes(dir.resolve("archive.zip"))).entrySet()) {
            Files.write(a.resolve(e.getKey()), e.getValue());
        }
    }

    @Test
    void archivesRefuseAnOpenYearAndWhatIsNotAdmins() {
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", code, 2025).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("FISCAL_YEAR_OPEN"));
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", code, 2026).then().statusCode(409)
                .body("code", equalTo("FISCAL_YEAR_OPEN"));
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", code, 2023).then().statusCode(404).contentType(PROBLEM);
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", "ZZNOBODY", 2024).then().statusCode(404);
        for (String role : List.of("finance", "reader", "adherent")) {
            as(role).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString())
                    .when().get("/api/v1/ledger/archives/{issuer}/{year}", code, 2024).then().statusCode(403).contentType(PROBLEM);
        }
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", code, "last").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", code, "1789").then().statusCode(400);
        as("admin").when().get("/api/v1/ledger/archives/{issuer}/{year}", "R", "2024").then().statusCode(400)
                .body("errors[0].field", equalTo("issuer"));
    }

    // ---- helpers ----

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static List<String> lines(byte[] part) {
        String text = new String(part, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
