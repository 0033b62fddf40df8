package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesEveryOperationWithProblemAnswers() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/organisations'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/memberships'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/memberships/{id}/billing-schedule'.get", notNullValue())
                .body("paths.'/api/v1/purchasing-bodies/{id}/membership-fees/{year}'.put", notNullValue())
                .body("paths.'/api/v1/contacts/{id}/personal-data'.get", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("components.responses.BadRequest", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void unknownRouteIsProblemJson() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }
}
