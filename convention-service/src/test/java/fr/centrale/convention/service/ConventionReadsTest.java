package fr.centrale.convention.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.centrale.convention.api.ConventionView;
import fr.centrale.convention.testing.MembershipServiceStub;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The read endpoints of conventions load read-only (never flushed, nothing dirty-checked at commit), in few
 * statements (ConventionRepository.findForRead, the page's join fetch of the offer and batched collections), and
 * answer exactly what the loading of the write paths gives.
 * <ul>
 *     <li>Regression guard: the number of SQL statements each read issues, counted with Hibernate's statistics
 *     (switched on at run time for this class only, so that no other test pays for them). A GET of a convention
 *     with three beneficiaries and two amendments costs 2 statements (it cost 3, the first one joining the offer's
 *     eleven tariff rows), a page of three such conventions 4 (it cost 5), whatever the number of beneficiaries,
 *     amendments or conventions on the page (no N+1, no flush). A number that grows is a performance regression:
 *     fix the fetching rather than the number.</li>
 *     <li>The same answer: each body is compared, byte for byte, with the view of the convention loaded as the
 *     writes load it (by id, every association as mapped) in an ordinary transaction.</li>
 * </ul>
 */
@QuarkusTest
class ConventionReadsTest {

    private static final String CONVENTION = "/api/v1/conventions/{id}";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ConventionService service;

    @Inject
    ObjectMapper json;

    private static UUID holder;
    private static final List<String> conventions = new ArrayList<>();

    @BeforeEach
    void data() {
        if (holder != null) {
            return;
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        holder = member("Statements H " + tag);
        UUID a = member("Statements A " + tag);
        UUID b = member("Statements B " + tag);
        for (int n = 0; n < 3; n++) {
            Map<String, Object> body = new HashMap<>();
            body.put("offer", "RESAH-2021-008-LOT3");
            body.put("signatoryId", holder);
            body.put("mode", "PURCHASING_GROUP");
            body.put("endsOn", "2025-06-30");
            body.put("beneficiaries", List.of(holder, a, b).stream().map(o -> {
                Map<String, Object> line = new HashMap<>();
                line.put("organisationId", o);
                line.put("startsOn", "2024-01-15");
                line.put("share", 500);
                line.put("maximumAmount", 10000);
                return line;
            }).toList());
            String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions")
                    .then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                    .when().post(CONVENTION + "/signature", id).then().statusCode(200);
            for (UUID o : List.of(a, b)) {
                given().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01",
                                "signedOn", "2024-05-20", "organisationId", o, "maximumAmount", 12000))
                        .when().post(CONVENTION + "/amendments", id).then().statusCode(201);
            }
            given().contentType(ContentType.JSON).body(Map.of("organisationId", a, "amount", 10000, "orderedOn", "2024-07-01",
                            "reference", "BC-" + tag + "-" + n))
                    .when().post(CONVENTION + "/orders", id).then().statusCode(201);
            conventions.add(id);
        }
    }

    private static UUID member(String name) {
        UUID id = UUID.randomUUID();
        MembershipServiceStub.stubOrganisation(id, name, "DEPARTEMENT", null, null, "62");
        MembershipServiceStub.stubMember(id, "RESAH", "MEMBER", "2020-01-01");
        return id;
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
    void oneConvention() throws Exception {
        String id = conventions.get(0);
        String[] body = new String[1];
        long statements = statementsOf(() -> body[0] = given().when().get(CONVENTION, id).then().statusCode(200)
                .extract().asString());
        assertEquals(2, statements, "statements for GET /api/v1/conventions/{id}: the convention with its offer and "
                + "beneficiaries, then its amendments");
        assertEquals(json.writeValueAsString(asWritesLoadIt(id)), body[0]);
    }

    @Test
    void oneConventionSeenByTheHolder() {
        String id = conventions.get(0);
        long statements = statementsOf(() -> given().header("X-Centrale-User", "someone").header("X-Centrale-Roles", "adherent")
                .header("X-Centrale-Organisation", holder.toString()).when().get(CONVENTION, id).then().statusCode(200));
        assertEquals(2, statements, "statements for GET /api/v1/conventions/{id} by an adherent");
    }

    @Test
    void pageOfConventions() throws Exception {
        String[] body = new String[1];
        long statements = statementsOf(() -> body[0] = given().queryParam("organisationId", holder).when()
                .get("/api/v1/conventions").then().statusCode(200).extract().asString());
        assertEquals(4, statements, "statements for GET /api/v1/conventions?organisationId= (3 conventions): the page "
                + "with its offers, the page's beneficiaries, its amendments, the count");
        StringBuilder expected = new StringBuilder("{\"items\":[");
        for (int n = 0; n < conventions.size(); n++) {
            expected.append(n == 0 ? "" : ",").append(json.writeValueAsString(asWritesLoadIt(conventions.get(n))));
        }
        expected.append("],\"page\":0,\"size\":50,\"total\":3}");
        assertEquals(expected.toString(), body[0]);
    }

    @Test
    void subResources() {
        String id = conventions.get(0);
        Map<String, Integer> expected = Map.of("/amendments", 2, "/orders", 2, "/alerts", 1, "/billing-schedule", 2);
        for (var read : expected.entrySet()) {
            long statements = statementsOf(() -> given().when().get(CONVENTION + read.getKey(), id).then().statusCode(200));
            assertEquals((long) read.getValue(), statements, "statements for GET /api/v1/conventions/{id}" + read.getKey());
        }
    }

    @Test
    void offerWithItsGrid() {
        for (String offer : List.of("RESAH-2021-008-LOT3", "0ffe0000-0000-4000-8000-000000000005")) {
            long statements = statementsOf(() -> given().when().get("/api/v1/offers/{id}", offer).then().statusCode(200)
                    .body("tariffs.size()", equalTo(11)));
            assertEquals(1, statements, "statements for GET /api/v1/offers/" + offer + ": the offer with its grid");
        }
    }

    /** The view of the convention loaded as sign, terminate and the others load it, in a transaction of its own. */
    private ConventionView asWritesLoadIt(String id) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate(); // no identity headers: an internal caller, as the GETs above
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> service.view(service.require(UUID.fromString(id))));
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }
}
