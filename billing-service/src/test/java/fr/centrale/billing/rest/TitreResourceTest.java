package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.item;
import static fr.centrale.billing.rest.Ledger.run;
import static fr.centrale.common.billing.BillableItem.SourceType.CONVENTION;
import static fr.centrale.common.billing.BillableItem.SourceType.MEMBERSHIP;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After issue: payments, corrections, listings, the feed, the export, the printable titre, forecasts. */
@QuarkusTest
class TitreResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshSources() {
        SourceServicesStub.reset();
        breakers.resetAll();
    }

    /** Issues one 600,00 € membership titre on 02/01/2024 and answers its id. */
    private static String titre(String issuer, UUID debtor) {
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, issuer, debtor, "Cotisation d'adhésion 2024",
                "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30)));
        run("2024-01-02").statusCode(201).body("issuedCount", equalTo(1));
        return given().queryParam("debtorId", debtor).when().get("/api/v1/titres").then().extract().path("items[0].id");
    }

    private static void pay(String id, Object amount, int status) {
        given().contentType(ContentType.JSON).body(Map.of("amount", amount, "paidOn", "2024-01-20", "reference", "VIR-" + amount))
                .when().post("/api/v1/titres/" + id + "/payments").then().statusCode(status);
    }

    @Test
    void partialThenFullPayment_overpaymentRefused() {
        String id = titre(issuer(30, null), debtor("Département du Pas-de-Calais"));
        given().when().get("/api/v1/titres/" + id).then().body("status", equalTo("ISSUED")).body("overdue", equalTo(true))
                .body("remainingAmount", equalTo(600.00f));
        pay(id, 200, 201);
        given().when().get("/api/v1/titres/" + id).then().body("status", equalTo("PARTIALLY_PAID"))
                .body("paidAmount", equalTo(200.00f)).body("remainingAmount", equalTo(400.00f)).body("payments", hasSize(1));
        given().contentType(ContentType.JSON).body(Map.of("amount", 400.01, "paidOn", "2024-01-21", "reference", "VIR-X"))
                .when().post("/api/v1/titres/" + id + "/payments").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("OVERPAYMENT")).body("errors[0].field", equalTo("amount"));
        pay(id, 400, 201);
        given().when().get("/api/v1/titres/" + id).then().body("status", equalTo("PAID")).body("overdue", equalTo(false))
                .body("remainingAmount", equalTo(0.00f));
        pay(id, 1, 422);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Erreur")).when().post("/api/v1/titres/" + id + "/cancellation")
                .then().statusCode(409).body("code", equalTo("NOTHING_TO_CANCEL"));
        String issuer = given().when().get("/api/v1/titres/" + id).then().extract().path("issuer");
        given().queryParam("status", "PAID").queryParam("issuer", issuer).when().get("/api/v1/titres").then().body("total", equalTo(1));
    }

    @Test
    void aCancellationIsANewTitreWithItsOwnNumber() {
        // Corrected within its fiscal year (2024): a titre d'annulation or de réduction, not a mandat 673 (docs/rules.md, R-7).
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2024-06-03T08:00:00Z"), ZoneId.of("Europe/Paris")), Clock.class);
        String body = issuer(30, "Tribunal administratif de Paris");
        String id = titre(body, debtor("EHPAD Les Tilleuls"));
        String reduction = given().contentType(ContentType.JSON).body(Map.of("reason", "Établissement médico-social : 300 €", "amount", 300))
                .when().post("/api/v1/titres/" + id + "/cancellation").then().statusCode(201)
                .body("kind", equalTo("REDUCTION")).body("cancels", equalTo(id)).body("total", equalTo(300.00f))
                .body("number", containsString(body + "-")).extract().path("id");
        given().when().get("/api/v1/titres/" + id).then().body("status", equalTo("ISSUED"))
                .body("cancelledAmount", equalTo(300.00f)).body("remainingAmount", equalTo(300.00f))
                .body("correctedBy", hasItem(reduction)).body("total", equalTo(600.00f));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Plus de 300", "amount", 300.01))
                .when().post("/api/v1/titres/" + id + "/cancellation").then().statusCode(422).body("code", equalTo("CANCELLATION_EXCEEDS_UNPAID"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Adhésion résiliée"))
                .when().post("/api/v1/titres/" + id + "/cancellation").then().statusCode(201)
                .body("kind", equalTo("CANCELLATION")).body("total", equalTo(300.00f));
        given().when().get("/api/v1/titres/" + id).then().body("status", equalTo("CANCELLED")).body("overdue", equalTo(false));
        pay(id, 10, 409);
        List<String> numbers = given().queryParam("issuer", body).when().get("/api/v1/titres").then().body("total", equalTo(3))
                .extract().path("items.number");
        assertTrue(numbers.stream().allMatch(n -> n.startsWith(body + "-")), numbers.toString());
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post("/api/v1/titres/" + reduction + "/cancellation")
                .then().statusCode(422).body("code", equalTo("NOT_CANCELLABLE"));
    }

    @Test
    void badInputsAfterIssue() {
        String id = titre(issuer(30, null), debtor("Commune de Lens"));
        given().contentType(ContentType.JSON).body(Map.of("amount", -5, "paidOn", "2024-01-20", "reference", "X"))
                .when().post("/api/v1/titres/" + id + "/payments").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).body(Map.of("amount", 5, "paidOn", "2023-12-31", "reference", "X"))
                .when().post("/api/v1/titres/" + id + "/payments").then().statusCode(422).body("code", equalTo("PAYMENT_BEFORE_ISSUE"));
        given().contentType(ContentType.JSON).body(Map.of("amount", 5, "paidOn", "2024-01-20"))
                .when().post("/api/v1/titres/" + id + "/payments").then().statusCode(400).body("errors[0].field", equalTo("reference"));
        given().contentType(ContentType.JSON).body("{\"amount\": ").when().post("/api/v1/titres/" + id + "/payments").then()
                .statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("amount", 50)).when().post("/api/v1/titres/" + id + "/cancellation")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("amount", 5, "paidOn", "2024-01-20", "reference", "X"))
                .when().post("/api/v1/titres/" + UUID.randomUUID() + "/payments").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/titres/not-an-id").then().statusCode(404);
        given().queryParam("status", "LOST").when().get("/api/v1/titres").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("year", "deux").when().get("/api/v1/titres").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().when().get("/api/v1/titres/" + id).then().body("payments", hasSize(0)).body("paidAmount", equalTo(0.00f));
    }

    @Test
    void theFeedGivesEveryChangeOnceInOrder() {
        int start = given().queryParam("after", 0).queryParam("limit", 500).when().get("/api/v1/titres/events").then()
                .statusCode(200).extract().path("lastPosition");
        while (true) {
            var page = given().queryParam("after", start).queryParam("limit", 500).when().get("/api/v1/titres/events").then().extract();
            start = page.path("lastPosition");
            if (!(Boolean) page.path("more")) {
                break;
            }
        }
        String id = titre(issuer(30, null), debtor("SDIS du Nord"));
        pay(id, 100, 201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Remise", "amount", 50))
                .when().post("/api/v1/titres/" + id + "/cancellation").then().statusCode(201);
        var events = given().queryParam("after", start).when().get("/api/v1/titres/events").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items.type", equalTo(List.of("ISSUED", "PAYMENT", "ISSUED", "REDUCTION")))
                .body("items[1].titre.paidAmount", equalTo(100.00f))
                .extract();
        List<Integer> positions = events.path("items.position");
        assertEquals(List.of(start + 1, start + 2, start + 3, start + 4), positions);
        given().queryParam("after", (int) events.path("lastPosition")).when().get("/api/v1/titres/events").then()
                .body("items", hasSize(0));
        given().queryParam("after", -1).when().get("/api/v1/titres/events").then().statusCode(400);
    }

    @Test
    void theExportOpensInFrenchExcel() {
        String body = issuer(30, null);
        titre(body, debtor("Département du Pas-de-Calais"));
        byte[] csv = given().queryParam("issuer", body).queryParam("year", 2024).when().get("/api/v1/titres/export").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
        String text = new String(csv, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(2, lines.length, text);
        assertTrue(lines[0].contains("Numéro;Exercice;Émetteur"), lines[0]);
        assertTrue(lines[1].startsWith(body + "-2024-000001;2024;" + body + ";ORIGINAL;02/01/2024;01/02/2024;Département du Pas-de-Calais;"), lines[1]);
        assertTrue(lines[1].contains(";600,00;0,00;0,00;600,00;ISSUED;oui;"), lines[1]);
    }

    @Test
    void thePrintableTitreIsAPdf() {
        String id = titre(issuer(30, "Tribunal administratif de Lille"), debtor("Commune de Liévin"));
        byte[] pdf = given().accept("application/pdf").when().get("/api/v1/titres/" + id).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString(".pdf")).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        given().accept("application/json").when().get("/api/v1/titres/" + id).then().statusCode(200).body("id", equalTo(id));
        given().accept("application/pdf").when().get("/api/v1/titres/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aForecastAddsWhatIsIssuedAndWhatWillBe() {
        String resah = issuer(30, null);
        String caih = issuer(50, null);
        UUID dep = debtor("Département du Pas-de-Calais");
        UUID membership = UUID.randomUUID();
        UUID convention = UUID.randomUUID();
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, membership, 1, resah, dep, "Cotisation 2025",
                "2025-01-01", "2025-12-31", "2025-01-02", null, "600.00", "600.00", 30)));
        SourceServicesStub.stubConventionFeed(List.of(item(CONVENTION, convention, 1, caih, dep, "Cotisation CAIH 2025",
                "2025-06-01", "2025-12-31", "2025-06-01", null, "1500.00", "1500.00", 50)));
        run("2025-01-02").statusCode(201).body("issuedCount", equalTo(1));
        given().queryParam("debtorId", dep).queryParam("year", 2025).when().get("/api/v1/forecasts").then().statusCode(200)
                .body("total", equalTo(2100.00f))
                .body("issued", equalTo(600.00f))
                .body("toIssue", equalTo(1500.00f))
                .body("lines", hasSize(2))
                .body("lines[0].issued", equalTo(true)).body("lines[0].titreNumber", notNullValue())
                .body("lines[1].issued", equalTo(false)).body("lines[1].issueOn", equalTo("2025-06-01"))
                .body("byIssuer.find { it.issuer == '" + caih + "' }.toIssue", equalTo(1500.00f));
        given().queryParam("year", 2025).when().get("/api/v1/forecasts").then().statusCode(400)
                .body("errors[0].field", equalTo("debtorId"));
        given().queryParam("debtorId", dep).queryParam("year", 1900).when().get("/api/v1/forecasts").then().statusCode(400);
    }
}
