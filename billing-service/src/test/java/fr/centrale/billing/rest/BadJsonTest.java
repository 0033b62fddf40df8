package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Bad JSON the system tests' corpus (BadInputCorpusIT) found accepted: each is a 400 problem naming the
 * field, and no billing run is recorded. A run "as of" an empty string or [] used to run as of today, as
 * of a number in the year 57412.
 */
@QuarkusTest
class BadJsonTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void noSourceItems() {
        SourceServicesStub.reset();
    }

    private static int runs() {
        return given().when().get("/api/v1/billing-runs").then().statusCode(200).extract().path("total");
    }

    @Test
    void asOfIsADateNotAnEmptyStringNorANumber() {
        int before = runs();
        for (String asOf : new String[] {"\"\"", "20250102", "\" \"", "[]", "{}"}) {
            given().contentType(ContentType.JSON).body("{\"asOf\": " + asOf + "}")
                    .when().post("/api/v1/billing-runs")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("asOf"));
        }
        assertRuns(before);
    }

    @Test
    void somethingAfterTheBodyIsMalformed() {
        int before = runs();
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2024-01-02\"}{\"asOf\": \"2024-01-02\"}")
                .when().post("/api/v1/billing-runs")
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        assertRuns(before);
    }

    @Test
    void aNulCharacterIsRefused() {
        given().contentType(ContentType.JSON).body("{\"reason\": \"erreur\\u0000\"}")
                .when().post("/api/v1/titres/" + java.util.UUID.randomUUID() + "/cancellation")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        given().queryParam("issuer", "RESAH\u0000").when().get("/api/v1/titres")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("issuer"));
    }

    /** Without a body a run is as of today: the OpenAPI document must not call the body required. */
    @Test
    void theBillingRunBodyIsOptionalInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/billing-runs'.post.requestBody.required", not(equalTo(true)));
    }

    private static void assertRuns(int expected) {
        given().when().get("/api/v1/billing-runs").then().body("total", equalTo(expected));
    }
}
