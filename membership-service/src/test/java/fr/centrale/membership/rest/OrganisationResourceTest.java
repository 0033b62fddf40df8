package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganisationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void registersTheCaDeBethuneBruayWithItsRealSiret() {
        String siret = Fixtures.randomSiret();
        String spaced = siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " " + siret.substring(9);
        Map<String, Object> body = Map.of(
                "name", "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane",
                "siret", spaced, "category", "COMMUNAUTE_AGGLOMERATION", "population", 277000,
                "address", Map.of("street", "100 avenue de Londres, CS 40548", "postalCode", "62411", "city", "Béthune cedex"),
                "chorus", Map.of("legalCommitment", "1300012345", "serviceCode", "DSI"),
                "contacts", List.of(Map.of("name", "Claire Martin", "role", "Acheteuse", "email", "claire.martin@example.fr",
                        "phone", "03 21 61 50 00")));
        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/organisations/"))
                .body("siret", equalTo(siret))
                .body("siren", equalTo(siret.substring(0, 9)))
                .body("departement", equalTo("62"))
                .body("chorus.legalCommitment", equalTo("1300012345"))
                .body("contacts", hasSize(1))
                .body("version", equalTo(0))
                .extract().path("id");
        given().when().get("/api/v1/organisations/" + id).then().statusCode(200)
                .body("name", equalTo("Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane"))
                .body("address.postalCode", equalTo("62411"));
        given().queryParam("siret", spaced).when().get("/api/v1/organisations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().queryParam("q", "béthune-bruay").when().get("/api/v1/organisations").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("category", "COMMUNAUTE_AGGLOMERATION").when().get("/api/v1/organisations").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void anInvalidSiretIsRefusedWith422AndNothingIsWritten() {
        int before = Fixtures.count("/api/v1/organisations");
        Map<String, Object> body = new HashMap<>(Fixtures.organisation("Mauvais SIRET", "OTHER", "75011"));
        body.put("siret", "200 072 460 00014");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("SIRET_INVALID"))
                .body("errors[0].field", equalTo("siret"));
        body.put("siret", "12345");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(422).body("code", equalTo("SIRET_INVALID")).body("detail", containsString("14 digits"));
        assertEquals(before, Fixtures.count("/api/v1/organisations"));
    }

    @Test
    void aSiretIsRegisteredOnce() {
        Map<String, Object> body = Fixtures.organisation("Premier", "OTHER", "75011");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("SIRET_ALREADY_REGISTERED"));
    }

    @Test
    void badInputsAreProblemsNamingTheField() {
        int before = Fixtures.count("/api/v1/organisations");
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", ").when().post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_REQUEST"))
                .body("detail", containsString("malformed JSON"));
        given().contentType(ContentType.JSON).body("").when().post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM);

        Map<String, Object> body = new HashMap<>(Fixtures.organisation("Catégorie inconnue", "OTHER", "75011"));
        body.put("category", "PREFECTURE");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("COMMUNE"));

        body = new HashMap<>(Fixtures.organisation("Mauvais type", "COMMUNE", "75011"));
        body.put("population", "beaucoup");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("population"));

        body.put("population", 12.5);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("population"));

        body.remove("population");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("population"))
                .body("errors[0].message", containsString("COMMUNE"));

        body = new HashMap<>(Fixtures.organisation("Adresse", "OTHER", "6241"));
        body.remove("name");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("address.postalCode"));

        body = new HashMap<>(Fixtures.organisation("Contact", "OTHER", "75011"));
        body.put("contacts", List.of(Map.of("name", "A", "email", "not-an-email")));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("contacts[0].email"));

        body = new HashMap<>(Fixtures.organisation("Sans adresse", "OTHER", "75011"));
        body.remove("address");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("address"));

        given().contentType(ContentType.XML).body("<x/>").when().post("/api/v1/organisations")
                .then().statusCode(415).contentType(PROBLEM);
        assertEquals(before, Fixtures.count("/api/v1/organisations"));
    }

    @Test
    void listingParametersAreChecked() {
        given().queryParam("size", 501).when().get("/api/v1/organisations").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("page", "x").when().get("/api/v1/organisations").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParam("category", "NOPE").when().get("/api/v1/organisations").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        given().queryParam("size", 2).when().get("/api/v1/organisations").then().statusCode(200)
                .body("size", equalTo(2)).body("page", equalTo(0)).body("total", notNullValue());
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        given().when().get("/api/v1/organisations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        given().when().get("/api/v1/organisations/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().patch("/api/v1/organisations/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void patchChangesWhatIsSentAndRefusesAStaleVersion() {
        String id = Fixtures.createOrganisation("Commune d'Avion", "COMMUNE", "62210");
        given().contentType(ContentType.JSON)
                .body(Map.of("chorus", Map.of("legalCommitment", "EJ-42", "serviceCode", "FIN"), "version", 0))
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(200).body("chorus.legalCommitment", equalTo("EJ-42"))
                .body("name", equalTo("Commune d'Avion")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("name", "Perdu", "version", 0))
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("STALE_VERSION"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", "Perdu"))
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(409).body("code", equalTo("STALE_VERSION"));
        given().contentType(ContentType.JSON).body(Map.of("siret", "123", "version", 1))
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(422).body("code", equalTo("SIRET_INVALID"));
        given().when().get("/api/v1/organisations/" + id).then().body("name", equalTo("Commune d'Avion"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("address", Map.of("street", "Place de la République", "postalCode", "59000", "city", "Lille")))
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(200).body("departement", equalTo("59")).body("version", equalTo(2));
    }

    @Test
    void theSameIdempotencyKeyCreatesOnce() {
        Map<String, Object> body = Fixtures.organisation("Idempotente", "OTHER", "75011");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/organisations").then().statusCode(201)
                .header("Location", containsString(first))
                .body("id", equalTo(first));
        Map<String, Object> other = Fixtures.organisation("Autre corps", "OTHER", "75011");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .when().post("/api/v1/organisations").then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().queryParam("siret", other.get("siret")).when().get("/api/v1/organisations").then().body("total", equalTo(0));
    }

    @Test
    void aContactsPersonalDataCanBeExportedThenErased() {
        String id = Fixtures.createOrganisation("EHPAD Les Tilleuls", "ESMS", "62300");
        String contact = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Jeanne Dupont", "role", "Directrice", "email", "jeanne.dupont@example.fr", "phone", "+33 3 21 00 00 00"))
                .when().post("/api/v1/organisations/" + id + "/contacts")
                .then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/contacts/" + contact + "/personal-data").then().statusCode(200)
                .body("name", equalTo("Jeanne Dupont"))
                .body("email", equalTo("jeanne.dupont@example.fr"))
                .body("phone", equalTo("+33 3 21 00 00 00"))
                .body("heldBy.organisationId", equalTo(id))
                .body("purpose", notNullValue())
                .body("exportedAt", notNullValue());
        given().when().get("/api/v1/organisations/" + id + "/contacts").then().statusCode(200).body("name", hasItem("Jeanne Dupont"));

        given().when().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        given().when().get("/api/v1/contacts/" + contact + "/personal-data").then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/api/v1/contacts/" + contact).then().statusCode(404);
        given().when().get("/api/v1/organisations/" + id).then().body("contacts", hasSize(0))
                .body("contacts.find { it.name == 'Jeanne Dupont' }", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("email", "x@y.fr"))
                .when().post("/api/v1/organisations/" + id + "/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }
}
