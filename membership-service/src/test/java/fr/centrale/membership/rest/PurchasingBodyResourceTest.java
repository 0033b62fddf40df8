package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class PurchasingBodyResourceTest {

    @Test
    void theThreeCentresExistOutOfTheBoxWithTheirPaymentTerms() {
        given().when().get("/api/v1/purchasing-bodies").then().statusCode(200)
                .body("items.code", hasItems("CAIH", "FIBRE5962", "RESAH"))
                .body("total", greaterThanOrEqualTo(3));
        given().when().get("/api/v1/purchasing-bodies/RESAH").then().statusCode(200)
                .body("paymentTermDays", equalTo(30)).body("siret", equalTo("13000501000025"))
                .body("renewal", equalTo("TACIT_YEARLY"));
        given().when().get("/api/v1/purchasing-bodies/caih").then().statusCode(200)
                .body("paymentTermDays", equalTo(50)).body("thirdPartyAllowed", equalTo(true))
                .body("terminationNoticeMonths", equalTo(3));
        given().when().get("/api/v1/purchasing-bodies/FIBRE5962").then().statusCode(200)
                .body("territory", hasItems("59", "62"))
                .body("terminationNoticeMonths", equalTo(1))
                .body("franchise.windowStart", equalTo("2022-01-19"))
                .body("franchise.windowEnd", equalTo("2024-01-18"))
                .body("franchiseEndsOn", equalTo("2027-01-31"))
                .body("court", equalTo("Tribunal administratif de Lille"));
        String id = given().when().get("/api/v1/purchasing-bodies/RESAH").then().extract().path("id");
        given().when().get("/api/v1/purchasing-bodies/" + id).then().statusCode(200).body("code", equalTo("RESAH"));
        given().when().get("/api/v1/purchasing-bodies/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theResah2023FeesAreThereAndAYearCanBeSetWithoutTouchingThePast() {
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then().statusCode(200)
                .body("find { it.year == 2023 }.medicoSocial", equalTo(300.00f))
                .body("find { it.year == 2023 }.other", equalTo(600.00f));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 310.50, \"other\": 620}")
                .when().put("/api/v1/purchasing-bodies/CAIH/membership-fees/2031").then().statusCode(200)
                .body("year", equalTo(2031)).body("purchasingBody", equalTo("CAIH"));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 320.00, \"other\": 640.00}")
                .when().put("/api/v1/purchasing-bodies/CAIH/membership-fees/2031").then().statusCode(200);
        String body = given().when().get("/api/v1/purchasing-bodies/CAIH/membership-fees").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].other", equalTo(640.00f)).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"other\":640.00"), body);
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then()
                .body("find { it.year == 2023 }.other", equalTo(600.00f));
    }

    @Test
    void badFeeSchedulesAreRefused() {
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": -1, \"other\": 600}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2030").then().statusCode(400)
                .body("errors[0].field", equalTo("medicoSocial"));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 300.001, \"other\": 600}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2030").then().statusCode(400)
                .body("errors[0].field", equalTo("medicoSocial"));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 300}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2030").then().statusCode(400)
                .body("errors[0].field", equalTo("other"));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 300, \"other\": 600}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/deux-mille").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 300, \"other\": 600}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/1900").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 300, \"other\": 600}")
                .when().put("/api/v1/purchasing-bodies/NOPE/membership-fees/2030").then().statusCode(404);
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then()
                .body("find { it.year == 2030 }", equalTo(null));
    }

    @Test
    void aPurchasingBodyCanBeAddedOnceAndChanged() {
        String code = "UG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, Object> body = Map.of("code", code, "name", "Union des groupements d'achats publics",
                "siret", "130 005 010 00025",
                "address", Map.of("street", "1 boulevard Archimède", "postalCode", "77444", "city", "Champs-sur-Marne"),
                "paymentTermDays", 30, "terminationNoticeMonths", 3);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/purchasing-bodies").then().statusCode(201)
                .body("code", equalTo(code)).body("renewal", equalTo("INDEFINITE"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/purchasing-bodies").then().statusCode(409)
                .body("code", equalTo("PURCHASING_BODY_EXISTS"));
        given().contentType(ContentType.JSON).body(Map.of("paymentTermDays", 45, "version", 0))
                .when().patch("/api/v1/purchasing-bodies/" + code).then().statusCode(200)
                .body("paymentTermDays", equalTo(45)).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("paymentTermDays", 60, "version", 0))
                .when().patch("/api/v1/purchasing-bodies/" + code).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("franchise", Map.of("windowStart", "2026-01-01")))
                .when().patch("/api/v1/purchasing-bodies/" + code).then().statusCode(400)
                .body("errors[0].field", equalTo("franchise"));
    }

    @Test
    void badPurchasingBodiesAreRefused() {
        int before = Fixtures.count("/api/v1/purchasing-bodies");
        Map<String, Object> address = Map.of("street", "x", "postalCode", "75011", "city", "Paris");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "bad code", "name", "X", "address", address, "paymentTermDays", -3))
                .when().post("/api/v1/purchasing-bodies").then().statusCode(400)
                .body("errors.field", hasItems("code", "paymentTermDays"));
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BADSIRET", "name", "X", "siret", "1234", "address", address, "paymentTermDays", 30))
                .when().post("/api/v1/purchasing-bodies").then().statusCode(422).body("code", equalTo("SIRET_INVALID"));
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BADRENEW", "name", "X", "address", address, "paymentTermDays", 30, "renewal", "SOMETIMES"))
                .when().post("/api/v1/purchasing-bodies").then().statusCode(400).body("errors[0].field", equalTo("renewal"));
        org.junit.jupiter.api.Assertions.assertEquals(before, Fixtures.count("/api/v1/purchasing-bodies"));
    }

    /** docs/rules.md, R-1: a schedule says net of tax (the default, RESAH) or before VAT with its rate. */
    @Test
    void aFeeScheduleStatesItsTaxation() {
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then().statusCode(200)
                .body("find { it.year == 2023 }.taxation", equalTo("NET_OF_TAX"))
                .body("find { it.year == 2023 }.vatRate", equalTo(null));
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 100, \"other\": 1500, \"taxation\": \"BEFORE_VAT\", \"vatRate\": 20}")
                .when().put("/api/v1/purchasing-bodies/CAIH/membership-fees/2032").then().statusCode(200)
                .body("taxation", equalTo("BEFORE_VAT")).body("vatRate", equalTo(20.00f));
        given().when().get("/api/v1/purchasing-bodies/CAIH/membership-fees").then()
                .body("find { it.year == 2032 }.vatRate", equalTo(20.00f));
    }

    @Test
    void aContradictoryTaxationIsRefusedAndWritesNothing() {
        for (String bad : new String[]{
                "{\"medicoSocial\": 1, \"other\": 2, \"taxation\": \"BEFORE_VAT\"}",
                "{\"medicoSocial\": 1, \"other\": 2, \"taxation\": \"NET_OF_TAX\", \"vatRate\": 20}",
                "{\"medicoSocial\": 1, \"other\": 2, \"taxation\": \"BEFORE_VAT\", \"vatRate\": 120}"}) {
            given().contentType(ContentType.JSON).body(bad)
                    .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2033").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("vatRate"));
        }
        given().contentType(ContentType.JSON).body("{\"medicoSocial\": 1, \"other\": 2, \"taxation\": \"SOMETIMES\"}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2033").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("taxation"));
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then()
                .body("find { it.year == 2033 }", equalTo(null));
    }

    /** docs/rules.md, R-5: the decision fixing the fees; RESAH 2023's is reference data (seed 000). */
    @Test
    void aFeeScheduleRecordsTheDecisionThatFixedIt() {
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then().statusCode(200)
                .body("find { it.year == 2023 }.decision", equalTo("délibération du conseil d'administration du RESAH du 29/09/2022"));
        given().contentType(ContentType.JSON).body(Map.of("medicoSocial", 0, "other", 250,
                        "decision", "délibération du comité syndical du 12/12/2033"))
                .when().put("/api/v1/purchasing-bodies/CAIH/membership-fees/2034").then().statusCode(200)
                .body("decision", equalTo("délibération du comité syndical du 12/12/2033"));
        given().contentType(ContentType.JSON).body(Map.of("medicoSocial", 0, "other", 250, "decision", "x".repeat(501)))
                .when().put("/api/v1/purchasing-bodies/CAIH/membership-fees/2035").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("decision"));
        given().when().get("/api/v1/purchasing-bodies/CAIH/membership-fees").then()
                .body("find { it.year == 2035 }", equalTo(null));
    }

    /**
     * docs/rules.md, R-14 (seed 003, art. 7): the franchise lasts until the end the body records, editable by PATCH,
     * and every member that joined in the window follows it.
     */
    @Test
    void theFranchiseEndIsRecordedOnTheBodyAndAppliesToItsMembers() {
        String code = "FR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Syndicat mixte d'essai",
                        "address", Map.of("street", "1 rue", "postalCode", "62000", "city", "Arras"), "paymentTermDays", 30))
                .when().post("/api/v1/purchasing-bodies").then().statusCode(201).body("franchiseEndsOn", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("franchise", Map.of("windowStart", "2022-01-19", "years", 2),
                        "franchiseEndsOn", "2027-01-31", "version", 0))
                .when().patch("/api/v1/purchasing-bodies/" + code).then().statusCode(200)
                .body("franchiseEndsOn", equalTo("2027-01-31")).body("franchise.windowEnd", equalTo("2024-01-18"));
        String org = Fixtures.createOrganisation("Commune d'essai", "COMMUNE", "62000");
        String member = Fixtures.createMembership(org, code, "2023-09-18");
        given().when().get("/api/v1/memberships/" + member).then().body("franchiseUntil", equalTo("2027-01-31"));
        given().contentType(ContentType.JSON).body(Map.of("franchiseEndsOn", "2026-12-31", "version", 1))
                .when().patch("/api/v1/purchasing-bodies/" + code).then().statusCode(200).body("franchiseEndsOn", equalTo("2026-12-31"));
        given().when().get("/api/v1/memberships/" + member).then().body("franchiseUntil", equalTo("2026-12-31"));
    }

    @Test
    void aBadFranchiseEndIsRefusedAndWritesNothing() {
        given().contentType(ContentType.JSON).body(Map.of("franchiseEndsOn", "2022-01-01"))
                .when().patch("/api/v1/purchasing-bodies/FIBRE5962").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("FRANCHISE_END_BEFORE_WINDOW"))
                .body("errors[0].field", equalTo("franchiseEndsOn"));
        given().contentType(ContentType.JSON).body(Map.of("franchiseEndsOn", "2027-01-31"))
                .when().patch("/api/v1/purchasing-bodies/RESAH").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("FRANCHISE_WINDOW_MISSING"));
        given().contentType(ContentType.JSON).body(Map.of("franchiseEndsOn", "31/01/2027"))
                .when().patch("/api/v1/purchasing-bodies/FIBRE5962").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("franchiseEndsOn"));
        given().when().get("/api/v1/purchasing-bodies/FIBRE5962").then().body("franchiseEndsOn", equalTo("2027-01-31"));
        given().when().get("/api/v1/purchasing-bodies/RESAH").then().body("franchiseEndsOn", equalTo(null));
    }
}
