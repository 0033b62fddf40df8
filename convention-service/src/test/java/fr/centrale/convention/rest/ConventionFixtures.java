package fr.centrale.convention.rest;

import fr.centrale.convention.testing.MembershipServiceStub;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Organisations stubbed in membership-service (WireMock), and conventions created through the API. */
final class ConventionFixtures {

    private ConventionFixtures() {
    }

    static UUID organisation(String name, String category, Integer population, Integer headcount) {
        UUID id = UUID.randomUUID();
        MembershipServiceStub.stubOrganisation(id, name, category, population, headcount, "62");
        return id;
    }

    static UUID resahMember(String name, String category) {
        UUID id = organisation(name, category, null, null);
        MembershipServiceStub.stubMember(id, "RESAH", "MEMBER", "2020-01-01");
        return id;
    }

    static Map<String, Object> beneficiary(UUID organisationId, String startsOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("organisationId", organisationId);
        b.put("startsOn", startsOn);
        return b;
    }

    static Map<String, Object> ownAccount(String offer, UUID signatory, String startsOn, String endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("offer", offer);
        body.put("signatoryId", signatory);
        body.put("mode", "OWN_ACCOUNT");
        body.put("endsOn", endsOn);
        body.put("beneficiaries", List.of(beneficiary(signatory, startsOn)));
        return body;
    }

    static Map<String, Object> group(String offer, UUID signatory, List<UUID> members, String startsOn, String endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("offer", offer);
        body.put("signatoryId", signatory);
        body.put("mode", "PURCHASING_GROUP");
        body.put("endsOn", endsOn);
        List<Map<String, Object>> beneficiaries = new ArrayList<>();
        members.forEach(m -> beneficiaries.add(beneficiary(m, startsOn)));
        body.put("beneficiaries", beneficiaries);
        return body;
    }

    static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions")
                .then().statusCode(201).extract().path("id");
    }

    static String createAndSign(Map<String, Object> body, String signedOn) {
        String id = create(body);
        given().contentType(ContentType.JSON).body(Map.of("signedOn", signedOn))
                .when().post("/api/v1/conventions/" + id + "/signature").then().statusCode(200);
        return id;
    }

    static int count() {
        return given().queryParam("size", 1).when().get("/api/v1/conventions").then().statusCode(200).extract().path("total");
    }
}
