package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.rest.ConventionFixtures.count;
import static fr.centrale.convention.rest.ConventionFixtures.create;
import static fr.centrale.convention.rest.ConventionFixtures.createAndSign;
import static fr.centrale.convention.rest.ConventionFixtures.group;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/rules.md, R-9 through the API: a subsequent market of 2021-046-001 or 2021-047-001 has its own maximum (seed 000:
 * "Ce montant constitue le maximum du marché subséquent"); orders count against the market in force; once exhausted
 * ("le marché subséquent épuise ses effets") its contribution stops after the execution year in progress, in the billing
 * schedule and in the billing runs' feed; a NEW_SUBSEQUENT_MARKET amendment opens the next one with its own maximum.
 */
@QuarkusTest
class SubsequentMarketsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONVENTION = "/api/v1/conventions/{id}";

    private static io.restassured.response.ValidatableResponse order(String id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(CONVENTION + "/orders", id).then();
    }

    private static Map<String, Object> orderOf(UUID organisation, String amount, String on, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisation);
        body.put("amount", amount);
        body.put("orderedOn", on);
        body.put("reference", reference);
        return body;
    }

    /** Every item the billing runs' feed serves for one convention, through a date. */
    static List<Map<String, Object>> feedOf(String conventionId, String through) {
        List<Map<String, Object>> mine = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("through", through).queryParam("size", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.when().get("/api/v1/conventions/billable-items").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            items.stream().filter(i -> conventionId.equals(i.get("sourceId"))).forEach(mine::add);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 200);
        return mine;
    }

    /**
     * CA de Béthune-Bruay, 2021-047-001 (Communauté d'agglomération: 2 500 € per execution year), first market from
     * 01/03/2022 to 28/02/2026 with a maximum of 100 000 €; a second market opened from 01/09/2023 with 120 000 €.
     */
    @Test
    void ordersExhaustTheFirstMarket_whoseContributionStopsAfterTheYearInProgress_theSecondTakesOver() {
        UUID ca = resahMember("CA de Béthune-Bruay " + UUID.randomUUID(), "COMMUNAUTE_AGGLOMERATION");
        Map<String, Object> body = ownAccount("RESAH-2021-047-001", ca, "2022-03-01", "2026-02-28");
        body.put("subsequentMarketMaximum", 100000);
        String id = createAndSign(body, "2022-02-20");
        given().when().get(CONVENTION + "/subsequent-markets", id).then().statusCode(200).body("$", hasSize(1))
                .body("[0].seq", equalTo(1)).body("[0].startsOn", equalTo("2022-03-01")).body("[0].endsOn", equalTo("2026-02-28"))
                .body("[0].maximumAmount", equalTo(100000.00f)).body("[0].consumedAmount", equalTo(0.00f))
                .body("[0].remainingAmount", equalTo(100000.00f)).body("[0].exhausted", equalTo(false))
                .body("[0].annualAmount", equalTo(2500.00f))
                .body("[0].executionYears.billed", equalTo(List.of(true, true, true, true)));

        order(id, orderOf(ca, "60000", "2022-06-01", "BC-1")).statusCode(201)
                .body("subsequentMarket", equalTo(1)).body("marketRemainingAmount", equalTo(40000.00f));

        // The new market starts within the convention: refused, nothing written.
        Map<String, Object> market = new HashMap<>(Map.of("type", "NEW_SUBSEQUENT_MARKET", "effectiveOn", "2023-09-01",
                "signedOn", "2023-08-25", "amount", 2500));
        market.put("maximumAmount", 120000);
        Map<String, Object> early = new HashMap<>(market);
        early.put("startsOn", "2022-01-01");
        given().contentType(ContentType.JSON).body(early).when().post(CONVENTION + "/amendments", id).then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("DATE_BEFORE_START")).body("errors[0].field", equalTo("startsOn"));
        Map<String, Object> late = new HashMap<>(market);
        late.put("endsOn", "2026-03-31");
        given().contentType(ContentType.JSON).body(late).when().post(CONVENTION + "/amendments", id).then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("END_AFTER_CONVENTION_END"));
        given().when().get(CONVENTION + "/amendments", id).then().body("$", hasSize(0));
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("$", hasSize(1));

        given().contentType(ContentType.JSON).body(market).when().post(CONVENTION + "/amendments", id).then().statusCode(201)
                .body("subsequentMarket", equalTo(2)).body("maximumAmount", equalTo(120000.00f))
                .body("complementaryContribution.kind", equalTo("NEW_MARKET"))
                .body("complementaryContribution.items.issueOn", equalTo(List.of("2023-09-01", "2024-01-02", "2025-01-02")));

        // Beyond the first market's maximum: refused, nothing recorded (a market's maximum cannot be exceeded).
        order(id, orderOf(ca, "40000.01", "2023-06-15", "BC-2")).statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("ORDER_EXCEEDS_MAXIMUM")).body("errors[0].field", equalTo("amount"));
        given().when().get(CONVENTION + "/orders", id).then().body("$", hasSize(1));
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("[0].consumedAmount", equalTo(60000.00f))
                .body("[0].exhausted", equalTo(false));

        // Reaching it exhausts the first market during its execution year 2 (01/03/2023–29/02/2024).
        order(id, orderOf(ca, "40000", "2023-06-15", "BC-2")).statusCode(201)
                .body("subsequentMarket", equalTo(1)).body("marketRemainingAmount", equalTo(0.00f));
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("$", hasSize(2))
                .body("[0].exhausted", equalTo(true)).body("[0].exhaustedOn", equalTo("2023-06-15"))
                .body("[0].remainingAmount", equalTo(0.00f)).body("[0].contributionEndsOn", equalTo("2024-02-29"))
                .body("[0].executionYears.billed", equalTo(List.of(true, true, false, false)))
                .body("[1].seq", equalTo(2)).body("[1].amendmentNumber", equalTo(1)).body("[1].startsOn", equalTo("2023-09-01"))
                .body("[1].maximumAmount", equalTo(120000.00f)).body("[1].remainingAmount", equalTo(120000.00f))
                .body("[1].annualAmount", equalTo(2500.00f)).body("[1].contributionEndsOn", equalTo("2026-02-28"))
                .body("[1].executionYears.startsOn", equalTo(List.of("2023-09-01", "2024-09-01", "2025-09-01")));
        // The convention does not lapse: a later market is open (it reads ENDED today, past its end of 28/02/2026).
        given().when().get(CONVENTION, id).then().body("status", not(equalTo("LAPSED"))).body("lapsedOn", nullValue());

        // The first market is billed for its years 1 and 2 only (not its Q1 2024 and Q1 2025 titres), the second for its own.
        List<String> issueOn = List.of("2022-03-01", "2023-01-02", "2023-09-01", "2024-01-02", "2025-01-02");
        List<Integer> sequence = List.of(1, 2, 1001, 1002, 1003);
        given().when().get(CONVENTION + "/billing-schedule", id).then()
                .body("issueOn", equalTo(issueOn)).body("sequence", equalTo(sequence));
        List<Map<String, Object>> feed = feedOf(id, "2026-12-31");
        assertEquals(sequence, feed.stream().map(i -> i.get("sequence")).toList());
        assertEquals(issueOn, feed.stream().map(i -> i.get("issueOn")).toList());

        // Between the exhaustion and the second market's start nothing is in force; then the second takes the orders.
        order(id, orderOf(ca, "100", "2023-07-01", "BC-3")).statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("SUBSEQUENT_MARKET_EXHAUSTED")).body("errors[0].field", equalTo("orderedOn"));
        order(id, orderOf(ca, "5000", "2023-10-01", "BC-3")).statusCode(201)
                .body("subsequentMarket", equalTo(2)).body("marketRemainingAmount", equalTo(115000.00f));
        Map<String, Object> named = orderOf(ca, "100", "2023-10-02", "BC-4");
        named.put("subsequentMarket", 1);
        order(id, named).statusCode(422).body("code", equalTo("SUBSEQUENT_MARKET_EXHAUSTED"))
                .body("errors[0].field", equalTo("subsequentMarket"));
        named.put("subsequentMarket", 9);
        order(id, named).statusCode(422).body("code", equalTo("UNKNOWN_SUBSEQUENT_MARKET"));
        named.put("subsequentMarket", 0);
        order(id, named).statusCode(400).body("errors[0].field", equalTo("subsequentMarket"));
        order(id, orderOf(ca, "115000.01", "2024-01-10", "BC-4")).statusCode(422).body("code", equalTo("ORDER_EXCEEDS_MAXIMUM"));
        order(id, orderOf(ca, "100", "2022-02-01", "BC-4")).statusCode(422).body("code", equalTo("NO_SUBSEQUENT_MARKET_IN_FORCE"))
                .body("errors[0].field", equalTo("orderedOn"));
        given().when().get(CONVENTION + "/orders", id).then().body("$", hasSize(3))
                .body("subsequentMarket", equalTo(List.of(1, 1, 2)));
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("[1].consumedAmount", equalTo(5000.00f));
    }

    @Test
    void badInputs() {
        given().when().get(CONVENTION + "/subsequent-markets", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get(CONVENTION + "/subsequent-markets", "nope").then().statusCode(404).contentType(PROBLEM);

        // Only offers billed per subsequent market have them.
        UUID dep = resahMember("Département du Nord " + UUID.randomUUID(), "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30");
        body.put("subsequentMarketMaximum", 50000);
        int before = count();
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("NOT_BILLED_PER_SUBSEQUENT_MARKET"))
                .body("errors[0].field", equalTo("subsequentMarketMaximum"));
        assertEquals(before, count());
        body.remove("subsequentMarketMaximum");
        String id = createAndSign(body, "2024-01-10");
        given().when().get(CONVENTION + "/subsequent-markets", id).then().statusCode(200).body("$", hasSize(0));
        Map<String, Object> named = orderOf(dep, "100", "2024-03-01", "BC-1");
        named.put("subsequentMarket", 1);
        order(id, named).statusCode(422).contentType(PROBLEM).body("code", equalTo("NOT_BILLED_PER_SUBSEQUENT_MARKET"));
        given().when().get(CONVENTION + "/orders", id).then().body("$", hasSize(0));

        // A draft takes no amendment: 409.
        UUID ca = resahMember("CA de Lens-Liévin " + UUID.randomUUID(), "COMMUNAUTE_AGGLOMERATION");
        String draft = create(ownAccount("RESAH-2021-047-001", ca, "2024-03-01", "2026-02-28"));
        given().contentType(ContentType.JSON).body(Map.of("type", "NEW_SUBSEQUENT_MARKET", "effectiveOn", "2024-09-01",
                        "signedOn", "2024-08-25", "amount", 2500, "maximumAmount", 50000))
                .when().post(CONVENTION + "/amendments", draft).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("CONVENTION_NOT_ACTIVE"));
        given().when().get(CONVENTION + "/subsequent-markets", draft).then().body("$", hasSize(1))
                .body("[0].maximumAmount", nullValue());
    }

    /**
     * Without a stated maximum, the first market's is the sum of its beneficiaries' maxima; a raise of a maximum raises the
     * market's (seed 000 art. 4.2: "augmentation du montant maximum de la présente convention et du marché subséquent").
     * A beneficiary that did not sign sees the market, not the consumption (other organisations' orders).
     */
    @Test
    void theFirstMarketsMaximumIsTheSumOfTheBeneficiariesMaxima_andAMereBeneficiaryDoesNotSeeItsConsumption() {
        UUID h = resahMember("GHT de l'Artois " + UUID.randomUUID(), "EPS");
        UUID a = resahMember("CH d'Arras " + UUID.randomUUID(), "EPS");
        Map<String, Object> body = group("RESAH-2021-046-001", h, List.of(h, a), "2024-01-15", "2027-01-14");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> beneficiaries = (List<Map<String, Object>>) body.get("beneficiaries");
        beneficiaries.forEach(b -> b.put("maximumAmount", 10000));
        String id = createAndSign(body, "2024-01-10");
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("[0].maximumAmount", equalTo(20000.00f));
        given().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01",
                        "signedOn", "2024-05-20", "organisationId", a, "maximumAmount", 15000))
                .when().post(CONVENTION + "/amendments", id).then().statusCode(201);
        order(id, orderOf(a, "12000", "2024-07-01", "BC-A")).statusCode(201).body("subsequentMarket", equalTo(1))
                .body("marketRemainingAmount", equalTo(13000.00f));
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("[0].maximumAmount", equalTo(25000.00f))
                .body("[0].consumedAmount", equalTo(12000.00f));
        given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", "adherent")
                .header("X-Centrale-Organisation", h.toString())
                .when().get(CONVENTION + "/subsequent-markets", id).then().statusCode(200)
                .body("[0].consumedAmount", equalTo(12000.00f)).body("[0].remainingAmount", equalTo(13000.00f));
        String seenByA = given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", "adherent")
                .header("X-Centrale-Organisation", a.toString())
                .when().get(CONVENTION + "/subsequent-markets", id).then().statusCode(200)
                .body("[0].maximumAmount", equalTo(25000.00f)).body("[0].consumedAmount", nullValue())
                .body("[0].remainingAmount", nullValue()).extract().asString();
        assertEquals(-1, seenByA.indexOf("12000"), seenByA);
        // Writes are the admin's.
        given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", "adherent")
                .header("X-Centrale-Organisation", h.toString()).contentType(ContentType.JSON)
                .body(Map.of("type", "NEW_SUBSEQUENT_MARKET", "effectiveOn", "2024-09-01", "signedOn", "2024-08-25",
                        "amount", 3000, "maximumAmount", 50000))
                .when().post(CONVENTION + "/amendments", id).then().statusCode(403).contentType(PROBLEM);
        given().when().get(CONVENTION + "/subsequent-markets", id).then().body("$", hasSize(1));
    }

    /** API.md: maximumAmount is optional on an amendment; a new market that does not state one has none. */
    @Test
    void aNewMarketWithoutAStatedMaximumIsAcceptedAndHasNone() {
        UUID ca = resahMember("CA " + UUID.randomUUID(), "COMMUNAUTE_AGGLOMERATION");
        Map<String, Object> body = ownAccount("RESAH-2021-047-001", ca, "2022-03-01", "2026-02-28");
        body.put("subsequentMarketMaximum", 100000);
        String id = createAndSign(body, "2022-02-20");
        given().contentType(ContentType.JSON).body(Map.of("type", "NEW_SUBSEQUENT_MARKET", "effectiveOn", "2023-09-01",
                        "signedOn", "2023-08-25", "amount", 2500))
                .when().post(CONVENTION + "/amendments", id).then().statusCode(201).body("subsequentMarket", equalTo(2));
        given().when().get(CONVENTION + "/subsequent-markets", id).then().statusCode(200).body("$", hasSize(2))
                .body("[1].seq", equalTo(2)).body("[1].maximumAmount", nullValue()).body("[1].exhausted", equalTo(false));
    }
}
