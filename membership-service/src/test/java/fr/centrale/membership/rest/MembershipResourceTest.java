package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MembershipResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String departement() {
        return Fixtures.createOrganisation("Département du Pas-de-Calais", "DEPARTEMENT", "62018");
    }

    /** docs/rules.md, worked example 1, through the API. */
    @Test
    void workedExample1_resahBulletinOf11December2023_600AtTheQ1Run2024() {
        String org = departement();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "kind", "MEMBER", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/memberships/"))
                .body("startsOn", equalTo("2023-12-11"))
                .body("endsOn", nullValue())
                .body("firstFeeYear", equalTo(2024))
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");
        given().queryParam("through", "2023-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule")
                .then().statusCode(200).body("$", hasSize(0));
        String json = given().queryParam("through", "2024-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].sourceType", equalTo("MEMBERSHIP"))
                .body("[0].sourceId", equalTo(id))
                .body("[0].sequence", equalTo(1))
                .body("[0].kind", equalTo("MEMBERSHIP_FEE"))
                .body("[0].issuer", equalTo("RESAH"))
                .body("[0].debtorId", equalTo(org))
                .body("[0].issueOn", equalTo("2024-01-02"))
                .body("[0].periodStart", equalTo("2024-01-01"))
                .body("[0].periodEnd", equalTo("2024-12-31"))
                .body("[0].paymentTermDays", equalTo(30))
                .body("[0].taxation", equalTo("NET_OF_TAX")) // docs/rules.md, R-1: RESAH fees are net of tax
                .body("[0].vatRate", nullValue())
                .body("[0].legalBasis", equalTo("Bulletin d'adhésion du 11/12/2023 ; cotisation fixée par délibération du "
                        + "conseil d'administration du RESAH du 29/09/2022")) // docs/rules.md, R-5
                .extract().asString();
        assertTrue(json.contains("\"amount\":600.00"), json);
        assertTrue(json.contains("\"annualAmount\":600.00"), json);
    }

    /** docs/rules.md, worked example 2: a non-renewal received 15/10/2024 ends it on 31/12/2024, no 2025 titre. */
    @Test
    void workedExample2_nonRenewalInTime() {
        String id = Fixtures.createMembership(departement(), "RESAH", "2023-12-11");
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2024-10-15"))
                .when().post("/api/v1/memberships/" + id + "/non-renewal")
                .then().statusCode(200).body("endsOn", equalTo("2024-12-31"))
                .body("nonRenewalReceivedOn", equalTo("2024-10-15")).body("status", equalTo("ENDED"));
        given().queryParam("through", "2026-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule")
                .then().statusCode(200).body("issueOn", equalTo(List.of("2024-01-02")));
    }

    /** docs/rules.md, worked example 2: received 31/10/2024 or 05/11/2024, a 2025 titre of 600 € and the end on 31/12/2025. */
    @Test
    void workedExample2_lateNonRenewal() {
        for (String received : List.of("2024-10-31", "2024-11-05")) {
            String id = Fixtures.createMembership(departement(), "RESAH", "2023-12-11");
            given().contentType(ContentType.JSON).body(Map.of("receivedOn", received))
                    .when().post("/api/v1/memberships/" + id + "/non-renewal")
                    .then().statusCode(200).body("endsOn", equalTo("2025-12-31"));
            String json = given().queryParam("through", "2026-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule")
                    .then().statusCode(200)
                    .body("issueOn", equalTo(List.of("2024-01-02", "2025-01-02")))
                    .body("[1].sequence", equalTo(2))
                    .body("[1].label", equalTo("Cotisation d'adhésion RESAH 2025"))
                    .extract().asString();
            assertTrue(json.contains("\"amount\":600.00"), json);
            given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2024-10-01"))
                    .when().post("/api/v1/memberships/" + id + "/non-renewal")
                    .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("MEMBERSHIP_ALREADY_ENDING"));
        }
    }

    @Test
    void aMedicoSocialEstablishmentPays300() {
        String org = Fixtures.createOrganisation("EHPAD Les Tilleuls", "ESMS", "62300");
        String id = Fixtures.createMembership(org, "RESAH", "2024-05-10");
        String json = given().queryParam("through", "2025-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule")
                .then().statusCode(200).body("issueOn", equalTo(List.of("2024-05-10", "2025-01-02"))).extract().asString();
        assertTrue(json.contains("\"amount\":300.00"), json);
        assertTrue(!json.contains("600.00"), json);
    }

    @Test
    void caihMembersAndThirdPartyBeneficiariesByEligibility() {
        String dep = departement();
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", dep, "purchasingBody", "CAIH", "kind", "MEMBER", "bulletinReceivedOn", "2022-12-15"))
                .when().post("/api/v1/memberships").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("MEMBERSHIP_NOT_ELIGIBLE")).body("errors[0].field", equalTo("kind"));
        String tiers = Fixtures.createMembership(dep, "CAIH", "2022-12-15");
        given().when().get("/api/v1/memberships/" + tiers).then().statusCode(200)
                .body("kind", equalTo("THIRD_PARTY_BENEFICIARY")).body("purchasingBody", equalTo("CAIH"));
        given().queryParam("through", "2026-12-31").when().get("/api/v1/memberships/" + tiers + "/billing-schedule")
                .then().statusCode(200).body("$", hasSize(0));

        String hospital = Fixtures.createOrganisation("Centre hospitalier d'Arras", "EPS", "62000");
        String member = Fixtures.createMembership(hospital, "CAIH", "2023-02-01");
        given().when().get("/api/v1/memberships/" + member).then().body("kind", equalTo("MEMBER"));

        // CAIH: three months' notice; an earlier effective date is refused and changes nothing.
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2025-03-15", "effectiveOn", "2025-05-01"))
                .when().post("/api/v1/memberships/" + member + "/termination")
                .then().statusCode(422).body("code", equalTo("NOTICE_PERIOD_NOT_RESPECTED"))
                .body("errors[0].field", equalTo("effectiveOn"));
        given().when().get("/api/v1/memberships/" + member).then().body("endsOn", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2025-03-15"))
                .when().post("/api/v1/memberships/" + member + "/termination")
                .then().statusCode(200).body("termination.effectiveOn", equalTo("2025-06-15"))
                .body("endsOn", equalTo("2025-06-14"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2025-03-15"))
                .when().post("/api/v1/memberships/" + member + "/non-renewal")
                .then().statusCode(422).body("code", equalTo("NON_RENEWAL_NOT_APPLICABLE"));
    }

    @Test
    void laFibreAdmitsOnlyLocalAuthoritiesOfTheNordAndPasDeCalais() {
        String outside = Fixtures.createOrganisation("Communauté de communes du Pays de Lunel", "COMMUNAUTE_COMMUNES", "34400");
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", outside, "purchasingBody", "FIBRE5962", "bulletinReceivedOn", "2023-09-18"))
                .when().post("/api/v1/memberships").then().statusCode(422).body("code", equalTo("OUTSIDE_TERRITORY"));
        String ehpad = Fixtures.createOrganisation("EHPAD de Lens", "ESMS", "62300");
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", ehpad, "purchasingBody", "FIBRE5962", "bulletinReceivedOn", "2023-09-18"))
                .when().post("/api/v1/memberships").then().statusCode(422).body("code", equalTo("MEMBERSHIP_NOT_ELIGIBLE"));
        given().queryParam("organisationId", outside).when().get("/api/v1/memberships").then().body("total", equalTo(0));

        String commune = Fixtures.createOrganisation("Commune de Liévin", "COMMUNE", "62800");
        String id = Fixtures.createMembership(commune, "FIBRE5962", "2022-06-01");
        given().when().get("/api/v1/memberships/" + id).then()
                .body("endsOn", nullValue()).body("franchiseUntil", equalTo("2027-01-31")); // docs/rules.md, R-14
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2025-03-15"))
                .when().post("/api/v1/memberships/" + id + "/termination").then().statusCode(400)
                .body("errors[0].field", equalTo("notifiedOn"));
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2025-03-15"))
                .when().post("/api/v1/memberships/" + id + "/termination").then().statusCode(200)
                .body("termination.notifiedOn", equalTo("2025-03-15"))
                .body("termination.effectiveOn", equalTo("2025-04-15"))
                .body("endsOn", equalTo("2025-04-14"));
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2025-05-15"))
                .when().post("/api/v1/memberships/" + id + "/termination").then().statusCode(409);

        String later = Fixtures.createOrganisation("Commune de Lens", "COMMUNE", "62300");
        String chosen = Fixtures.createMembership(later, "FIBRE5962", "2024-06-01");
        given().when().get("/api/v1/memberships/" + chosen).then().body("franchiseUntil", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2025-03-15", "effectiveOn", "2025-12-31"))
                .when().post("/api/v1/memberships/" + chosen + "/termination").then().statusCode(200)
                .body("endsOn", equalTo("2025-12-30"));
    }

    @Test
    void aSecondMembershipInForceIsAConflict() {
        String org = departement();
        Fixtures.createMembership(org, "RESAH", "2023-12-11");
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2024-02-01"))
                .when().post("/api/v1/memberships").then().statusCode(409).body("code", equalTo("MEMBERSHIP_EXISTS"));
        given().queryParam("organisationId", org).when().get("/api/v1/memberships").then().body("total", equalTo(1));
    }

    @Test
    void badMembershipRequestsAreProblemsAndWriteNothing() {
        int before = Fixtures.count("/api/v1/memberships?size=1");
        String org = departement();
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", UUID.randomUUID(), "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships").then().statusCode(422).body("code", equalTo("ORGANISATION_NOT_FOUND"))
                .body("errors[0].field", equalTo("organisationId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "UGAP", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships").then().statusCode(422).body("code", equalTo("PURCHASING_BODY_NOT_FOUND"));
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-13-45"))
                .when().post("/api/v1/memberships").then().statusCode(400).body("errors[0].field", equalTo("bulletinReceivedOn"))
                .body("errors[0].message", containsString("date"));
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "kind", "FRIEND", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", "pas-un-uuid", "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-12-11"))
                .when().post("/api/v1/memberships").then().statusCode(400).body("errors[0].field", equalTo("organisationId"));
        given().contentType(ContentType.JSON).body(Map.of("organisationId", org, "purchasingBody", "RESAH"))
                .when().post("/api/v1/memberships").then().statusCode(400).body("errors[0].field", equalTo("bulletinReceivedOn"));
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/v1/memberships").then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, Fixtures.count("/api/v1/memberships?size=1"));

        String id = Fixtures.createMembership(org, "RESAH", "2023-12-11");
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2023-01-01"))
                .when().post("/api/v1/memberships/" + id + "/non-renewal").then().statusCode(422)
                .body("code", equalTo("DATE_BEFORE_START"));
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2024-01-01"))
                .when().post("/api/v1/memberships/" + id + "/termination").then().statusCode(422)
                .body("code", equalTo("TERMINATION_NOT_APPLICABLE"));
        given().when().get("/api/v1/memberships/" + id).then().body("endsOn", nullValue()).body("version", equalTo(0));
        given().queryParam("through", "31/12/2024").when().get("/api/v1/memberships/" + id + "/billing-schedule")
                .then().statusCode(400).body("errors[0].field", equalTo("through"));
        given().contentType(ContentType.JSON).body(Map.of("receivedOn", "2024-10-15"))
                .when().post("/api/v1/memberships/" + UUID.randomUUID() + "/non-renewal").then().statusCode(404);
        given().when().get("/api/v1/memberships/" + UUID.randomUUID() + "/billing-schedule").then().statusCode(404);
    }

    @Test
    void listingFilters() {
        String org = departement();
        String id = Fixtures.createMembership(org, "RESAH", "2023-12-11");
        given().queryParam("organisationId", org).queryParam("purchasingBody", "RESAH").queryParam("activeOn", "2024-06-30")
                .when().get("/api/v1/memberships").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().queryParam("organisationId", org).queryParam("activeOn", "2023-06-30")
                .when().get("/api/v1/memberships").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("organisationId", org).queryParam("purchasingBody", "CAIH")
                .when().get("/api/v1/memberships").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("purchasingBody", "NOPE").when().get("/api/v1/memberships").then().statusCode(400);
        given().queryParam("activeOn", "hier").when().get("/api/v1/memberships").then().statusCode(400)
                .body("errors[0].field", equalTo("activeOn"));
    }

    @Test
    void theBillingFeedServesEveryItemOnceAcrossPages() {
        for (int i = 0; i < 5; i++) {
            Fixtures.createMembership(departement(), "RESAH", "2023-03-0" + (i + 1));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("through", "2025-01-02").queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.when().get("/api/v1/memberships/billable-items").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            for (Map<String, Object> item : items) {
                assertTrue(seen.add(item.get("sourceId") + "#" + item.get("sequence")), "served twice: " + item);
                assertTrue(((String) item.get("issueOn")).compareTo("2025-01-02") <= 0);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertTrue(pages > 1);
        assertTrue(seen.size() >= 15, "5 memberships × 2023, 2024, 2025 at least, got " + seen.size());
        given().when().get("/api/v1/memberships/billable-items").then().statusCode(400).body("errors[0].field", equalTo("through"));
        given().queryParam("through", "2025-01-02").queryParam("size", 0)
                .when().get("/api/v1/memberships/billable-items").then().statusCode(400);
        given().queryParam("through", "2025-01-02").queryParam("after", "x")
                .when().get("/api/v1/memberships/billable-items").then().statusCode(400).body("errors[0].field", not(nullValue()));
        given().queryParam("organisationId", "x").when().get("/api/v1/memberships").then().statusCode(400)
                .body("errors[0].field", equalTo("organisationId"));
        given().when().get("/api/v1/memberships").then().body("items.status", hasItem("ACTIVE"));
    }

    /** docs/rules.md, R-3: the membership carries its own Chorus references, correctable with its version. */
    @Test
    void aMembershipCarriesItsOwnChorusReferencesAndTheyCanBeCorrected() {
        String org = departement();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-03-01",
                        "chorusLegalCommitment", " 2300004512 ", "chorusServiceCode", "DSI"))
                .when().post("/api/v1/memberships").then().statusCode(201)
                .body("chorusLegalCommitment", equalTo("2300004512")).body("chorusServiceCode", equalTo("DSI"))
                .extract().path("id");
        given().queryParam("through", "2024-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule").then()
                .body("$", hasSize(2)).body("chorusLegalCommitment", equalTo(List.of("2300004512", "2300004512")))
                .body("chorusServiceCode", equalTo(List.of("DSI", "DSI")));
        given().contentType(ContentType.JSON).body(Map.of("chorusLegalCommitment", "2400000001", "chorusServiceCode", "", "version", 0))
                .when().patch("/api/v1/memberships/" + id).then().statusCode(200)
                .body("chorusLegalCommitment", equalTo("2400000001")).body("chorusServiceCode", nullValue())
                .body("version", equalTo(1));
        given().queryParam("through", "2024-12-31").when().get("/api/v1/memberships/" + id + "/billing-schedule").then()
                .body("[1].chorusLegalCommitment", equalTo("2400000001")).body("[1].chorusServiceCode", nullValue());
        // Without references of its own, an item carries none: billing falls back on the organisation's.
        String plain = Fixtures.createMembership(departement(), "RESAH", "2023-03-01");
        given().queryParam("through", "2023-12-31").when().get("/api/v1/memberships/" + plain + "/billing-schedule").then()
                .body("[0].chorusLegalCommitment", nullValue());
    }

    @Test
    void badMembershipCorrectionsAreProblemsAndWriteNothing() {
        String id = Fixtures.createMembership(departement(), "RESAH", "2023-03-01");
        given().contentType(ContentType.JSON).body(Map.of("chorusLegalCommitment", "X".repeat(51), "version", 0))
                .when().patch("/api/v1/memberships/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("chorusLegalCommitment"));
        given().contentType(ContentType.JSON).body(Map.of("chorusServiceCode", "DSI", "version", 7))
                .when().patch("/api/v1/memberships/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("STALE_VERSION"));
        given().contentType(ContentType.JSON).body("{\"version\": \"un\"}")
                .when().patch("/api/v1/memberships/" + id).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("chorusServiceCode", "DSI"))
                .when().patch("/api/v1/memberships/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/memberships/" + id).then().body("version", equalTo(0))
                .body("chorusServiceCode", nullValue()).body("chorusLegalCommitment", nullValue());
    }
}
