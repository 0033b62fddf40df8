package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An adherent (as the gateway forwards it: {@code X-Centrale-Roles: adherent}, {@code X-Centrale-Organisation})
 * reads its own organisation's data only: every GET of the API is checked below with organisation A's identity
 * against the data of A and of another organisation B.
 */
@QuarkusTest
class AdherentIsolationTest {

    private static final String PROBLEM = "application/problem+json";

    /** Every GET of the API, each checked below; the OpenAPI test fails when one is added and not listed (and checked). */
    private static final Set<String> CHECKED_GETS = Set.of(
            "/api/v1/purchasing-bodies", "/api/v1/purchasing-bodies/{id}", "/api/v1/purchasing-bodies/{id}/membership-fees",
            "/api/v1/organisations", "/api/v1/organisations/{id}", "/api/v1/organisations/{id}/contacts",
            "/api/v1/contacts/{id}/personal-data", "/api/v1/contacts/{id}/changes",
            "/api/v1/memberships", "/api/v1/memberships/{id}", "/api/v1/memberships/{id}/billing-schedule",
            "/api/v1/memberships/{id}/bulletins",
            "/api/v1/memberships/billable-items");

    /** An organisation with a contact and a RESAH membership. */
    private record Org(String id, String name, String siret, String contact, String membership) {

        /** What must never appear in an answer to another organisation. */
        List<String> markers() {
            return List.of(id, name, siret, contact, membership);
        }
    }

    private static String tag;
    private static Org a;
    private static Org b;

    @BeforeEach
    void twoOrganisations() {
        if (a == null) {
            tag = UUID.randomUUID().toString().substring(0, 8);
            a = organisation("Isolation A " + tag);
            b = organisation("Isolation B " + tag);
        }
    }

    private static Org organisation(String name) {
        var created = given().contentType(ContentType.JSON).body(Fixtures.organisation(name, "DEPARTEMENT", "62018"))
                .when().post("/api/v1/organisations").then().statusCode(201).extract();
        String id = created.path("id");
        String contact = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Contact of " + name, "email", "contact@example.fr"))
                .when().post("/api/v1/organisations/{id}/contacts", id).then().statusCode(201).extract().path("id");
        return new Org(id, name, created.path("siret"), contact, Fixtures.createMembership(id, "RESAH", "2023-12-11"));
    }

    private static RequestSpecification as(String roles, String organisation) {
        RequestSpecification request = given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", roles);
        return organisation == null ? request : request.header("X-Centrale-Organisation", organisation);
    }

    private static RequestSpecification adherentA() {
        return as("adherent", a.id());
    }

    private static RequestSpecification reader() {
        return as("reader", null);
    }

    /** 200 for A's adherent, with nothing of B's in the answer. */
    private static ValidatableResponse seenByA(Response response) {
        String body = response.then().statusCode(200).extract().asString();
        for (String marker : b.markers()) {
            assertFalse(body.contains(marker), () -> "B's " + marker + " in " + body);
        }
        return response.then();
    }

    /** A's adherent gets the same 404 problem for B's resource as for an id that does not exist. */
    private static void hiddenLikeUnknown(String path, String hiddenId) {
        String unknownId = UUID.randomUUID().toString();
        assertEquals(notFound(path, unknownId).replace(unknownId, "{id}"), notFound(path, hiddenId).replace(hiddenId, "{id}"),
                path + " with B's id");
    }

    private static String notFound(String path, String id) {
        return adherentA().when().get(path, id).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND")).extract().asString();
    }

