package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** As deployed ({@code centrale.identity.required=true}): the API answers only requests with the forwarded identity. */
@QuarkusTest
@TestProfile(IdentityRequiredTest.Required.class)
class IdentityRequiredTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("centrale.identity.required", "true");
        }
    }

    @Test
    void aRequestWithoutTheForwardedIdentityIsUnauthorized() {
        given().when().get("/api/v1/purchasing-bodies").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().header("X-Centrale-User", "convention-service").header("X-Centrale-Roles", "reader")
                .when().get("/api/v1/purchasing-bodies").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
