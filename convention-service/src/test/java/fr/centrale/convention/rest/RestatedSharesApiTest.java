package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.rest.ConventionFixtures.createAndSign;
import static fr.centrale.convention.rest.ConventionFixtures.group;
import static fr.centrale.convention.rest.ConventionFixtures.organisation;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/rules.md, R-11 through the API: where beneficiaries pay their own shares, adding a beneficiary restates every
 * share (seed 000 art. 4.1: "chaque bénéficiaire, selon la modalité choisie à l'annexe, verse au Resah une contribution
 * financière annuelle"; art. 4.2: "En cas d'ajout d'un ou plusieurs bénéficiaire(s)"), adding up to the annual amount,
 * and names who pays the complementary contribution (default: the signatory).
 */
@QuarkusTest
class RestatedSharesApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONVENTION = "/api/v1/conventions/{id}";

    private static Map<String, Object> share(UUID who, String amount) {
        return Map.of("organisationId", who, "amount", amount);
    }

    /** GHT of two EPS (group 2–4: 3 000 € a year) paying 1 500 € each from 15/01/2024; a third EPS joins on 01/09/2024. */
    @Test
    void aBeneficiaryIsAddedWithRestatedShares_andTitresFromTheAmendmentFollowThem() {
        UUID h = resahMember("GHT du Ternois " + UUID.randomUUID(), "EPS");
        UUID a = organisation("CH de Saint-Pol " + UUID.randomUUID(), "EPS", null, null);
        Map<String, Object> body = group("RESAH-2021-046-001", h, List.of(h, a), "2024-01-15", "2026-01-14");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> beneficiaries = (List<Map<String, Object>>) body.get("beneficiaries");
        beneficiaries.forEach(b -> b.put("share", 1500));
        String id = createAndSign(body, "2024-01-10");
        given().when().get(CONVENTION + "/billing-schedule", id).then().body("sequence", equalTo(List.of(1, 2, 3, 4)));
        UUID c = organisation("CH d'Hesdin " + UUID.randomUUID(), "EPS", null, null);
        UUID stranger = UUID.randomUUID();

        Map<String, Object> base = Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-09-01", "signedOn", "2024-08-20",
                "organisationId", c);
        List<Map<String, Object>> right = List.of(share(h, "1000"), share(a, "1000"), share(c, "1000"));
        record Bad(Map<String, Object> extra, String code, String field) {
        }
        for (Bad bad : List.of(
                new Bad(Map.of(), "SHARES_MUST_BE_RESTATED", "shares"),
                new Bad(Map.of("shares", List.of()), "SHARES_MUST_BE_RESTATED", "shares"),
                new Bad(Map.of("shares", List.of(share(h, "1500"), share(a, "1500"))), "SHARES_INCOMPLETE", "shares"),
                new Bad(Map.of("shares", List.of(share(h, "1000"), share(a, "1000"), share(stranger, "1000"))), "SHARES_INCOMPLETE", "shares"),
                new Bad(Map.of("shares", List.of(share(h, "1000"), share(a, "1000"), share(c, "999.99"))), "SHARES_DO_NOT_ADD_UP", "shares"),
                new Bad(Map.of("shares", right, "complementPayerId", stranger), "UNKNOWN_PAYER", "complementPayerId"),
                new Bad(Map.of("shares", right, "endsOn", "2025-06-30"), "OWN_END_WITH_SHARES", "endsOn"))) {
            Map<String, Object> request = new HashMap<>(base);
            request.putAll(bad.extra());
            given().contentType(ContentType.JSON).body(request).when().post(CONVENTION + "/amendments", id).then()
                    .statusCode(422).contentType(PROBLEM).body("code", equalTo(bad.code()))
                    .body("errors[0].field", equalTo(bad.field()));
        }
        Map<String, Object> negative = new HashMap<>(base);
        negative.put("shares", List.of(share(h, "-1000"), share(a, "3000"), share(c, "1000")));
        given().contentType(ContentType.JSON).body(negative).when().post(CONVENTION + "/amendments", id).then().statusCode(400)
                .contentType(PROBLEM);
        // Nothing written.
        given().when().get(CONVENTION, id).then().body("amendments", equalTo(0)).body("beneficiaries", hasSize(2));
        given().when().get(CONVENTION + "/billing-schedule", id).then().body("sequence", equalTo(List.of(1, 2, 3, 4)));

        Map<String, Object> request = new HashMap<>(base);
        request.put("shares", right);
        request.put("complementPayerId", c);
        given().contentType(ContentType.JSON).body(request).when().post(CONVENTION + "/amendments", id).then().statusCode(201)
                .body("shares.organisationId", equalTo(List.of(h.toString(), a.toString(), c.toString())))
                .body("shares.amount", equalTo(List.of(1000.00f, 1000.00f, 1000.00f)))
                .body("complementPayerId", equalTo(c.toString()))
                .body("complementaryContribution.kind", equalTo("ONE_OFF"))
                .body("complementaryContribution.items", hasSize(1))
                .body("complementaryContribution.items[0].debtorId", equalTo(c.toString()))
                .body("complementaryContribution.items[0].amount", equalTo(150.00f));
        given().when().get(CONVENTION, id).then().body("beneficiaries", hasSize(3)).body("amendments", equalTo(1));

        // Year 1 (issued 15/01/2024) keeps the old shares; year 2 (issued 02/01/2025) follows the new ones; C pays the fee.
        List<Integer> sequence = List.of(1, 2, 1504, 1505, 1506, 1001);
        List<String> debtors = List.of(h.toString(), a.toString(), h.toString(), a.toString(), c.toString(), c.toString());
        List<Float> amounts = List.of(1500.00f, 1500.00f, 1000.00f, 1000.00f, 1000.00f, 150.00f);
        given().when().get(CONVENTION + "/billing-schedule", id).then().body("sequence", equalTo(sequence))
                .body("debtorId", equalTo(debtors)).body("amount", equalTo(amounts))
                .body("findAll { it.sequence > 1500 }.issueOn", equalTo(List.of("2025-01-02", "2025-01-02", "2025-01-02")));
        var feed = SubsequentMarketsTest.feedOf(id, "2026-12-31");
        assertEquals(sequence, feed.stream().map(i -> i.get("sequence")).toList());
        assertEquals(debtors, feed.stream().map(i -> i.get("debtorId")).toList());

        // The new beneficiary sees its own lines only: its share of year 2 and its fee.
        given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", "adherent")
                .header("X-Centrale-Organisation", c.toString())
                .when().get(CONVENTION + "/billing-schedule", id).then().statusCode(200)
                .body("sequence", equalTo(List.of(1506, 1001)));
    }

    /** Where the signatory pays everything there are no shares to restate; the default payer is the signatory. */
    @Test
    void whereTheSignatoryPaysNoSharesAreStated() {
        UUID dep = resahMember("Département du Pas-de-Calais " + UUID.randomUUID(), "DEPARTEMENT");
        String id = createAndSign(ownAccount("RESAH-2021-046-001", dep, "2024-01-15", "2026-01-14"), "2024-01-10");
        UUID added = organisation("SDIS 62 " + UUID.randomUUID(), "SDIS", null, null);
        Map<String, Object> request = new HashMap<>(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-09-01",
                "signedOn", "2024-08-20", "organisationId", added, "shares", List.of(share(dep, "1250"), share(added, "1250"))));
        given().contentType(ContentType.JSON).body(request).when().post(CONVENTION + "/amendments", id).then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("SHARES_NOT_ALLOWED")).body("errors[0].field", equalTo("shares"));
        request.remove("shares");
        request.put("complementPayerId", added);
        given().contentType(ContentType.JSON).body(request).when().post(CONVENTION + "/amendments", id).then().statusCode(422)
                .body("code", equalTo("UNKNOWN_PAYER")).body("errors[0].field", equalTo("complementPayerId"));
        // Nor does any other kind of amendment.
        given().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-09-01",
                        "signedOn", "2024-08-20", "organisationId", dep, "maximumAmount", 90000, "shares", List.of(share(dep, "2500"))))
                .when().post(CONVENTION + "/amendments", id).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("SHARES_NOT_ALLOWED"));
        given().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-09-01",
                        "signedOn", "2024-08-20", "organisationId", dep, "maximumAmount", 90000, "complementPayerId", dep))
                .when().post(CONVENTION + "/amendments", id).then().statusCode(422).body("code", equalTo("UNKNOWN_PAYER"));
        given().when().get(CONVENTION, id).then().body("amendments", equalTo(0));
        request.remove("complementPayerId");
        given().contentType(ContentType.JSON).body(request).when().post(CONVENTION + "/amendments", id).then().statusCode(201)
                .body("complementaryContribution.items[0].debtorId", equalTo(dep.toString()));
    }
}
