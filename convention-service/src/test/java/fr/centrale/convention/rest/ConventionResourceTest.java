package fr.centrale.convention.rest;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.centrale.convention.testing.MembershipServiceStub;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.rest.ConventionFixtures.beneficiary;
import static fr.centrale.convention.rest.ConventionFixtures.count;
import static fr.centrale.convention.rest.ConventionFixtures.create;
import static fr.centrale.convention.rest.ConventionFixtures.createAndSign;
import static fr.centrale.convention.rest.ConventionFixtures.group;
import static fr.centrale.convention.rest.ConventionFixtures.organisation;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConventionResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance breakers;

    /** A test that makes membership-service fail must not leave the circuit open for the next ones. */
    @BeforeEach
    void closeTheCircuits() {
        breakers.resetAll();
    }

    /** docs/rules.md, worked example 3, through the API. */
    @Test
    void workedExample3_resah2021008Lot3_departement() {
        UUID dep = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30");
        body.put("authorizingAct", Map.of("number", "2023-544", "date", "2023-12-11", "body", "Commission Permanente"));
        body.put("budgetLine", Map.of("operation", "C06-020N02", "account", "6228//93020"));
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions")
                .then().statusCode(201).header("Location", containsString("/api/v1/conventions/"))
                .body("status", equalTo("DRAFT"))
                .body("annualAmount", equalTo(2500.00f))
                .body("gridRow", notNullValue())
                .body("tier", notNullValue())
                .body("executionStart", equalTo("2024-01-15"))
                .body("authorizingAct.number", equalTo("2023-544"))
                .body("budgetLine.account", equalTo("6228//93020"))
                .extract().path("id");
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200).body("$", hasSize(0));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200)
                .body("status", equalTo("ENDED")).body("signedOn", equalTo("2024-01-10"));
        String json = given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("$", hasSize(2))
                .body("issueOn", equalTo(List.of("2024-01-15", "2025-01-02")))
                .body("periodStart", equalTo(List.of("2024-01-15", "2025-01-15")))
                .body("periodEnd", equalTo(List.of("2025-01-14", "2025-06-30")))
                .body("[1].months", equalTo(5.53f))
                .body("sequence", equalTo(List.of(1, 2)))
                .body("debtorId", equalTo(List.of(dep.toString(), dep.toString())))
                .body("[0].issuer", equalTo("RESAH"))
                .body("[0].paymentTermDays", equalTo(30))
                .extract().asString();
        assertTrue(json.contains("\"amount\":2500.00") && json.contains("\"amount\":1152.08"), json);
        given().when().get("/api/v1/conventions/" + id).then().body("totalCommitment", equalTo(3652.08f))
                .body("taxation", equalTo("NET_OF_TAX")).body("totalCommitmentVat", nullValue())
                .body("totalCommitmentInclusiveOfVat", nullValue());
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then()
                .body("taxation", equalTo(List.of("NET_OF_TAX", "NET_OF_TAX"))).body("[0].vatRate", nullValue());
    }

    /** docs/rules.md, worked example 4. */
    @Test
    void workedExample4_resah2020027Securite() {
        UUID dep = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        String id = createAndSign(ownAccount("RESAH-2020-027-LOT1-SECURITE", dep, "2023-01-01", "2024-08-27"), "2022-12-20");
        String json = given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("issueOn", equalTo(List.of("2023-01-01", "2024-01-02")))
                .body("[1].months", equalTo(7.90f)).extract().asString();
        assertTrue(json.contains("\"amount\":1000.00") && json.contains("\"amount\":658.33"), json);
    }

    /** docs/rules.md, worked example 5. */
    @Test
    void workedExample5_resah2021045Lot2() {
        UUID ca = resahMember("CA de Béthune-Bruay", "COMMUNAUTE_AGGLOMERATION");
        String id = createAndSign(ownAccount("RESAH-2021-045-LOT2", ca, "2022-03-01", "2025-02-15"), "2022-02-15");
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("issueOn", equalTo(List.of("2022-03-01", "2023-01-02", "2024-01-02")))
                .body("amount", equalTo(List.of(1000.00f, 1000.00f, 1000.00f)));
    }

    /** docs/rules.md, worked example 6: CAIH, a département as third-party beneficiary (no membership check). */
    @Test
    void workedExample6_caihSo360() {
        UUID dep = organisation("Département du Pas-de-Calais", "DEPARTEMENT", null, 5000);
        String id = createAndSign(ownAccount("CAIH-SO360", dep, "2022-12-15", "2023-07-16"), "2022-12-13");
        // docs/rules.md, R-1: 1 500 € HT, VAT 20 %: the commitment is shown HT and TTC.
        given().when().get("/api/v1/conventions/" + id).then().body("annualAmount", equalTo(1500.00f))
                .body("taxation", equalTo("BEFORE_VAT")).body("totalCommitment", equalTo(3000.00f))
                .body("totalCommitmentVat", equalTo(600.00f)).body("totalCommitmentInclusiveOfVat", equalTo(3600.00f));
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().statusCode(200)
                .body("issueOn", equalTo(List.of("2022-12-15", "2023-01-02")))
                .body("amount", equalTo(List.of(1500.00f, 1500.00f)))
                .body("taxation", equalTo(List.of("BEFORE_VAT", "BEFORE_VAT")))
                .body("vatRate", equalTo(List.of(20.00f, 20.00f)))
                .body("paymentTermDays", equalTo(List.of(50, 50)))
                .body("issuer", equalTo(List.of("CAIH", "CAIH")));
        // Three months' notice: effective 2023-05-01; nothing refunded, no titre after it.
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2023-02-01"))
                .when().post("/api/v1/conventions/" + id + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED"))
                .body("termination.effectiveOn", equalTo("2023-05-01"))
                .body("effectiveEnd", equalTo("2023-05-01"));
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then()
                .body("issueOn", equalTo(List.of("2022-12-15", "2023-01-02")));
        given().contentType(ContentType.JSON).body(Map.of("notifiedOn", "2023-03-01"))
                .when().post("/api/v1/conventions/" + id + "/termination").then().statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2023-06-01", "signedOn", "2023-05-20",
                        "organisationId", UUID.randomUUID()))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(409)
                .body("code", equalTo("CONVENTION_NOT_ACTIVE"));
    }

    /** docs/rules.md, section 6 with the current grid: a group of 4 (3 000 €) that adds a fifth pays 500 € a year. */
    @Test
    void aGroupOfFourAddingAFifthPays500AYear() {
        UUID signatory = resahMember("GHT de l'Artois", "EPS");
        List<UUID> members = new ArrayList<>(List.of(signatory));
        for (int i = 0; i < 3; i++) {
            members.add(organisation("Centre hospitalier " + i, "EPS", null, null));
        }
        String id = createAndSign(group("RESAH-2021-046-001", signatory, members, "2024-01-15", "2026-01-14"), "2024-01-10");
        given().when().get("/api/v1/conventions/" + id).then().body("annualAmount", equalTo(3000.00f));
        UUID fifth = organisation("Centre hospitalier de Lens", "EPS", null, null);
        String json = given().contentType(ContentType.JSON)
                .body(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-09-01", "signedOn", "2024-08-20",
                        "organisationId", fifth, "maximumAmount", 80000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(201)
                .body("number", equalTo(1))
                .body("previousAnnualAmount", equalTo(3000.00f))
                .body("newAnnualAmount", equalTo(3500.00f))
                .body("complementaryContribution.kind", equalTo("ANNUAL_DIFFERENCE"))
                .body("complementaryContribution.amount", equalTo(500.00f))
                .body("complementaryContribution.items.issueOn", equalTo(List.of("2024-09-01", "2025-01-02")))
                .body("complementaryContribution.items.sequence", equalTo(List.of(1001, 1002)))
                .extract().asString();
        assertTrue(json.contains("\"amount\":500.00"), json);
        given().when().get("/api/v1/conventions/" + id).then().body("currentAnnualAmount", equalTo(3500.00f))
                .body("beneficiaries", hasSize(5)).body("annualAmount", equalTo(3000.00f));
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then()
                .body("sequence", equalTo(List.of(1, 2, 1001, 1002)));
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "ADD_BENEFICIARY", "effectiveOn", "2024-10-01", "signedOn", "2024-09-20", "organisationId", fifth))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(409).body("code", equalTo("DUPLICATE_BENEFICIARY"));
    }

    @Test
    void addingABeneficiaryWithoutTierChangeCosts150Once_raisingAMaximum300() {
        UUID signatory = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-046-001", signatory, "2024-01-15", "2026-01-14");
        Map<String, Object> b = beneficiary(signatory, "2024-01-15");
        b.put("maximumAmount", 50000);
        body.put("beneficiaries", List.of(b));
        body.put("mode", "OWN_ACCOUNT");
        String id = createAndSign(body, "2024-01-10");
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01", "signedOn", "2024-05-20",
                        "organisationId", signatory, "maximumAmount", 70000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(201)
                .body("complementaryContribution.kind", equalTo("ONE_OFF"))
                .body("complementaryContribution.amount", equalTo(300.00f))
                .body("complementaryContribution.dueOn", equalTo("2024-06-01"))
                .body("complementaryContribution.items[0].sequence", equalTo(1001));
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-07-01", "signedOn", "2024-06-20",
                        "organisationId", signatory, "maximumAmount", 60000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(422)
                .body("code", equalTo("MAXIMUM_NOT_INCREASED"));
        given().when().get("/api/v1/conventions/" + id).then().body("beneficiaries[0].maximumAmount", equalTo(70000.00f))
                .body("amendments", equalTo(1));
    }

    @Test
    void ordersCountAgainstTheMaximum_atRisk_exceeded_lapsed() {
        UUID dep = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-046-001", dep, "2024-01-15", "2026-01-14");
        Map<String, Object> b = beneficiary(dep, "2024-01-15");
        b.put("maximumAmount", 10000);
        body.put("beneficiaries", List.of(b));
        String id = createAndSign(body, "2024-01-10");
        String orders = "/api/v1/conventions/" + id + "/orders";
        given().contentType(ContentType.JSON).body(Map.of("organisationId", dep, "amount", 8000, "orderedOn", "2024-03-01", "reference", "BC-1"))
                .when().post(orders).then().statusCode(201)
                .body("beneficiaryStatus", equalTo("AT_RISK"))
                .body("alert.notifyOrganisationId", equalTo(dep.toString()))
                .body("alert.ratio", equalTo(0.80f));
        given().contentType(ContentType.JSON).body(Map.of("organisationId", dep, "amount", 2000.01, "orderedOn", "2024-04-01", "reference", "BC-2"))
                .when().post(orders).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("MAXIMUM_AMOUNT_EXCEEDED")).body("errors[0].field", equalTo("amount"));
        given().when().get("/api/v1/conventions/" + id).then()
                .body("beneficiaries[0].consumedAmount", equalTo(8000.00f))
                .body("beneficiaries[0].status", equalTo("AT_RISK"));
        given().when().get(orders).then().body("$", hasSize(1));
        given().when().get("/api/v1/conventions/" + id + "/alerts").then().body("$", hasSize(1))
                .body("[0].status", equalTo("AT_RISK"));
        given().contentType(ContentType.JSON).body(Map.of("organisationId", UUID.randomUUID(), "amount", 10, "orderedOn", "2024-04-01", "reference", "BC-X"))
                .when().post(orders).then().statusCode(422).body("code", equalTo("UNKNOWN_BENEFICIARY"));
        given().contentType(ContentType.JSON).body(Map.of("organisationId", dep, "amount", 2000, "orderedOn", "2024-05-01", "reference", "BC-3"))
                .when().post(orders).then().statusCode(201).body("beneficiaryStatus", equalTo("LAPSED"));
        given().when().get("/api/v1/conventions/" + id).then()
                .body("status", equalTo("LAPSED")).body("lapsedOn", equalTo("2024-05-01"))
                .body("beneficiaries[0].lapsedOn", equalTo("2024-05-01"));
        // Lapsed on 2024-05-01: the Q1 2025 titre is not due any more.
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then().body("issueOn", equalTo(List.of("2024-01-15")));
        given().contentType(ContentType.JSON).body(Map.of("organisationId", dep, "amount", 1, "orderedOn", "2024-05-02", "reference", "BC-4"))
                .when().post(orders).then().statusCode(409);
    }

    @Test
    void aLapsedBeneficiaryCannotBeRevivedByRaisingItsMaximum() {
        UUID signatory = resahMember("GHT du Littoral", "EPS");
        UUID other = organisation("CH de Calais", "EPS", null, null);
        Map<String, Object> body = group("RESAH-2021-046-001", signatory, List.of(signatory, other), "2024-01-15", "2027-01-14");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> beneficiaries = (List<Map<String, Object>>) body.get("beneficiaries");
        beneficiaries.get(1).put("maximumAmount", 1000);
        String id = createAndSign(body, "2024-01-10");
        given().contentType(ContentType.JSON).body(Map.of("organisationId", other, "amount", 1000, "orderedOn", "2024-03-01", "reference", "BC-1"))
                .when().post("/api/v1/conventions/" + id + "/orders").then().statusCode(201).body("beneficiaryStatus", equalTo("LAPSED"));
        given().when().get("/api/v1/conventions/" + id).then().body("status", equalTo("ACTIVE"));
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01", "signedOn", "2024-05-20",
                        "organisationId", other, "maximumAmount", 5000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(422)
                .body("code", equalTo("BENEFICIARY_LAPSED"));
    }

    @Test
    void aNewSubsequentMarketIsBilledOverItsOwnExecutionYears() {
        UUID ca = resahMember("CA de Béthune-Bruay", "COMMUNAUTE_AGGLOMERATION");
        String id = createAndSign(ownAccount("RESAH-2021-047-001", ca, "2022-03-01", "2026-02-28"), "2022-02-20");
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "NEW_SUBSEQUENT_MARKET", "effectiveOn", "2023-09-01", "signedOn", "2023-08-25", "amount", 2500,
                        "maximumAmount", 120000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(201)
                .body("complementaryContribution.kind", equalTo("NEW_MARKET"))
                .body("complementaryContribution.items.issueOn", equalTo(List.of("2023-09-01", "2024-01-02", "2025-01-02")));
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "NEW_SUBSEQUENT_MARKET", "effectiveOn", "2023-09-01", "signedOn", "2023-08-25"))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
    }

    @Test
    void aCategoryOnQuoteNeedsANegotiatedAmount() {
        UUID ehpad = resahMember("EHPAD Les Tilleuls", "ESMS");
        Map<String, Object> body = ownAccount("RESAH-2021-008-LOT1", ehpad, "2024-01-15", "2025-01-14");
        int before = count();
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(422)
                .body("code", equalTo("TARIFF_ON_QUOTE")).body("errors[0].field", equalTo("negotiatedAnnualAmount"));
        assertEquals(before, count());
        body.put("negotiatedAnnualAmount", 800);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(201)
                .body("annualAmount", equalTo(800.00f)).body("negotiated", equalTo(true));
    }

    @Test
    void signatureNeedsAResahMembership() {
        UUID notMember = organisation("Commune de Liévin", "COMMUNE", 30000, null);
        MembershipServiceStub.stubNoMembership(notMember, "RESAH");
        String id = create(ownAccount("RESAH-2021-063-002", notMember, "2024-01-15", "2025-01-14"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(422)
                .body("code", equalTo("MEMBERSHIP_REQUIRED"));
        given().when().get("/api/v1/conventions/" + id).then().body("status", equalTo("DRAFT"))
                .body("annualAmount", equalTo(300.00f));
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01", "signedOn", "2024-05-20",
                        "organisationId", notMember, "maximumAmount", 5000))
                .when().post("/api/v1/conventions/" + id + "/amendments").then().statusCode(409)
                .body("code", equalTo("CONVENTION_NOT_ACTIVE"));
    }

    @Test
    void whenMembershipServiceIsDownNothingIsWritten() {
        UUID dep = UUID.randomUUID();
        MembershipServiceStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/organisations/" + dep))
                .willReturn(WireMock.aResponse().withStatus(500)));
        int before = count();
        given().contentType(ContentType.JSON).body(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30"))
                .when().post("/api/v1/conventions").then().statusCode(503).contentType(PROBLEM)
                .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
        assertEquals(before, count());
    }

    @Test
    void badConventionsAreRefusedAndNothingIsWritten() {
        UUID dep = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        int before = count();
        given().contentType(ContentType.JSON).body(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2024-01-14"))
                .when().post("/api/v1/conventions").then().statusCode(422).body("code", equalTo("END_BEFORE_START"));
        given().contentType(ContentType.JSON).body(ownAccount("RESAH-2020-027-LOT1-SECURITE", dep, "2023-01-01", "2024-12-31"))
                .when().post("/api/v1/conventions").then().statusCode(422).body("code", equalTo("END_AFTER_OFFER_END"))
                .body("errors[0].field", equalTo("endsOn"));
        given().contentType(ContentType.JSON).body(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2028-01-15"))
                .when().post("/api/v1/conventions").then().statusCode(422).body("code", equalTo("DURATION_TOO_LONG"));
        given().contentType(ContentType.JSON).body(ownAccount("RESAH-1999-000", dep, "2024-01-15", "2025-01-14"))
                .when().post("/api/v1/conventions").then().statusCode(422).body("code", equalTo("OFFER_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(ownAccount("RESAH-2021-008-LOT3", UUID.randomUUID(), "2024-01-15", "2025-01-14"))
                .when().post("/api/v1/conventions").then().statusCode(422).body("code", equalTo("ORGANISATION_NOT_FOUND"))
                .body("errors[0].field", equalTo("signatoryId"));
        Map<String, Object> duplicate = group("RESAH-2021-008-LOT3", dep, List.of(dep, dep), "2024-01-15", "2025-01-14");
        given().contentType(ContentType.JSON).body(duplicate).when().post("/api/v1/conventions").then().statusCode(422)
                .body("code", equalTo("DUPLICATE_BENEFICIARY")).body("errors[0].field", equalTo("beneficiaries[1].organisationId"));
        Map<String, Object> negative = ownAccount("RESAH-2021-046-001", dep, "2024-01-15", "2025-01-14");
        Map<String, Object> b = beneficiary(dep, "2024-01-15");
        b.put("maximumAmount", -5);
        negative.put("beneficiaries", List.of(b));
        given().contentType(ContentType.JSON).body(negative).when().post("/api/v1/conventions").then().statusCode(400)
                .body("errors[0].field", equalTo("beneficiaries[0].maximumAmount"));
        b.put("maximumAmount", 0);
        given().contentType(ContentType.JSON).body(negative).when().post("/api/v1/conventions").then().statusCode(400);
        Map<String, Object> maximumWhereNone = ownAccount("RESAH-2020-027-LOT1-SECURITE", dep, "2023-01-01", "2024-08-27");
        Map<String, Object> m = beneficiary(dep, "2023-01-01");
        m.put("maximumAmount", 1000);
        maximumWhereNone.put("beneficiaries", List.of(m));
        given().contentType(ContentType.JSON).body(maximumWhereNone).when().post("/api/v1/conventions").then().statusCode(422)
                .body("code", equalTo("MAXIMUM_NOT_APPLICABLE"));
        Map<String, Object> badMode = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-01-14");
        badMode.put("mode", "FRIENDS");
        given().contentType(ContentType.JSON).body(badMode).when().post("/api/v1/conventions").then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        Map<String, Object> noBeneficiaries = new HashMap<>(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-01-14"));
        noBeneficiaries.put("beneficiaries", List.of());
        given().contentType(ContentType.JSON).body(noBeneficiaries).when().post("/api/v1/conventions").then().statusCode(400)
                .body("errors[0].field", equalTo("beneficiaries"));
        given().contentType(ContentType.JSON).body("{\"offer\": ").when().post("/api/v1/conventions").then().statusCode(400)
                .contentType(PROBLEM);
        Map<String, Object> wrongGroup = ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-01-14");
        wrongGroup.put("mode", "PURCHASING_GROUP");
        given().contentType(ContentType.JSON).body(wrongGroup).when().post("/api/v1/conventions").then().statusCode(422)
                .body("code", equalTo("MODE_MISMATCH"));
        assertEquals(before, count());
    }

    @Test
    void sharesAddUpToTheAnnualAmount() {
        UUID signatory = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        UUID other = organisation("SDIS du Pas-de-Calais", "SDIS", null, null);
        Map<String, Object> body = group("RESAH-2021-008-LOT3", signatory, List.of(signatory, other), "2024-01-15", "2025-06-30");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> beneficiaries = (List<Map<String, Object>>) body.get("beneficiaries");
        beneficiaries.get(0).put("share", 1000);
        beneficiaries.get(1).put("share", 400);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions").then().statusCode(422)
                .body("code", equalTo("SHARES_DO_NOT_ADD_UP"));
        beneficiaries.get(1).put("share", 500);
        String id = createAndSign(body, "2024-01-10");
        given().when().get("/api/v1/conventions/" + id + "/billing-schedule").then()
                .body("debtorId", equalTo(List.of(signatory.toString(), other.toString(), signatory.toString(), other.toString())))
                .body("amount", equalTo(List.of(1000.00f, 500.00f, 460.83f, 230.42f)));
    }

    @Test
    void listingAndFeed() {
        UUID dep = resahMember("Département du Nord", "DEPARTEMENT");
        String id = createAndSign(ownAccount("RESAH-2021-008-LOT3", dep, "2024-01-15", "2025-06-30"), "2024-01-10");
        given().queryParam("organisationId", dep).when().get("/api/v1/conventions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().queryParam("organisationId", dep).queryParam("status", "ENDED").when().get("/api/v1/conventions").then()
                .body("total", equalTo(1));
        given().queryParam("organisationId", dep).queryParam("offer", "CAIH-SO360").when().get("/api/v1/conventions").then()
                .body("total", equalTo(0));
        given().queryParam("status", "SLEEPING").when().get("/api/v1/conventions").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().when().get("/api/v1/conventions/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/conventions/nope/billing-schedule").then().statusCode(404);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("through", "2025-01-02").queryParam("size", 1);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.when().get("/api/v1/conventions/billable-items").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            for (Map<String, Object> item : items) {
                String key = item.get("sourceId") + "#" + item.get("sequence");
                assertTrue(!seen.contains(key), "served twice: " + key);
                seen.add(key);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 500);
        assertTrue(seen.contains(id + "#1") && seen.contains(id + "#2"), seen.toString());
        given().when().get("/api/v1/conventions/billable-items").then().statusCode(400).body("errors[0].field", equalTo("through"));
    }

    @Test
    void theSameIdempotencyKeyCreatesOneConvention() {
        UUID dep = resahMember("Département de la Somme", "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-008-LOT2", dep, "2024-01-15", "2025-06-30");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/conventions").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/conventions").then().statusCode(201).body("id", equalTo(first));
        given().queryParam("organisationId", dep).when().get("/api/v1/conventions").then().body("total", equalTo(1))
                .body("items.id", hasItem(first)).body("items[0].lapsedOn", nullValue());
    }
}
