package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** docs/rules.md, R-16: contacts can be corrected (RGPD rectification) and every change is recorded. */
@QuarkusTest
class ContactResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin(String user) {
        return given().header("X-Centrale-User", user).header("X-Centrale-Roles", "admin");
    }

    private static String contact(String org) {
        return admin("marie.admin").contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Martin", "role", "Acheteuse", "email", "claire.martin@pasdecalais.fr"))
                .when().post("/api/v1/organisations/{id}/contacts", org).then().statusCode(201).extract().path("id");
    }

    @Test
    void aContactIsCorrectedAndEachChangeIsRecordedWithWhoWhenAndWhat() {
        String org = Fixtures.createOrganisation("Département du Pas-de-Calais", "DEPARTEMENT", "62018");
        String id = contact(org);
        admin("paul.admin").contentType(ContentType.JSON)
                .body(Map.of("email", "claire.martin-dubois@pasdecalais.fr", "role", "", "phone", "03 21 21 62 62", "version", 0))
                .when().patch("/api/v1/contacts/{id}", id).then().statusCode(200)
                .body("email", equalTo("claire.martin-dubois@pasdecalais.fr")).body("role", nullValue())
                .body("phone", equalTo("03 21 21 62 62")).body("name", equalTo("Claire Martin")).body("version", equalTo(1));
        // A correction that changes nothing records nothing.
        admin("paul.admin").contentType(ContentType.JSON).body(Map.of("name", "Claire Martin", "version", 1))
                .when().patch("/api/v1/contacts/{id}", id).then().statusCode(200).body("version", equalTo(1));

        admin("marie.admin").when().get("/api/v1/contacts/{id}/changes", id).then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].kind", equalTo("CREATED")).body("[0].changedBy", equalTo("marie.admin"))
                .body("[0].organisationId", equalTo(org))
                .body("[0].changes.field", equalTo(List.of("name", "role", "email")))
                .body("[0].changes[2].newValue", equalTo("claire.martin@pasdecalais.fr"))
                .body("[1].kind", equalTo("CORRECTED")).body("[1].changedBy", equalTo("paul.admin"))
                .body("[1].changedAt", not(nullValue()))
                .body("[1].changes.field", equalTo(List.of("role", "email", "phone")))
                .body("[1].changes[0].oldValue", equalTo("Acheteuse")).body("[1].changes[0].newValue", nullValue())
                .body("[1].changes[1].oldValue", equalTo("claire.martin@pasdecalais.fr"))
                .body("[1].changes[1].newValue", equalTo("claire.martin-dubois@pasdecalais.fr"));
        given().when().get("/api/v1/contacts/{id}/personal-data", id).then().statusCode(200)
                .body("email", equalTo("claire.martin-dubois@pasdecalais.fr"));
    }

    /** The erasure still erases: the record keeps which fields, when and who, but no value, earlier ones included. */
    @Test
    void anErasureIsRecordedWithoutAnyPersonalData() {
        String org = Fixtures.createOrganisation("Commune de Liévin", "COMMUNE", "62800");
        String id = contact(org);
        admin("paul.admin").contentType(ContentType.JSON).body(Map.of("email", "c.martin@lievin.fr"))
                .when().patch("/api/v1/contacts/{id}", id).then().statusCode(200);
        admin("rgpd.officer").when().delete("/api/v1/contacts/{id}", id).then().statusCode(204);
        given().when().get("/api/v1/contacts/{id}/personal-data", id).then().statusCode(404);
        String body = admin("marie.admin").when().get("/api/v1/contacts/{id}/changes", id).then().statusCode(200)
                .body("kind", equalTo(List.of("CREATED", "CORRECTED", "ERASED")))
                .body("changedBy", equalTo(List.of("marie.admin", "paul.admin", "rgpd.officer")))
                .body("[2].changes.field", equalTo(List.of("name", "role", "email")))
                .body("changes.flatten().oldValue", everyItem(nullValue()))
                .body("changes.flatten().newValue", everyItem(nullValue()))
                .extract().asString();
        for (String personal : List.of("Claire", "Martin", "martin", "Acheteuse", "lievin.fr", "pasdecalais")) {
            assertFalse(body.contains(personal), () -> personal + " kept after erasure: " + body);
        }
    }

    @Test
    void contactCreatedWithItsOrganisationIsRecordedToo() {
        Map<String, Object> org = new java.util.HashMap<>(Fixtures.organisation("Communauté d'agglomération d'essai",
                "COMMUNAUTE_AGGLOMERATION", "62400"));
        org.put("contacts", List.of(Map.of("name", "Jeanne Dupont")));
        String orgId = given().contentType(ContentType.JSON).body(org).when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        String id = given().when().get("/api/v1/organisations/{id}/contacts", orgId).then().extract().path("[0].id");
        given().when().get("/api/v1/contacts/{id}/changes", id).then().statusCode(200)
                .body("kind", equalTo(List.of("CREATED"))).body("[0].changedBy", nullValue())
                .body("[0].changes", equalTo(List.of(Map.of("field", "name", "newValue", "Jeanne Dupont"))));
    }

    @Test
    void badCorrectionsAreProblemsAndWriteNothing() {
        String org = Fixtures.createOrganisation("Département du Nord", "DEPARTEMENT", "59000");
        String id = contact(org);
        String url = "/api/v1/contacts/{id}";
        given().contentType(ContentType.JSON).body(Map.of("email", "pas-un-email")).when().patch(url, id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(Map.of("phone", "abc")).when().patch(url, id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("phone"));
        given().contentType(ContentType.JSON).body(Map.of("name", "  ")).when().patch(url, id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X".repeat(256))).when().patch(url, id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Claire Dubois", "version", 5)).when().patch(url, id)
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("STALE_VERSION"));
        given().contentType(ContentType.JSON).body("[]").when().patch(url, id).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("name", "Claire Dubois")).when().patch(url, UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/contacts/{id}/personal-data", id).then()
                .body("name", equalTo("Claire Martin")).body("email", equalTo("claire.martin@pasdecalais.fr"));
        given().when().get("/api/v1/contacts/{id}/changes", id).then().body("kind", equalTo(List.of("CREATED")));
        given().when().get("/api/v1/contacts/{id}/changes", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/contacts/{id}/changes", "pas-un-id").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAnAdministratorReadsTheChanges() {
        String org = Fixtures.createOrganisation("Département de l'Aisne", "DEPARTEMENT", "02000");
        String id = contact(org);
        for (String roles : List.of("reader", "finance")) {
            given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", roles)
                    .when().get("/api/v1/contacts/{id}/changes", id).then().statusCode(403).contentType(PROBLEM)
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", "adherent").header("X-Centrale-Organisation", org)
                .when().get("/api/v1/contacts/{id}/changes", id).then().statusCode(403).contentType(PROBLEM);
        admin("marie.admin").when().get("/api/v1/contacts/{id}/changes", id).then().statusCode(200);
    }
}