    private static void forbidden(Response response) {
        response.then().statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void everyGetOfTheApiIsChecked() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> gets = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (operations.containsKey("get")) {
                gets.add(path);
            }
        });
        assertEquals(new TreeSet<>(CHECKED_GETS), gets);
    }

    @Test
    void purchasingBodiesAreReferenceDataForAll() {
        seenByA(adherentA().when().get("/api/v1/purchasing-bodies")).body("items.code", hasItem("RESAH"));
        seenByA(adherentA().when().get("/api/v1/purchasing-bodies/{id}", "RESAH")).body("code", equalTo("RESAH"));
        seenByA(adherentA().when().get("/api/v1/purchasing-bodies/{id}/membership-fees", "RESAH")).body("year", notNullValue());
    }

    @Test
    void theAdherentFindsOnlyItsOwnOrganisation() {
        seenByA(adherentA().when().get("/api/v1/organisations"))
                .body("total", equalTo(1)).body("items.id", contains(a.id()));
        seenByA(adherentA().queryParam("q", tag).when().get("/api/v1/organisations"))
                .body("total", equalTo(1)).body("items.id", contains(a.id()));
        seenByA(adherentA().queryParam("siret", b.siret()).when().get("/api/v1/organisations")).body("total", equalTo(0));
        seenByA(adherentA().when().get("/api/v1/organisations/{id}", a.id()))
                .body("name", equalTo(a.name())).body("contacts.id", contains(a.contact()));
        seenByA(adherentA().when().get("/api/v1/organisations/{id}/contacts", a.id())).body("id", contains(a.contact()));
        seenByA(adherentA().when().get("/api/v1/contacts/{id}/personal-data", a.contact()))
                .body("heldBy.organisationId", equalTo(a.id()));
        // The record of contacts' changes is for administrators only, even the adherent's own (docs/rules.md, R-16).
        forbidden(adherentA().when().get("/api/v1/contacts/{id}/changes", a.contact()));
        forbidden(adherentA().when().get("/api/v1/contacts/{id}/changes", b.contact()));
    }

    @Test
    void theAdherentListsOnlyItsOwnMemberships() {
        seenByA(adherentA().when().get("/api/v1/memberships"))
                .body("total", equalTo(1)).body("items.id", contains(a.membership()));
        seenByA(adherentA().queryParam("organisationId", a.id()).queryParam("purchasingBody", "RESAH").when().get("/api/v1/memberships"))
                .body("items.id", contains(a.membership()));
        seenByA(adherentA().when().get("/api/v1/memberships/{id}", a.membership())).body("organisationId", equalTo(a.id()));
        seenByA(adherentA().queryParam("through", "2025-12-31").when().get("/api/v1/memberships/{id}/billing-schedule", a.membership()))
                .body("debtorId", everyItem(equalTo(a.id()))).body("sequence", hasItems(1, 2));
        seenByA(adherentA().when().get("/api/v1/memberships/{id}/bulletins", a.membership()))
                .body("membershipId", everyItem(equalTo(a.membership()))).body("receivedOn", contains("2023-12-11"));
        // Asking for another organisation's memberships: as if it did not exist.
        adherentA().queryParam("organisationId", b.id()).when().get("/api/v1/memberships")
                .then().statusCode(404).contentType(PROBLEM);
        // The billing runs' feed is everybody's: not an adherent's to read.
        forbidden(adherentA().queryParam("through", "2025-01-02").when().get("/api/v1/memberships/billable-items"));
    }

    @Test
    void anotherOrganisationsDataAnswersLikeAnUnknownId() {
        hiddenLikeUnknown("/api/v1/organisations/{id}", b.id());
        hiddenLikeUnknown("/api/v1/organisations/{id}/contacts", b.id());
        hiddenLikeUnknown("/api/v1/contacts/{id}/personal-data", b.contact());
        hiddenLikeUnknown("/api/v1/memberships/{id}", b.membership());
        hiddenLikeUnknown("/api/v1/memberships/{id}/billing-schedule", b.membership());
        hiddenLikeUnknown("/api/v1/memberships/{id}/bulletins", b.membership());
    }

    @Test
    void aReaderSeesEveryOrganisation() {
        reader().queryParam("q", tag).when().get("/api/v1/organisations").then().statusCode(200)
                .body("items.id", contains(a.id(), b.id()));
        reader().when().get("/api/v1/organisations/{id}/contacts", b.id()).then().statusCode(200).body("id", contains(b.contact()));
        reader().when().get("/api/v1/contacts/{id}/personal-data", b.contact()).then().statusCode(200);
        forbidden(reader().when().get("/api/v1/contacts/{id}/changes", b.contact()));
        as("admin", null).when().get("/api/v1/contacts/{id}/changes", b.contact()).then().statusCode(200);
        reader().queryParam("organisationId", b.id()).when().get("/api/v1/memberships").then().statusCode(200)
                .body("items.id", contains(b.membership()));
        reader().when().get("/api/v1/memberships/{id}/billing-schedule", b.membership()).then().statusCode(200);
        reader().when().get("/api/v1/memberships/{id}/bulletins", b.membership()).then().statusCode(200)
                .body("membershipId", everyItem(equalTo(b.membership())));
        reader().queryParam("through", "2025-01-02").when().get("/api/v1/memberships/billable-items").then().statusCode(200);
    }

    @Test
    void writesAreRefusedToAdherentsAndReadersAndChangeNothing() {
        for (Supplier<RequestSpecification> who : List.<Supplier<RequestSpecification>>of(
                AdherentIsolationTest::adherentA, AdherentIsolationTest::reader)) {
            forbidden(who.get().contentType(ContentType.JSON).body(Fixtures.organisation("Isolation C " + tag, "DEPARTEMENT", "59000"))
                    .when().post("/api/v1/organisations"));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("name", "Renamed"))
                    .when().patch("/api/v1/organisations/{id}", a.id()));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("name", "Another contact"))
                    .when().post("/api/v1/organisations/{id}/contacts", a.id()));
            forbidden(who.get().when().delete("/api/v1/contacts/{id}", a.contact()));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("name", "Renamed contact"))
                    .when().patch("/api/v1/contacts/{id}", a.contact()));
            forbidden(who.get().contentType(ContentType.JSON)
                    .body(Map.of("organisationId", a.id(), "purchasingBody", "CAIH", "bulletinReceivedOn", "2024-01-01"))
                    .when().post("/api/v1/memberships"));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("receivedOn", "2024-10-15"))
                    .when().post("/api/v1/memberships/{id}/non-renewal", a.membership()));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("receivedOn", "2024-10-15"))
                    .when().post("/api/v1/memberships/{id}/bulletins", a.membership()));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("medicoSocial", 1, "other", 2))
                    .when().put("/api/v1/purchasing-bodies/{id}/membership-fees/{year}", "RESAH", 2031));
        }
        // Read as an internal call: all as it was.
        given().queryParam("q", tag).when().get("/api/v1/organisations").then().body("total", equalTo(2));
        given().when().get("/api/v1/organisations/{id}", a.id()).then()
                .body("name", equalTo(a.name())).body("version", equalTo(0)).body("contacts.id", contains(a.contact()));
        given().queryParam("organisationId", a.id()).when().get("/api/v1/memberships").then()
                .body("total", equalTo(1)).body("items[0].endsOn", nullValue());
        given().when().get("/api/v1/memberships/{id}/bulletins", a.membership()).then().body("size()", equalTo(1));
        given().when().get("/api/v1/purchasing-bodies/RESAH/membership-fees").then().body("year", not(hasItem(2031)));
    }

    /**
     * Every other operation than GET, whatever it is, is refused to an adherent and to a reader; except
     * the organisation lookup, a read sent as POST (billing-service's runs call it as a reader), which a
     * reader may use and an adherent may not.
     */
    @Test
    void everyWriteOfTheApiIsRefusedToAdherentsAndReaders() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        int writes = 0;
        for (var path : paths.entrySet()) {
            String url = path.getKey().replaceAll("\\{[^}]+}", a.id()); // refused before the id is even looked at
            for (String method : path.getValue().keySet()) {
                if (List.of("post", "put", "patch", "delete").contains(method)) {
                    writes++;
                    forbidden(adherentA().contentType(ContentType.JSON).body("{}").request(method, url));
                    if (!path.getKey().equals("/api/v1/organisations/lookup")) {
                        forbidden(reader().contentType(ContentType.JSON).body("{}").request(method, url));
                    }
                }
            }
        }
        assertTrue(writes > 0, "the API's writes, all refused");
        reader().contentType(ContentType.JSON).body(Map.of("ids", List.of(a.id(), b.id())))
                .when().post("/api/v1/organisations/lookup").then().statusCode(200);
    }

    @Test
    void anIdentityWithoutAUsableOrganisationIsRefused() {
        forbidden(as("adherent", "not-a-uuid").when().get("/api/v1/memberships"));
        forbidden(as("adherent", null).when().get("/api/v1/memberships"));
        forbidden(as("guest", a.id()).when().get("/api/v1/memberships"));
    }
}
