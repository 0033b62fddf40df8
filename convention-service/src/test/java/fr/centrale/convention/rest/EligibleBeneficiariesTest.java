package fr.centrale.convention.rest;

import fr.centrale.convention.testing.MembershipServiceStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.convention.rest.ConventionFixtures.beneficiary;
import static fr.centrale.convention.rest.ConventionFixtures.count;
import static fr.centrale.convention.rest.ConventionFixtures.create;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/rules.md, R-12: offers open only to listed potential beneficiaries (2021-045 lots 2 and 4, 2021-047-001,
 * 2021-063-002), or to RESAH members and listed former beneficiaries of market 2016-042 (2020-027).
 */
@QuarkusTest
class EligibleBeneficiariesTest {

    private static final String PROBLEM = "application/problem+json";
    /** An offer no other test signs conventions under, so that its list changes nothing elsewhere. */
    private static final String LISTED = "RESAH-2021-045-LOT4";
    private static final String MEMBER_OR_LISTED = "RESAH-2020-027-LOT1-HEBERGEMENT";
    private static final String LIST = "/api/v1/offers/{id}/eligible-beneficiaries";

    @AfterEach
    void emptyTheLists() {
        for (String offer : List.of(LISTED, MEMBER_OR_LISTED)) {
            List<String> sirets = given().when().get(LIST, offer).then().statusCode(200).extract().path("siret");
            sirets.forEach(s -> given().when().delete(LIST + "/{siret}", offer, s).then().statusCode(204));
        }
    }

    private static String siret() {
        return String.format("%014d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000_000_000L));
    }

    private static UUID organisation(String name, String category, Integer population, String siret) {
        UUID id = UUID.randomUUID();
        MembershipServiceStub.stubOrganisation(id, name, category, population, null, "62", siret);
        return id;
    }

    @Test
    void theListIsManagedThroughTheApi() {
        given().when().get("/api/v1/offers/" + LISTED).then().body("eligibilityList", equalTo("LISTED"));
        given().when().get("/api/v1/offers/" + MEMBER_OR_LISTED).then().body("eligibilityList", equalTo("MEMBER_OR_LISTED"));
        String siret = siret();
        given().contentType(ContentType.JSON).body(Map.of("siret", siret, "name", "CA de Béthune-Bruay"))
                .when().post(LIST, LISTED).then().statusCode(201)
                .body("offer", equalTo(LISTED)).body("siret", equalTo(siret)).body("name", equalTo("CA de Béthune-Bruay"));
        given().when().get(LIST, LISTED).then().statusCode(200).body("siret", equalTo(List.of(siret)));
        given().when().get(LIST, LISTED.toLowerCase()).then().statusCode(200).body("$", hasSize(1));

        // Bad input: nothing written.
        given().contentType(ContentType.JSON).body(Map.of("siret", siret)).when().post(LIST, LISTED).then().statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("ELIGIBLE_BENEFICIARY_EXISTS"));
        given().contentType(ContentType.JSON).body(Map.of("siret", "1234")).when().post(LIST, LISTED).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("siret"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).when().post(LIST, LISTED).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("siret"));
        given().contentType(ContentType.JSON).body(Map.of("siret", siret())).when().post(LIST, "RESAH-2021-008-LOT3").then()
                .statusCode(422).contentType(PROBLEM).body("code", equalTo("OFFER_HAS_NO_ELIGIBILITY_LIST"));
        given().contentType(ContentType.JSON).body(Map.of("siret", siret())).when().post(LIST, "NOPE-NOPE").then()
                .statusCode(404).contentType(PROBLEM);
        given().when().get(LIST, "NOPE-NOPE").then().statusCode(404).contentType(PROBLEM);
        given().when().delete(LIST + "/{siret}", LISTED, "00000000000000").then().statusCode(404).contentType(PROBLEM);
        given().when().get(LIST, LISTED).then().body("$", hasSize(1));
        given().when().get(LIST, "RESAH-2021-008-LOT3").then().statusCode(200).body("$", hasSize(0));

