package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Bad JSON the system tests' corpus (BadInputCorpusIT) found accepted or answered 500: each is a 400
 * problem naming the field, and writes nothing.
 */
@QuarkusTest
class BadJsonTest {

    private static final String PROBLEM = "application/problem+json";

    private static String member() {
        String org = Fixtures.createOrganisation("Département du Pas-de-Calais", "DEPARTEMENT", "62018");
        return given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships")
                .then().statusCode(201).extract().path("id");
    }

    /** PostgreSQL cannot compare a text with a NUL: the purchasing body lookup failed with a 500. */
    @Test
    void aNulCharacterInAStringIs400NotA500() {
        String org = Fixtures.createOrganisation("Département du Pas-de-Calais", "DEPARTEMENT", "62018");
        given().contentType(ContentType.JSON)
                .body("{\"organisationId\": \"" + org + "\", \"purchasingBody\": \"a\\u0000b\", \"bulletinReceivedOn\": \"2023-12-11\"}")
                .when().post("/api/v1/memberships")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("purchasingBody"))
                .body("errors[0].message", containsString("NUL"));
        given().queryParam("organisationId", org).when().get("/api/v1/memberships")
                .then().statusCode(200).body("total", equalTo(0));
    }

    /** A code looked up with a NUL (%00) in the path failed the statement: 500. */
    @Test
    void aNulCharacterInThePathIs400NotA500() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().patch("/api/v1/purchasing-bodies/a%00b")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).when().get("/api/v1/purchasing-bodies/RESAH%00")
                .then().statusCode(400).contentType(PROBLEM);
    }

    /** Two JSON objects, or an object and garbage: the first object used to be applied (200, the membership ENDING). */
    @Test
    void somethingAfterTheJsonValueIsMalformed() {
        String id = member();
        for (String body : new String[] {"{\"receivedOn\": \"2024-10-15\"}{\"receivedOn\": \"2024-10-15\"}",
                "{\"receivedOn\": \"2024-10-15\"} garbage", "{\"receivedOn\": \"2024-10-15\"}]"}) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/memberships/" + id + "/non-renewal")
                    .then().statusCode(400).contentType(PROBLEM).body("code", not(equalTo("")));
        }
        given().when().get("/api/v1/memberships/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    /** Jackson's date took a number as days since 1970 (20231211 is in the year 57412), "" and [] as absent. */
    @Test
    void aDateIsAYyyyMmDdStringNotANumberNorEmpty() {
        String org = Fixtures.createOrganisation("Département du Pas-de-Calais", "DEPARTEMENT", "62018");
        for (String date : new String[] {"20231211", "\"\"", "[]", "[2023, 12, 11]", "true", "\"2023-12-11T00:00:00Z\""}) {
            given().contentType(ContentType.JSON)
                    .body("{\"organisationId\": \"" + org + "\", \"purchasingBody\": \"RESAH\", \"bulletinReceivedOn\": " + date + "}")
                    .when().post("/api/v1/memberships")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("bulletinReceivedOn"));
        }
        String id = member();
        // effectiveOn is optional: "" or [] is not its absence.
        for (String date : new String[] {"\"\"", "[]"}) {
            given().contentType(ContentType.JSON).body("{\"notifiedOn\": \"2025-03-15\", \"effectiveOn\": " + date + "}")
                    .when().post("/api/v1/memberships/" + id + "/termination")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("effectiveOn"));
        }
    }
}
