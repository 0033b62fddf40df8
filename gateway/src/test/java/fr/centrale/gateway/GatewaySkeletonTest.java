package fr.centrale.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The skeleton builds and starts: health, OpenAPI and problem+json for unknown routes. */
@QuarkusTest
class GatewaySkeletonTest {

    @Test
    void startsAndReportsHealthy() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void unknownRoutesAreProblemJson() {
        given().when().get("/api/v1/unknown").then().statusCode(404).contentType("application/problem+json");
    }
}
