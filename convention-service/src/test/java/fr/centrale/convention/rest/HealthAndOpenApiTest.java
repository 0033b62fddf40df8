package fr.centrale.convention.rest;

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
    void openApiDescribesTheOffersWithExamplesAndProblemAnswers() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/offers'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/offers'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/offers'.post.responses.'400'", notNullValue())
                .body("paths.'/api/v1/offers/{id}'.get.responses.'404'", notNullValue())
                .body("paths.'/api/v1/offers/{id}/versions'.post", notNullValue())
                .body("paths.'/api/v1/offers/export'.get.responses.'200'.content", notNullValue())
                .body("components.responses.BadRequest", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    void unknownRouteIsProblemJson() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }
}
