package fr.centrale.membership.service;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression guard: the number of SQL statements the organisation and purchasing-body reads issue, counted with
 * Hibernate's statistics (switched on at run time for this class only, so that no other test pays for them).
 * Reads are read-only (never flushed: no flush-time cascade to the contacts nor dirty checking at commit); an
 * organisation is read with its contacts in one statement (it took two), and a page of organisations reads the
 * contacts of the page in one more (batched: quarkus.hibernate-orm.fetch.batch-size, 16 by default). A number that grows is a performance regression: fix the
 * fetching rather than the number.
 */
@QuarkusTest
class MembershipReadsTest {

    @Inject
    SessionFactory sessionFactory;

    private static String tag;
    private static final List<String> organisations = new ArrayList<>();

    @BeforeEach
    void data() {
        if (tag != null) {
            return;
        }
        String t = "Reads" + UUID.randomUUID().toString().substring(0, 8);
        for (int n = 0; n < 3; n++) {
            List<Map<String, Object>> contacts = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                contacts.add(Map.of("name", "Contact " + c + " of " + n, "role", "DSI", "email", "contact" + c + "@example.fr",
                        "phone", "03 21 21 62 6" + c));
            }
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("name", t + " organisation " + n, "siret", siret(), "category", "DEPARTEMENT",
                            "address", Map.of("street", "1 rue de la Paix", "postalCode", "62000", "city", "Arras"),
                            "contacts", contacts))
                    .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
            organisations.add(id);
        }
        tag = t;
    }

    @BeforeEach
    void countFromZero() {
        statistics().setStatisticsEnabled(true);
        statistics().clear();
    }

    @AfterEach
    void stopCounting() {
        statistics().setStatisticsEnabled(false);
    }

    private Statistics statistics() {
        return sessionFactory.getStatistics();
    }

    /** The statements the request issued; the request's transaction has ended when its answer arrives. */
    private long statementsOf(Runnable request) {
        statistics().clear();
        request.run();
        return statistics().getPrepareStatementCount();
    }

    @Test
    void oneOrganisation() {
        for (String id : organisations) {
            long statements = statementsOf(() -> given().when().get("/api/v1/organisations/{id}", id).then().statusCode(200)
                    .body("contacts.size()", equalTo(2)));
            assertEquals(1, statements, "statements for GET /api/v1/organisations/{id}: the organisation with its contacts");
        }
    }

    @Test
    void pageOfOrganisations() {
        long statements = statementsOf(() -> given().queryParam("q", tag).when().get("/api/v1/organisations").then()
                .statusCode(200).body("total", equalTo(3)));
        assertEquals(3, statements, "statements for GET /api/v1/organisations?q= (3 organisations): the page, the "
                + "page's contacts, the count");
    }

    @Test
    void purchasingBodies() {
        long statements = statementsOf(() -> given().when().get("/api/v1/purchasing-bodies").then().statusCode(200));
        assertEquals(2, statements, "statements for GET /api/v1/purchasing-bodies: the page, the count");
        statements = statementsOf(() -> given().when().get("/api/v1/purchasing-bodies/{code}", "RESAH").then().statusCode(200));
        assertEquals(1, statements, "statements for GET /api/v1/purchasing-bodies/{code}");
    }

    /** A random SIRET that passes the Luhn check on its SIREN and on all 14 digits. */
    private static String siret() {
        String siren = withLuhnDigit(String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)));
        return withLuhnDigit(siren + String.format("%04d", ThreadLocalRandom.current().nextInt(0, 9999)));
    }

    private static String withLuhnDigit(String digits) {
        for (int d = 0; d <= 9; d++) {
            String candidate = digits + d;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int x = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    x = x * 2 > 9 ? x * 2 - 9 : x * 2;
                }
                sum += x;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }
}
