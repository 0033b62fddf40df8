package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.item;
import static fr.centrale.billing.rest.Ledger.run;
import static fr.centrale.common.billing.BillableItem.SourceType.CONVENTION;
import static fr.centrale.common.billing.BillableItem.SourceType.MEMBERSHIP;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Billing runs issue every billable item that has fallen due, exactly once, with gap-free numbers. */
@QuarkusTest
class BillingRunTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    EntityManager em;

    @BeforeEach
    void freshSources() {
        SourceServicesStub.reset();
        breakers.resetAll();
    }

    /** docs/rules.md, worked example 3, through billing runs: 2 500,00 € on 15/01/2024, 1 152,08 € at the Q1 2025 run. */
    @Test
    void workedExample3_comesOutOfTheRuns() {
        String resah = issuer(30, "Tribunal administratif de Paris");
        UUID dep = debtor("Département du Pas-de-Calais");
        UUID convention = UUID.randomUUID();
        SourceServicesStub.stubConventionFeed(List.of(
                item(CONVENTION, convention, 1, resah, dep, "Contribution RESAH 2021-008 lot 3 — année d'exécution 1",
                        "2024-01-15", "2025-01-14", "2024-01-15", "12.00", "2500.00", "2500.00", 30),
                item(CONVENTION, convention, 2, resah, dep, "Contribution RESAH 2021-008 lot 3 — année d'exécution 2",
                        "2025-01-15", "2025-06-30", "2025-01-02", "5.53", "2500.00", "1152.08", 30)));

        run("2024-01-14").statusCode(201).body("issuedCount", equalTo(0)).body("status", equalTo("COMPLETED"));
        run("2024-01-15").statusCode(201).body("issuedCount", equalTo(1)).body("alreadyIssuedCount", equalTo(0));
        given().queryParam("debtorId", dep).when().get("/api/v1/titres").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].number", equalTo(resah + "-2024-000001"))
                .body("items[0].issuedOn", equalTo("2024-01-15"))
                .body("items[0].dueOn", equalTo("2024-02-14"))
                .body("items[0].total", equalTo(2500.00f))
                .body("items[0].debtor.name", equalTo("Département du Pas-de-Calais"))
                .body("items[0].debtor.chorusLegalCommitment", equalTo("2300004512"));
        run("2024-01-15").statusCode(201).body("issuedCount", equalTo(0)).body("alreadyIssuedCount", equalTo(1));

        String json = run("2025-01-02").statusCode(201).body("issuedCount", equalTo(1)).body("alreadyIssuedCount", equalTo(1))
                .extract().asString();
        assertTrue(json.contains("\"status\":\"COMPLETED\""), json);
        String second = given().queryParam("debtorId", dep).queryParam("year", 2025).when().get("/api/v1/titres").then()
                .body("total", equalTo(1))
                .body("items[0].number", equalTo(resah + "-2025-000001"))
                .body("items[0].fiscalYear", equalTo(2025))
                .body("items[0].dueOn", equalTo("2025-02-01"))
                .body("items[0].lines[0].months", equalTo(5.53f))
                .body("items[0].lines[0].annualAmount", equalTo(2500.00f))
                .body("items[0].lines[0].periodStart", equalTo("2025-01-15"))
                .body("items[0].lines[0].basis", equalTo("Grille : Département"))
                .body("items[0].status", equalTo("ISSUED"))
                .extract().asString();
        assertTrue(second.contains("\"total\":1152.08"), second);
    }

    /** docs/rules.md, worked example 6: CAIH, 1 500,00 € HT on 15/12/2022 due 03/02/2023, and at the Q1 2023 run. */
    @Test
    void workedExample6_caihPaymentTermOf50Days() {
        String caih = issuer(50, "Tribunal administratif de Lyon");
        UUID dep = debtor("Département du Pas-de-Calais");
        UUID convention = UUID.randomUUID();
        SourceServicesStub.stubConventionFeed(List.of(
                item(CONVENTION, convention, 1, caih, dep, "Cotisation CAIH SO360 2022", "2022-12-15", "2022-12-31", "2022-12-15",
                        null, "1500.00", "1500.00", 50),
                item(CONVENTION, convention, 2, caih, dep, "Cotisation CAIH SO360 2023", "2023-01-01", "2023-07-16", "2023-01-02",
                        null, "1500.00", "1500.00", 50)));
        run("2022-12-15").statusCode(201).body("issuedCount", equalTo(1));
        given().queryParam("issuer", caih).when().get("/api/v1/titres").then()
                .body("items[0].number", equalTo(caih + "-2022-000001"))
                .body("items[0].dueOn", equalTo("2023-02-03"))
                .body("items[0].total", equalTo(1500.00f));
        run("2023-01-02").statusCode(201).body("issuedCount", equalTo(1));
        given().queryParam("issuer", caih).queryParam("year", 2023).when().get("/api/v1/titres").then()
                .body("items[0].number", equalTo(caih + "-2023-000001")).body("items[0].total", equalTo(1500.00f));
    }

    /** docs/rules.md, worked example 1: a bulletin of 11/12/2023 owes 600,00 € at the Q1 2024 run and nothing before. */
    @Test
    void workedExample1_membershipFeeAtTheQ1Run() {
        String resah = issuer(30, "Tribunal administratif de Paris");
        UUID dep = debtor("Département du Pas-de-Calais");
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, resah, dep,
                "Cotisation d'adhésion RESAH 2024", "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30)));
        run("2023-12-31").statusCode(201).body("issuedCount", equalTo(0));
        run("2024-01-02").statusCode(201).body("issuedCount", equalTo(1));
        given().queryParam("debtorId", dep).when().get("/api/v1/titres").then()
                .body("items[0].total", equalTo(600.00f)).body("items[0].object", equalTo("Cotisation d'adhésion RESAH 2024"))
                .body("items[0].lines[0].sourceType", equalTo("MEMBERSHIP"));
    }

    @Test
    void aDryRunAnswersWhatWouldBeIssuedAndWritesNothing() {
        String body = issuer(30, null);
        UUID dep = debtor("Commune de Liévin");
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, body, dep, "Cotisation 2024",
                "2024-01-01", "2024-12-31", "2024-01-02", null, "250.00", "250.00", 30)));
        int runs = given().when().get("/api/v1/billing-runs").then().extract().path("total");
        given().contentType(ContentType.JSON).body(Map.of("asOf", "2024-06-30", "dryRun", true))
                .when().post("/api/v1/billing-runs").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("wouldIssue", hasSize(1)).body("wouldIssue[0].amount", equalTo(250.00f));
        given().queryParam("debtorId", dep).when().get("/api/v1/titres").then().body("total", equalTo(0));
        given().when().get("/api/v1/billing-runs").then().body("total", equalTo(runs));
    }

    @Test
    void twoRunsAtOnceIssueEachTitreOnceWithoutGaps() {
        String body = issuer(30, null);
        List<BillableItem> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(item(MEMBERSHIP, UUID.randomUUID(), 1, body, debtor("Organisation " + i), "Cotisation 2024",
                    "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        }
        SourceServicesStub.stubMembershipFeed(items);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> run("2024-01-02").statusCode(201).extract().path("issuedCount"));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> run("2024-01-02").statusCode(201).extract().path("issuedCount"));
        assertEquals(60, a.join() + b.join(), "each item issued by exactly one of the two runs");
        List<String> numbers = given().queryParam("issuer", body).queryParam("size", 500).when().get("/api/v1/titres").then()
                .body("total", equalTo(60)).extract().path("items.number");
        List<String> expected = IntStream.rangeClosed(1, 60).mapToObj(n -> String.format("%s-2024-%06d", body, n)).toList();
        assertEquals(expected, numbers.stream().sorted().toList(), "numbers 1 to 60, no gap, no double");
        run("2024-01-02").statusCode(201).body("issuedCount", equalTo(0)).body("alreadyIssuedCount", equalTo(60));
    }

    @Test
    void aSourceDownMidRunIsPartialAndTheNextRunCompletesIt() {
        String body = issuer(30, null);
        UUID dep = debtor("CA de Béthune-Bruay");
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, body, dep, "Cotisation 2024",
                "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30)));
        SourceServicesStub.stubConventionFeedDown();
        run("2024-06-30").statusCode(201).body("status", equalTo("PARTIAL")).body("issuedCount", equalTo(1))
                .body("message", containsString("convention-service"));
        breakers.resetAll();
        UUID convention = UUID.randomUUID();
        SourceServicesStub.stubConventionFeed(List.of(item(CONVENTION, convention, 1, body, dep, "Contribution 2024",
                "2024-03-01", "2025-02-28", "2024-03-01", null, "1000.00", "1000.00", 30)));
        String id = run("2024-06-30").statusCode(201).body("status", equalTo("COMPLETED")).body("issuedCount", equalTo(1))
                .body("alreadyIssuedCount", equalTo(1)).extract().path("id");
        given().when().get("/api/v1/billing-runs/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().queryParam("debtorId", dep).when().get("/api/v1/titres").then().body("total", equalTo(2));
        given().when().get("/api/v1/billing-runs/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void bothSourcesDownIsAFailedRunThatWritesNoTitre() {
        SourceServicesStub.stubMembershipFeedDown();
        SourceServicesStub.stubConventionFeedDown();
        run("2024-06-30").statusCode(201).body("status", equalTo("FAILED")).body("issuedCount", equalTo(0));
    }

    @Test
    void aTitreFreezesItsDebtorAndIsNeverChanged() {
        String body = issuer(30, null);
        UUID dep = debtor("Département du Pas-de-Calais");
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, body, dep, "Cotisation 2024",
                "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30)));
        run("2024-01-02").statusCode(201).body("issuedCount", equalTo(1));
        SourceServicesStub.stubOrganisation(dep, "Nouveau nom", "22620001200012", "Ailleurs", "59000", "Lille", null, null);
        String id = given().queryParam("debtorId", dep).when().get("/api/v1/titres").then()
                .body("items[0].debtor.name", equalTo("Département du Pas-de-Calais"))
                .body("items[0].debtor.city", equalTo("Arras cedex")).extract().path("items[0].id");
        UUID titre = UUID.fromString(id);
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE titre SET total = 1 WHERE id = ?1").setParameter(1, titre).executeUpdate()));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM titre_line WHERE titre_id = ?1").setParameter(1, titre).executeUpdate()));
        given().when().get("/api/v1/titres/" + id).then().body("total", equalTo(600.00f));
        given().when().delete("/api/v1/titres/" + id).then().statusCode(405).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/titres/" + id).then().statusCode(405);
    }

    @Test
    void badRunRequests() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2024-02-30\"}").when().post("/api/v1/billing-runs").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().contentType(ContentType.JSON).body("{\"dryRun\": \"perhaps\"}").when().post("/api/v1/billing-runs").then()
                .statusCode(400);
        given().queryParam("size", 0).when().get("/api/v1/billing-runs").then().statusCode(400);
    }
}
