package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/v1/organisations/lookup: many organisations in one call, for billing runs. */
@QuarkusTest
class OrganisationLookupTest {

    @Test
    void answersTheOrganisationsThatExistWithoutTheirContacts() {
        String a = Fixtures.createOrganisation("Commune de Lens", "COMMUNE", "62300");
        String b = Fixtures.createOrganisation("SDIS du Nord", "SDIS", "59000");
        String unknown = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of(a, unknown, b, a)))
                .when().post("/api/v1/organisations/lookup")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("id", containsInAnyOrder(a, b))
                .body("find { it.id == '" + a + "' }.name", equalTo("Commune de Lens"))
                .body("find { it.id == '" + a + "' }.address.postalCode", equalTo("62300"))
                .body("find { it.id == '" + b + "' }.departement", equalTo("59"))
                .body("find { it.id == '" + b + "' }.contacts", nullValue());
    }

    @Test
    void refusesNoIdsTooManyIdsAndMalformedIds() {
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of()))
                .when().post("/api/v1/organisations/lookup").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/organisations/lookup").then().statusCode(400).contentType("application/problem+json");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        given().contentType(ContentType.JSON).body(Map.of("ids", tooMany))
                .when().post("/api/v1/organisations/lookup").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("not-a-uuid")))
                .when().post("/api/v1/organisations/lookup").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOrganisationIsStillReadByItsIdAlone() {
        String a = Fixtures.createOrganisation("Commune d'Arras", "COMMUNE", "62000");
        given().when().get("/api/v1/organisations/" + a).then().statusCode(200).body("name", equalTo("Commune d'Arras"));
    }
}
