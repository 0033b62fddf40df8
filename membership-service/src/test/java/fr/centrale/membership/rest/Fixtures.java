package fr.centrale.membership.rest;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Builds valid test data through the API itself. */
final class Fixtures {

    private Fixtures() {
    }

    /** A random SIRET that passes the Luhn check on its SIREN and on all 14 digits. */
    static String randomSiret() {
        String siren = withLuhnDigit(String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)));
        String body = siren + String.format("%04d", ThreadLocalRandom.current().nextInt(0, 9999));
        return withLuhnDigit(body);
    }

    private static String withLuhnDigit(String digits) {
        for (int d = 0; d <= 9; d++) {
            String candidate = digits + d;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static Map<String, Object> organisation(String name, String category, String postalCode) {
        return Map.of("name", name, "siret", randomSiret(), "category", category,
                "population", 35000,
                "address", Map.of("street", "1 rue de la Paix", "postalCode", postalCode, "city", "Arras"));
    }

    static String createOrganisation(String name, String category, String postalCode) {
        return given().contentType(ContentType.JSON).body(organisation(name, category, postalCode))
                .when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
    }

    static String createMembership(String organisationId, String body, String receivedOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisationId, "purchasingBody", body, "bulletinReceivedOn", receivedOn))
                .when().post("/api/v1/memberships")
                .then().statusCode(201).extract().path("id");
    }

    static int count(String path) {
        return given().when().get(path).then().statusCode(200).extract().path("total");
    }
}
