package fr.centrale.billing.service;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression guard: the number of SQL statements the titre reads issue, counted with Hibernate's statistics
 * (switched on at run time for this class only, so that no other test pays for them). A debtor with four titres, one
 * partly paid, one reduced and one cancelled (six titres with the two corrections), listed in one page, exported,
 * read one by one, and the events feed. Each costs a fixed number of statements whatever the number of titres,
 * payments or corrections: reads are read-only (never flushed) and the corrections are read as (id, total), not as
 * titres whose lines would be read one titre at a time. Before: a titre cost 4 statements, 5 with a correction;
 * the feed 1 + 4 or 5 per event (34 here). A number that grows is a performance regression: fix the fetching rather
 * than the number.
 */
@QuarkusTest
class TitreReadsTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    CircuitBreakerMaintenance breakers;

    private static UUID debtor;
    private static final List<String> titres = new ArrayList<>();

    @BeforeEach
    void data() {
        if (debtor != null) {
            return;
        }
        SourceServicesStub.reset();
        breakers.resetAll();
        StringBuilder code = new StringBuilder("R");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        String issuer = code.toString();
        SourceServicesStub.stubPurchasingBody(issuer, "Centrale " + issuer, 30, null);
        UUID d = UUID.randomUUID();
        SourceServicesStub.stubOrganisation(d, "Département du Pas-de-Calais", "22620001200012",
                "Hôtel du Département, rue Ferdinand Buisson", "62018", "Arras cedex", "2300004512", "DSI");
        List<BillableItem> items = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            items.add(new BillableItem(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(), 1, BillableItem.Kind.MEMBERSHIP_FEE,
                    issuer, d, "Cotisation d'adhésion 2024 n° " + n, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"),
                    LocalDate.parse("2024-01-02"), null, new BigDecimal("600.00"), new BigDecimal("600.00"), 30, "Grille : Département"));
        }
        SourceServicesStub.stubMembershipFeed(items);
        given().contentType(ContentType.JSON).body(Map.of("asOf", "2024-01-02")).when().post("/api/v1/billing-runs")
                .then().statusCode(201).body("issuedCount", equalTo(4));
        List<String> ids = given().queryParam("debtorId", d).when().get("/api/v1/titres").then().statusCode(200)
                .extract().path("items.id");
        given().contentType(ContentType.JSON).body(Map.of("amount", 200, "paidOn", "2024-01-20", "reference", "VIR-200"))
                .when().post("/api/v1/titres/{id}/payments", ids.get(0)).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Réduction", "amount", 100))
                .when().post("/api/v1/titres/{id}/cancellation", ids.get(1)).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Adhésion résiliée"))
                .when().post("/api/v1/titres/{id}/cancellation", ids.get(2)).then().statusCode(201);
        titres.addAll(ids);
        debtor = d;
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
    void titresOfADebtor() {
        long statements = statementsOf(() -> given().queryParam("debtorId", debtor).when().get("/api/v1/titres")
                .then().statusCode(200).body("total", equalTo(6)));
        assertEquals(5, statements, "statements for GET /api/v1/titres?debtorId= (6 titres): the page's ids, the titres "
                + "with their lines, their payments, their corrections, the count");
    }

    @Test
    void oneTitre() {
        for (String id : titres) {
            long statements = statementsOf(() -> given().when().get("/api/v1/titres/{id}", id).then().statusCode(200));
            assertEquals(3, statements, "statements for GET /api/v1/titres/{id}: the titre with its lines, its payments, "
                    + "its corrections");
        }
    }

    @Test
    void export() {
        long statements = statementsOf(() -> given().queryParam("debtorId", debtor).when().get("/api/v1/titres/export")
                .then().statusCode(200));
        assertEquals(4, statements, "statements for GET /api/v1/titres/export?debtorId= (6 titres)");
    }

    @Test
    void events() {
        long statements = statementsOf(() -> given().queryParam("limit", 50).when().get("/api/v1/titres/events")
                .then().statusCode(200));
        assertEquals(4, statements, "statements for GET /api/v1/titres/events?limit=50: the events, then their titres "
                + "with their lines, their payments, their corrections");
    }
}
