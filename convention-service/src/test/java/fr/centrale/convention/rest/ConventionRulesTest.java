package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.rest.ConventionFixtures.beneficiary;
import static fr.centrale.convention.rest.ConventionFixtures.count;
import static fr.centrale.convention.rest.ConventionFixtures.createAndSign;
import static fr.centrale.convention.rest.ConventionFixtures.group;
import static fr.centrale.convention.rest.ConventionFixtures.organisation;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The conventions' rules of the December 2026 revision, through the API (docs/rules.md, R-10, R-13). */
@QuarkusTest
class ConventionRulesTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> mandate(String offer, UUID signatory, List<UUID> beneficiaries, String startsOn, String endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("offer", offer);
        body.put("signatoryId", signatory);
        body.put("mode", "MANDATE");
        body.put("endsOn", endsOn);
        List<Map<String, Object>> lines = new ArrayList<>();
        beneficiaries.forEach(b -> lines.add(beneficiary(b, startsOn)));
        body.put("beneficiaries", lines);
        return body;
    }

    /** 2021-045 lot 2 under a mandate: a Communauté d'agglomération (1 000) and a commune of 60 000 (1 000). */
    @Test
    void aGridWithoutGroupRowsOwesTheSumOfTheBeneficiariesRows() {
        UUID ca = resahMember("CA de Béthune-Bruay " + UUID.randomUUID(), "COMMUNAUTE_AGGLOMERATION");
        UUID bethune = organisation("Commune de Béthune", "COMMUNE", 60000, null);
        UUID small = organisation("Commune de Labeuvrière", "COMMUNE", 1600, null);
        String id = createAndSign(mandate("RESAH-2021-045-LOT2", ca, List.of(ca, bethune), "2022-03-01", "2025-02-15"), "2022-02-15");
        given().when().get("/api/v1/conventions/" + id).then().statusCode(200)
                .body("annualAmount", equalTo(2000.00f)).body("tier", equalTo("SUM_OF_BENEFICIARIES"));
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then()
                .body("amount", equalTo(List.of(2000.00f, 2000.00f, 2000.00f)));
        // A commune under 20 000 inhabitants is on quote: so is the convention.
        int before = count();
        given().contentType(ContentType.JSON).body(mandate("RESAH-2021-045-LOT2", ca, List.of(ca, small), "2022-03-01", "2025-02-15"))
                .when().post("/api/v1/conventions").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("TARIFF_ON_QUOTE"));
        assertEquals(before, count());
    }

    /** a beneficiary added until a date of its own owes nothing after it. */
    @Test
    void aBeneficiaryAddedUntilItsOwnEndIsBilledNothingAfterIt() {
        UUID signatory = resahMember("GHT du Hainaut " + UUID.randomUUID(), "EPS");
        List<UUID> members = new ArrayList<>(List.of(signatory));
        for (int i = 0; i < 3; i++) {
            members.add(organisation("Centre hospitalier " + i, "EPS", null, null));
        }
        String id = createAndSign(group("RESAH-2021-046-001", signatory, members, "2024-01-15", "2027-01-14"), "2024-01-10");
        UUID fifth = organisation("Centre hospitalier de Denain", "EPS", null, null);
        int amendments = 0;
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("endsOn", "2024-08-31"), Map.of("endsOn", "2027-01-15"), Map.of("endsOn", "2025-13-01"))) {
            Map<String, Object> request = new HashMap<>(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-09-01",
                    "signedOn", "2024-08-20", "organisationId", fifth, "maximumAmount", 80000));
            request.putAll(bad);
            given().contentType(ContentType.JSON).body(request).when().post("/api/v1/conventions/" + id + "/amendments")
                    .then().statusCode(bad.get("endsOn").equals("2025-13-01") ? 400 : 422).contentType(PROBLEM)
                    .body("errors.field", hasItem("endsOn"));
        }
        given().when().get("/api/v1/conventions/" + id).then().body("amendments", equalTo(amendments))
                .body("beneficiaries.size()", equalTo(4));

        given().contentType(ContentType.JSON).body(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-09-01",
                        "signedOn", "2024-08-20", "organisationId", fifth, "maximumAmount", 80000, "endsOn", "2025-06-30"))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(201)
                .body("endsOn", equalTo("2025-06-30"))
                .body("complementaryContribution.items.issueOn", equalTo(List.of("2024-09-01", "2025-01-02")));
        given().when().get("/api/v1/conventions/" + id).then()
                .body("beneficiaries[4].endsOn", equalTo("2025-06-30")).body("beneficiaries[0].endsOn", nullValue());
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then()
                .body("findAll { it.sequence > 1000 }.periodEnd", equalTo(List.of("2025-01-14", "2025-06-30")));
    }
}
