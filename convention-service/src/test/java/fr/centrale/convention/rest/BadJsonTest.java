package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bad input of the kinds the system tests' corpus (BadInputCorpusIT) found mishandled by the services
 * (common's JsonConfig and NulCharacterFilter): a 400 problem naming the field, before any rule runs.
 */
@QuarkusTest
class BadJsonTest {

    private static final String PROBLEM = "application/problem+json";

    /** An offer code with a NUL (%00) reached PostgreSQL, which fails the statement: a 500. */
    @Test
    void aNulCharacterInAnOfferCodeIs400() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/offers/RESAH%00/versions")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("path"));
    }

    /** "" and [] passed for an absent optional id or date; a number was a count of days since 1970. */
    @Test
    void emptyValuesAreNotAbsentOnes() {
        String amendment = "{\"type\": \"ADD_BENEFICIARY\", \"effectiveOn\": \"2024-09-01\", \"signedOn\": \"2024-08-20\", ";
        for (String[] bad : new String[][] {{"organisationId", "\"\""}, {"startsOn", "\"\""}, {"startsOn", "[]"},
                {"endsOn", "20250101"}}) {
            given().contentType(ContentType.JSON).body(amendment + "\"" + bad[0] + "\": " + bad[1] + "}")
                    .when().post("/api/v1/conventions/" + UUID.randomUUID() + "/amendments")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void somethingAfterTheBodyIsMalformed() {
        given().contentType(ContentType.JSON).body("{\"signedOn\": \"2024-01-10\"} {\"signedOn\": \"2024-01-10\"}")
                .when().post("/api/v1/conventions/" + UUID.randomUUID() + "/signature")
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
    }
}
