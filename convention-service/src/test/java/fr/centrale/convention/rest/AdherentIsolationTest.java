package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static fr.centrale.convention.rest.ConventionFixtures.beneficiary;
import static fr.centrale.convention.rest.ConventionFixtures.createAndSign;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An adherent (as the gateway forwards it: {@code X-Centrale-Roles: adherent}, {@code X-Centrale-Organisation})
 * reads only the conventions its organisation holds or benefits from, and of those where it is only a
 * beneficiary, only its own lines. Every GET of the API is checked below with organisation A's identity:
 * <ul>
 *     <li>{@code own}: A's own-account convention;</li>
 *     <li>{@code others}: B's own-account convention, which A must not see;</li>
 *     <li>{@code group}: a purchasing group signed by H, with beneficiaries H, A and B paying their own shares,
 *     each with an amendment raising its maximum and an order that puts it at risk.</li>
 * </ul>
 */
@QuarkusTest
class AdherentIsolationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONVENTION = "/api/v1/conventions/{id}";

    /** Every GET of the API, each checked below; the OpenAPI test fails when one is added and not listed (and checked). */
    private static final Set<String> CHECKED_GETS = Set.of(
            "/api/v1/offers", "/api/v1/offers/export", "/api/v1/offers/{id}", "/api/v1/offers/{id}/versions",
            "/api/v1/offers/{id}/eligible-beneficiaries",
            "/api/v1/conventions", CONVENTION, CONVENTION + "/amendments", CONVENTION + "/orders", CONVENTION + "/alerts",
            CONVENTION + "/billing-schedule", "/api/v1/conventions/billable-items", CONVENTION + "/subsequent-markets");

    private static UUID h;
    private static UUID a;
    private static UUID b;
    private static String bName;
    private static String own;
    private static String others;
    private static String group;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void conventions() {
        if (group != null) {
            return;
        }
        breakers.resetAll(); // a test class before this one may have left membership-service "down"
        String tag = UUID.randomUUID().toString().substring(0, 8);
        h = resahMember("Isolation H " + tag, "DEPARTEMENT");
        a = resahMember("Isolation A " + tag, "DEPARTEMENT");
        bName = "Isolation B " + tag;
        b = resahMember(bName, "DEPARTEMENT");
        own = createAndSign(ownAccount("RESAH-2021-008-LOT3", a, "2024-01-15", "2025-06-30"), "2024-01-10");
        others = createAndSign(ownAccount("RESAH-2021-008-LOT3", b, "2024-01-15", "2025-06-30"), "2024-01-10");

        Map<String, Object> body = ownAccount("RESAH-2021-008-LOT3", h, "2024-01-15", "2025-06-30");
        body.put("mode", "PURCHASING_GROUP");
        body.put("beneficiaries", List.of(h, a, b).stream().map(o -> {
            Map<String, Object> line = beneficiary(o, "2024-01-15");
            line.put("share", 500); // a group of 2 to 4: 1 500 € a year
            line.put("maximumAmount", 10000);
            return line;
        }).toList());
        group = createAndSign(body, "2024-01-10");
        for (UUID o : List.of(h, a, b)) {
            given().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01",
                            "signedOn", "2024-05-20", "organisationId", o, "maximumAmount", 12000))
                    .when().post(CONVENTION + "/amendments", group).then().statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("organisationId", o, "amount", 10000, "orderedOn", "2024-07-01",
                            "reference", "BC-" + o))
                    .when().post(CONVENTION + "/orders", group).then().statusCode(201).body("beneficiaryStatus", equalTo("AT_RISK"));
        }
    }

    private static RequestSpecification as(String roles, UUID organisation) {
        RequestSpecification request = given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", roles);
        return organisation == null ? request : request.header("X-Centrale-Organisation", organisation.toString());
    }

    private static RequestSpecification adherentA() {
        return as("adherent", a);
    }

    private static RequestSpecification reader() {
        return as("reader", null);
    }

    /** 200 for A's adherent, with nothing of B's in the answer. */
    private static ValidatableResponse seenByA(Response response) {
        String body = response.then().statusCode(200).extract().asString();
        for (String marker : List.of(b.toString(), bName, others)) {
            assertFalse(body.contains(marker), () -> "B's " + marker + " in " + body);
        }
        return response.then();
    }

    /** A's adherent gets the same 404 problem for B's convention as for an id that does not exist. */
    private static void hiddenLikeUnknown(String path, String hiddenId) {
        String unknownId = UUID.randomUUID().toString();
        assertEquals(notFound(path, unknownId).replace(unknownId, "{id}"), notFound(path, hiddenId).replace(hiddenId, "{id}"),
                path + " with B's convention");
    }

    private static String notFound(String path, String id) {
        return adherentA().when().get(path, id).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND")).extract().asString();
    }

    private static void forbidden(Response response) {
        response.then().statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
    }

    private static Map<String, Map<String, Object>> openApiPaths() {
        return given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
    }

    @Test
    void everyGetOfTheApiIsChecked() {
        Set<String> gets = new TreeSet<>();
        openApiPaths().forEach((path, operations) -> {
            if (operations.containsKey("get")) {
                gets.add(path);
            }
        });
        assertEquals(new TreeSet<>(CHECKED_GETS), gets);
    }

    @Test
    void theOfferCatalogueIsPublic() {
        adherentA().when().get("/api/v1/offers").then().statusCode(200).body("items.code", hasItem("RESAH-2021-008-LOT3"));
        adherentA().when().get("/api/v1/offers/export").then().statusCode(200);
        adherentA().when().get("/api/v1/offers/{id}", "RESAH-2021-008-LOT3").then().statusCode(200);
        adherentA().when().get("/api/v1/offers/{id}/versions", "RESAH-2021-008-LOT3").then().statusCode(200).body("$", hasSize(1));
        // The lists of potential beneficiaries are part of the public catalogue (docs/rules.md, R-12): SIRETs, no one's data.
        adherentA().when().get("/api/v1/offers/{id}/eligible-beneficiaries", "RESAH-2021-045-LOT2").then().statusCode(200);
    }

    @Test
    void theAdherentListsTheConventionsItHoldsOrBenefitsFrom() {
        seenByA(adherentA().when().get("/api/v1/conventions"))
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(own, group));
        seenByA(adherentA().queryParam("organisationId", a).queryParam("offer", "RESAH-2021-008-LOT3").queryParam("size", 1)
                .when().get("/api/v1/conventions"))
                .body("total", equalTo(2)).body("items", hasSize(1));
        // Asking for another organisation's conventions: as if it did not exist.
        adherentA().queryParam("organisationId", b).when().get("/api/v1/conventions").then().statusCode(404).contentType(PROBLEM);
        // The billing runs' feed is everybody's: not an adherent's to read.
        forbidden(adherentA().queryParam("through", "2025-01-02").when().get("/api/v1/conventions/billable-items"));
    }

    @Test
    void theHolderSeesAllOfItsConvention() {
        seenByA(adherentA().when().get(CONVENTION, own)).body("signatoryId", equalTo(a.toString()))
                .body("beneficiaries.organisationId", contains(a.toString()));
        seenByA(adherentA().when().get(CONVENTION + "/amendments", own)).body("$", hasSize(0));
        seenByA(adherentA().when().get(CONVENTION + "/orders", own)).body("$", hasSize(0));
        seenByA(adherentA().when().get(CONVENTION + "/alerts", own)).body("$", hasSize(0));
        // 2021-008 has no subsequent markets (docs/rules.md, R-9); SubsequentMarketsTest reads those of 2021-046-001.
        seenByA(adherentA().when().get(CONVENTION + "/subsequent-markets", own)).body("$", hasSize(0));
        seenByA(adherentA().when().get(CONVENTION + "/billing-schedule", own))
                .body("$", hasSize(2)).body("debtorId", everyItem(equalTo(a.toString())));
        // H as an adherent holds the group: every beneficiary's line is its business.
        String[] all = {h.toString(), a.toString(), b.toString()};
        as("adherent", h).when().get(CONVENTION, group).then().statusCode(200).body("beneficiaries.organisationId", contains(all));
        as("adherent", h).when().get(CONVENTION + "/amendments", group).then().body("organisationId", contains(all));
        as("adherent", h).when().get(CONVENTION + "/orders", group).then().body("organisationId", contains(all));
        as("adherent", h).when().get(CONVENTION + "/alerts", group).then().body("organisationId", contains(all));
        as("adherent", h).when().get(CONVENTION + "/billing-schedule", group).then().body("debtorId", hasItem(b.toString()));
    }

    @Test
    void aBeneficiarySeesTheConventionButOnlyItsOwnLines() {
        seenByA(adherentA().when().get(CONVENTION, group))
                .body("signatoryId", equalTo(h.toString())).body("annualAmount", equalTo(1500.00f))
                .body("beneficiaries.organisationId", contains(a.toString()))
                .body("beneficiaries[0].consumedAmount", equalTo(10000.00f));
        seenByA(adherentA().when().get(CONVENTION + "/amendments", group)).body("organisationId", contains(a.toString()));
        seenByA(adherentA().when().get(CONVENTION + "/orders", group)).body("organisationId", contains(a.toString()));
        seenByA(adherentA().when().get(CONVENTION + "/alerts", group)).body("organisationId", contains(a.toString()));
        seenByA(adherentA().when().get(CONVENTION + "/billing-schedule", group))
                .body("debtorId", everyItem(equalTo(a.toString()))).body("amount", hasItem(500.00f));
    }

    @Test
    void anotherOrganisationsConventionAnswersLikeAnUnknownId() {
        for (String path : List.of(CONVENTION, CONVENTION + "/amendments", CONVENTION + "/orders", CONVENTION + "/alerts",
                CONVENTION + "/billing-schedule", CONVENTION + "/subsequent-markets")) {
            hiddenLikeUnknown(path, others);
        }
    }

    @Test
    void aReaderSeesEveryConvention() {
        reader().queryParam("organisationId", b).when().get("/api/v1/conventions").then().statusCode(200)
                .body("items.id", containsInAnyOrder(others, group));
        reader().when().get(CONVENTION, others).then().statusCode(200);
        reader().when().get(CONVENTION, group).then().statusCode(200).body("beneficiaries", hasSize(3));
        reader().when().get(CONVENTION + "/orders", group).then().statusCode(200).body("$", hasSize(3));
        reader().queryParam("through", "2025-01-02").when().get("/api/v1/conventions/billable-items").then().statusCode(200);
    }

    @Test
    void writesAreRefusedToAdherentsAndReadersAndChangeNothing() {
        for (Supplier<RequestSpecification> who : List.<Supplier<RequestSpecification>>of(
                AdherentIsolationTest::adherentA, AdherentIsolationTest::reader)) {
            forbidden(who.get().contentType(ContentType.JSON).body(ownAccount("RESAH-2021-008-LOT3", a, "2024-01-15", "2025-06-30"))
                    .when().post("/api/v1/conventions"));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-08-01",
                            "signedOn", "2024-07-20", "organisationId", a, "maximumAmount", 20000))
                    .when().post(CONVENTION + "/amendments", group));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("organisationId", a, "amount", 10, "orderedOn", "2024-08-01",
                            "reference", "BC-intrus"))
                    .when().post(CONVENTION + "/orders", group));
            forbidden(who.get().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2024-11-15"))
                    .when().post(CONVENTION + "/termination", group));
        }
        // Read as an internal call: all as it was.
        given().queryParam("organisationId", a).when().get("/api/v1/conventions").then().body("total", equalTo(2));
        given().when().get(CONVENTION, group).then().body("status", not(equalTo("TERMINATED"))).body("amendments", equalTo(3))
                .body("beneficiaries[1].maximumAmount", equalTo(12000.00f)).body("beneficiaries[1].consumedAmount", equalTo(10000.00f));
        given().when().get(CONVENTION + "/orders", group).then().body("$", hasSize(3));
    }

    /** Every other operation than GET, whatever it is, is refused to an adherent and to a reader. */
    @Test
    void everyWriteOfTheApiIsRefusedToAdherentsAndReaders() {
        int writes = 0;
        for (var path : openApiPaths().entrySet()) {
            String url = path.getKey().replaceAll("\\{[^}]+}", own); // refused before the id is even looked at
            for (String method : path.getValue().keySet()) {
                if (List.of("post", "put", "patch", "delete").contains(method)) {
                    writes++;
                    forbidden(adherentA().contentType(ContentType.JSON).body("{}").request(method, url));
                    forbidden(reader().contentType(ContentType.JSON).body("{}").request(method, url));
                }
            }
        }
        assertTrue(writes > 0, "the API's writes, all refused");
    }

    @Test
    void anIdentityWithoutAUsableOrganisationIsRefused() {
        forbidden(given().header("X-Centrale-Roles", "adherent").header("X-Centrale-Organisation", "not-a-uuid")
                .when().get("/api/v1/conventions"));
        forbidden(as("adherent", null).when().get("/api/v1/conventions"));
        forbidden(as("guest", a).when().get("/api/v1/conventions"));
    }
}
