package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.rest.ConventionFixtures.count;
import static fr.centrale.convention.rest.ConventionFixtures.create;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/rules.md, R-3: the Chorus Pro references of the convention, or of the amendment from its effective date; R-5: the
 * legal basis of each item (the convention's number, signature and deliberation; the amendment's).
 */
@QuarkusTest
class CommitmentReferencesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void itemsCarryTheConventionsReferencesThenTheAmendmentsFromItsEffectiveDate() {
        UUID dep = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2026-06-30");
        body.put("chorusLegalCommitment", "EJ-WRONG");
        body.put("chorusServiceCode", "SERV-ACHATS");
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(201)
                .body("chorusLegalCommitment", equalTo("EJ-WRONG")).body("chorusServiceCode", equalTo("SERV-ACHATS"))
                .extract().path("id");
        // Corrected at signature; the service code, not stated, stays.
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10", "chorusLegalCommitment", "EJ-2024-000123"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200)
                .body("chorusLegalCommitment", equalTo("EJ-2024-000123")).body("chorusServiceCode", equalTo("SERV-ACHATS"));
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("issueOn", equalTo(List.of("2024-01-15", "2025-01-02", "2026-01-02")))
                .body("chorusLegalCommitment", everyItem(equalTo("EJ-2024-000123")))
                .body("chorusServiceCode", everyItem(equalTo("SERV-ACHATS")));

        UUID added = organisation();
        given().contentType(ContentType.JSON).body(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2025-01-01",
                        "signedOn", "2024-12-15", "organisationId", added, "chorusLegalCommitment", "EJ-2025-000456"))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(201)
                .body("chorusLegalCommitment", equalTo("EJ-2025-000456")).body("chorusServiceCode", nullValue());
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("findAll { it.sequence < 1000 }.chorusLegalCommitment",
                        equalTo(List.of("EJ-2024-000123", "EJ-2025-000456", "EJ-2025-000456")))
                .body("chorusServiceCode", everyItem(equalTo("SERV-ACHATS")));
        given().when().get("/api/v1/conventions/" + id + "/amendments").then()
                .body("chorusLegalCommitment", equalTo(List.of("EJ-2025-000456")));
    }

    @Test
    void withoutReferencesItemsCarryNone() {
        UUID dep = resahMember("Département du Nord", "DEPARTEMENT");
        String id = create(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200)
                .body("chorusLegalCommitment", nullValue());
        String json = given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .extract().asString();
        assertEquals(-1, json.indexOf("chorus"), json);
    }

    @Test
    void badReferencesAreRefusedAndNothingIsWritten() {
        UUID dep = resahMember("Département de l'Aisne", "DEPARTEMENT");
        int before = count();
        Map<String, Object> blank = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30");
        blank.put("chorusLegalCommitment", "  ");
        given().contentType(ContentType.JSON).body(blank).when().post("/api/v1/conventions").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("chorusLegalCommitment"));
        Map<String, Object> tooLong = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30");
        char[] chars = new char[101];
        Arrays.fill(chars, 'S');
        tooLong.put("chorusServiceCode", new String(chars));
        given().contentType(ContentType.JSON).body(tooLong).when().post("/api/v1/conventions").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("chorusServiceCode"));
        assertEquals(before, count());

        String id = create(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10", "chorusLegalCommitment", ""))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("chorusLegalCommitment"));
        given().when().get("/api/v1/conventions/" + id).then().body("status", equalTo("DRAFT"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200);
        List<Object> amendment = new ArrayList<>(List.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-06-01",
                "signedOn", "2024-05-20", "organisationId", organisation(), "chorusServiceCode", " "));
        Map<String, Object> request = new java.util.HashMap<>();
        for (int i = 0; i < amendment.size(); i += 2) {
            request.put((String) amendment.get(i), amendment.get(i + 1));
        }
        given().contentType(ContentType.JSON).body(request).when().post("/api/v1/conventions/" + id + "/amendments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("chorusServiceCode"));
        given().when().get("/api/v1/conventions/" + id).then().body("amendments", equalTo(0));
    }

    @Test
    void itemsStateTheirLegalBasis() {
        UUID signatory = resahMember("GHT de l'Artois", "EPS");
        List<UUID> members = new ArrayList<>(List.of(signatory));
        for (int i = 0; i < 3; i++) {
            members.add(ConventionFixtures.organisation("Centre hospitalier " + i, "EPS", null, null));
        }
        String number = "CSAC-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = ConventionFixtures.group("RESAH-2021-046-001", signatory, members, "2024-01-15", "2026-01-14");
        body.put("number", number);
        body.put("authorizingAct", Map.of("number", "2023-544", "date", "2023-12-11", "body", "Conseil d'administration"));
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(201)
                .body("number", equalTo(number)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200);
        String basis = "Convention RESAH 2021-046-001 n° " + number + " signée le 10/01/2024 (délibération N°2023-544 du 11/12/2023)";
        given().contentType(ContentType.JSON).body(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-09-01",
                        "signedOn", "2024-08-20", "organisationId", ConventionFixtures.organisation("CH de Lens", "EPS", null, null),
                        "maximumAmount", 80000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(201);
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("sequence", equalTo(List.of(1, 2, 1001, 1002)))
                .body("legalBasis", equalTo(List.of(basis, basis, basis + ", avenant n° 1 signé le 20/08/2024",
                        basis + ", avenant n° 1 signé le 20/08/2024")));

        // A number is unique; without one, CONV-<year>-<serial> is given.
        int before = count();
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("CONVENTION_NUMBER_EXISTS"));
        body.put("number", "bad number!");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("number"));
        assertEquals(before, count());
        body.remove("number");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(201)
                .body("number", org.hamcrest.Matchers.matchesPattern("CONV-\\d{4}-\\d{6}"));
    }

    private static UUID organisation() {
        return ConventionFixtures.organisation("Commune " + UUID.randomUUID().toString().substring(0, 6), "DEPARTEMENT", null, null);
    }
}