        given().when().delete(LIST + "/{siret}", LISTED, siret).then().statusCode(204);
        given().when().get(LIST, LISTED).then().body("$", hasSize(0));
    }

    @Test
    void aListedOfferRefusesAnyoneElseAtCreationAndAtSignature() {
        String caSiret = siret();
        UUID ca = organisation("CA de Béthune-Bruay", "COMMUNAUTE_AGGLOMERATION", null, caSiret);
        MembershipServiceStub.stubMember(ca, "RESAH", "MEMBER", "2020-01-01");
        UUID commune = organisation("Commune de Bruay-la-Buissière", "COMMUNE", 21000, siret());
        given().contentType(ContentType.JSON).body(Map.of("siret", caSiret)).when().post(LIST, LISTED).then().statusCode(201);

        int before = count();
        Map<String, Object> mandate = new HashMap<>(Map.of("offer", LISTED, "signatoryId", ca, "mode", "MANDATE",
                "endsOn", "2025-02-15", "beneficiaries", List.of(beneficiary(ca, "2022-03-01"), beneficiary(commune, "2022-03-01"))));
        given().contentType(ContentType.JSON).body(mandate).when().post("/api/v1/conventions").then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("NOT_A_LISTED_BENEFICIARY"))
                .body("errors[0].field", equalTo("beneficiaries[1].organisationId"));
        assertEquals(before, count());

        // Listed: created (R-10, the sum of the rows: 500 + 300); delisted before the signature: refused then.
        String id = create(ownAccount(LISTED, ca, "2022-03-01", "2025-02-15"));
        given().contentType(ContentType.JSON).body(Map.of("siret", siret())).when().post(LIST, LISTED).then().statusCode(201);
        given().when().delete(LIST + "/{siret}", LISTED, caSiret).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2022-02-15"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("NOT_A_LISTED_BENEFICIARY")).body("errors[0].field", equalTo("signatoryId"));
        given().when().get("/api/v1/conventions/" + id).then().body("status", equalTo("DRAFT"));
        given().contentType(ContentType.JSON).body(Map.of("siret", caSiret)).when().post(LIST, LISTED).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2022-02-15"))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200).body("status", equalTo("ENDED"));
    }

    /** 2020-027: "for RESAH members and former beneficiaries of market 2016-042". */
    @Test
    void anOfferForMembersOrListedFormerBeneficiariesAcceptsEither() {
        String formerSiret = siret();
        UUID former = organisation("SDIS du Pas-de-Calais", "SDIS", null, formerSiret);
        MembershipServiceStub.stubNoMembership(former, "RESAH");
        UUID stranger = organisation("SDIS du Nord", "SDIS", null, siret());
        MembershipServiceStub.stubNoMembership(stranger, "RESAH");
        String strangers = create(ownAccount(MEMBER_OR_LISTED, stranger, "2023-01-01", "2024-08-27"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2022-12-20"))
                .when().post("/api/v1/conventions/" + strangers + "/signature").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("MEMBERSHIP_REQUIRED"));

        given().contentType(ContentType.JSON).body(Map.of("siret", formerSiret, "name", "Ancien bénéficiaire 2016-042"))
                .when().post(LIST, MEMBER_OR_LISTED).then().statusCode(201);
        String formers = create(ownAccount(MEMBER_OR_LISTED, former, "2023-01-01", "2024-08-27"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2022-12-20"))
                .when().post("/api/v1/conventions/" + formers + "/signature").then().statusCode(200);
        // A member needs no listing (worked example 4 signs as a member).
        UUID member = organisation("Département du Nord", "DEPARTEMENT", null, siret());
        MembershipServiceStub.stubMember(member, "RESAH", "MEMBER", "2020-01-01");
        String members = create(ownAccount(MEMBER_OR_LISTED, member, "2023-01-01", "2024-08-27"));
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2022-12-20"))
                .when().post("/api/v1/conventions/" + members + "/signature").then().statusCode(200);
    }
}
