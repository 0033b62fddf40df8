package fr.centrale.membership.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/rules.md, R-15: a membership keeps the history of the bulletins it was signed or renewed on. */
@QuarkusTest
class MembershipBulletinResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String PROBLEM = "application/problem+json";

    private static String departement() {
        return Fixtures.createOrganisation("Département du Pas-de-Calais", "DEPARTEMENT", "62018");
    }

    /** Seed 000: the Département's RESAH bulletin of 04/07/2022, updated for the 2023 tariffs (600 €). */
    @Test
    void theMembershipIsRenewedOnAnUpdatedBulletinWhoseReferencesApplyFromItsDate() {
        String org = departement();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2022-07-04",
                        "chorusLegalCommitment", "2200001111", "terms", "Bulletin d'adhésion 2022"))
                .when().post("/api/v1/memberships").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/memberships/{id}/bulletins", id).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].receivedOn", equalTo("2022-07-04")).body("[0].feeCategory", equalTo("OTHER"))
                .body("[0].chorusLegalCommitment", equalTo("2200001111")).body("[0].terms", equalTo("Bulletin d'adhésion 2022"));

        given().contentType(ContentType.JSON).header("Idempotency-Key", "bulletin-" + id)
                .body(Map.of("receivedOn", "2023-12-11", "feeCategory", "OTHER", "statedFee", 600,
                        "terms", "Bulletin d'adhésion 2023 : 600 euros nets de taxe", "chorusLegalCommitment", "2300004512",
                        "chorusServiceCode", "DSI"))
                .when().post("/api/v1/memberships/{id}/bulletins", id).then().statusCode(201)
                .header("Location", containsString("/api/v1/memberships/" + id + "/bulletins"))
                .body("receivedOn", equalTo("2023-12-11")).body("statedFee", equalTo(600.00f))
                .body("membershipId", equalTo(id));
        // The same key and body: the first answer again, nothing recorded twice.
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bulletin-" + id)
                .body(Map.of("receivedOn", "2023-12-11", "feeCategory", "OTHER", "statedFee", 600,
                        "terms", "Bulletin d'adhésion 2023 : 600 euros nets de taxe", "chorusLegalCommitment", "2300004512",
                        "chorusServiceCode", "DSI"))
                .when().post("/api/v1/memberships/{id}/bulletins", id).then().statusCode(201);

        given().when().get("/api/v1/memberships/{id}/bulletins", id).then().statusCode(200)
                .body("receivedOn", equalTo(List.of("2022-07-04", "2023-12-11")));
        given().when().get("/api/v1/memberships/{id}", id).then()
                .body("chorusLegalCommitment", equalTo("2300004512")).body("chorusServiceCode", equalTo("DSI"))
                .body("startsOn", equalTo("2022-07-04"));
        // 2023 (Q1 2023) under the first bulletin; 2024 and 2025 under the updated one.
        given().queryParam("through", "2025-12-31").when().get("/api/v1/memberships/{id}/billing-schedule", id).then()
                .body("issueOn", equalTo(List.of("2023-01-02", "2024-01-02", "2025-01-02")))
                .body("chorusLegalCommitment", equalTo(List.of("2200001111", "2300004512", "2300004512")))
                .body("[0].legalBasis", equalTo("Bulletin d'adhésion du 04/07/2022 ; cotisation fixée par délibération du "
                        + "conseil d'administration du RESAH du 29/09/2022"))
                .body("[1].legalBasis", equalTo("Bulletin d'adhésion du 11/12/2023 ; cotisation fixée par délibération du "
                        + "conseil d'administration du RESAH du 29/09/2022"));
        // A correction of the references is the latest bulletin's.
        given().contentType(ContentType.JSON).body(Map.of("chorusServiceCode", "DSN"))
                .when().patch("/api/v1/memberships/{id}", id).then().statusCode(200).body("chorusServiceCode", equalTo("DSN"));
        given().when().get("/api/v1/memberships/{id}/bulletins", id).then()
                .body("[1].chorusServiceCode", equalTo("DSN")).body("[0].chorusServiceCode", nullValue());
    }

    /** A second membership with the same body while one is in force stays refused: the answer says to add a bulletin. */
    @Test
    void aSecondMembershipIsRefusedWithTheWayToRecordABulletin() {
        String org = departement();
        String id = Fixtures.createMembership(org, "RESAH", "2022-07-04");
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships").then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("MEMBERSHIP_EXISTS"))
                .body("detail", containsString("/api/v1/memberships/" + id + "/bulletins"));
        given().queryParam("organisationId", org).when().get("/api/v1/memberships").then().body("total", equalTo(1));
        given().when().get("/api/v1/memberships/{id}/bulletins", id).then().body("$", hasSize(1));
    }

    @Test
    void badBulletinsAreProblemsAndWriteNothing() {
        String org = departement();
        String id = Fixtures.createMembership(org, "RESAH", "2022-07-04");
        String url = "/api/v1/memberships/{id}/bulletins";
        given().contentType(ContentType.JSON).body(Map.of("statedFee", 600))
                .when().post(url, id).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("receivedOn"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-02-30"))
                .when().post(url, id).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("receivedOn"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11", "statedFee", -1))
                .when().post(url, id).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("statedFee"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11", "feeCategory", "FRIEND"))
                .when().post(url, id).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("feeCategory"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11", "chorusLegalCommitment", "X".repeat(51)))
                .when().post(url, id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("chorusLegalCommitment"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2022-07-04"))
                .when().post(url, id).then().statusCode(422).contentType(PROBLEM).body("code", equalTo("BULLETIN_NOT_AFTER_LATEST"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11", "statedFee", 500))
                .when().post(url, id).then().statusCode(422).contentType(PROBLEM).body("code", equalTo("STATED_FEE_MISMATCH"))
                .body("errors[0].field", equalTo("statedFee"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11", "feeCategory", "MEDICO_SOCIAL"))
                .when().post(url, id).then().statusCode(422).contentType(PROBLEM).body("code", equalTo("FEE_CATEGORY_MISMATCH"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11"))
                .when().post(url, UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get(url, UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get(url, "pas-un-id").then().statusCode(404).contentType(PROBLEM);
        // After the membership's end: a new membership is needed.
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2024-10-15"))
                .when().post("/api/v1/memberships/{id}/non-renewal", id).then().statusCode(200).body("endsOn", equalTo("2024-12-31"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2025-01-15"))
                .when().post(url, id).then().statusCode(422).contentType(PROBLEM).body("code", equalTo("MEMBERSHIP_ENDED"));
        given().when().get(url, id).then().body("$", hasSize(1));
        given().when().get("/api/v1/memberships/{id}", id).then().body("version", equalTo(1));
    }

    /**
     * A membership written into the table by other means than the API (a bulk load, as the Q1 run benchmark does) has
     * no recorded bulletin: its own columns stand for the first one, and adding a bulletin records both.
     */
    @Test
    void aMembershipWithoutRecordedBulletinStandsOnItsOwnFirstBulletin() throws Exception {
        String org = departement();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2022-07-04",
                        "chorusLegalCommitment", "2200001111"))
                .when().post("/api/v1/memberships").then().statusCode(201).extract().path("id");
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("DELETE FROM membership_bulletin WHERE membership_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        String firstId = given().when().get("/api/v1/memberships/{id}/bulletins", id).then().statusCode(200)
                .body("receivedOn", equalTo(List.of("2022-07-04"))).body("[0].chorusLegalCommitment", equalTo("2200001111"))
                .extract().path("[0].id");
        given().when().get("/api/v1/memberships/{id}/bulletins", id).then().body("[0].id", equalTo(firstId));
        given().queryParam("through", "2023-12-31").when().get("/api/v1/memberships/{id}/billing-schedule", id).then()
                .statusCode(200).body("[0].chorusLegalCommitment", equalTo("2200001111"))
                .body("[0].legalBasis", containsString("Bulletin d'adhésion du 04/07/2022"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-12-11", "chorusLegalCommitment", "2300004512"))
                .when().post("/api/v1/memberships/{id}/bulletins", id).then().statusCode(201);
        given().when().get("/api/v1/memberships/{id}/bulletins", id).then()
                .body("receivedOn", equalTo(List.of("2022-07-04", "2023-12-11"))).body("[0].id", equalTo(firstId));
    }
}
