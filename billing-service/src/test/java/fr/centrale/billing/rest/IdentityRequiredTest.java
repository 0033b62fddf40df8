package fr.centrale.billing.rest;

import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With {@code centrale.identity.required=true} (the Kubernetes manifests), the API answers only forwarded identities. */
@QuarkusTest
@TestProfile(IdentityRequiredTest.IdentityRequired.class)
class IdentityRequiredTest {

    public static class IdentityRequired implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("centrale.identity.required", "true");
        }
    }

    @Test
    void theApiRefusesARequestWithoutIdentityButHealthAndOpenApiAnswer() {
        given().when().get("/api/v1/titres").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"));
        given().header(IdentityFilter.ROLES, "reader").when().get("/api/v1/titres").then().statusCode(200);
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
