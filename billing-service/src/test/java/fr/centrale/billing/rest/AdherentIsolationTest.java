package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.item;
import static fr.centrale.billing.rest.Ledger.run;
import static fr.centrale.common.billing.BillableItem.SourceType.MEMBERSHIP;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An adherent (roles {@code adherent}, organisation A, as the gateway forwards them) sees only A's
 * titres and forecast: another organisation's titre answers exactly as an unknown one, the ledger-wide
 * resources and every write are refused. Every GET of the API is checked, and a GET added to the API
 * without a check here fails {@link #everyGetOfTheApiIsCheckedHere()}.
 */
@QuarkusTest
class AdherentIsolationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PDF = "application/pdf";

    @Inject
    CircuitBreakerMaintenance breakers;

    private String issuer;
    private UUID a;
    private UUID b;
    private String titreOfA;
    private String titreOfB;
    private String runId;

    /**
     * One purchasing body, two debtors: A owes 600,00 € issued on 02/01/2024 and 300,00 € to issue on
     * 01/06/2024; B owes 900,00 € issued and 450,00 € to issue.
     */
    @BeforeEach
    void twoDebtorsWithATitreEach() {
        SourceServicesStub.reset();
        breakers.resetAll();
        issuer = issuer(30, null);
        a = debtor("Commune de Lens");
        b = debtor("Commune de Liévin");
        UUID ofA = UUID.randomUUID();
        UUID ofB = UUID.randomUUID();
        SourceServicesStub.stubMembershipFeed(List.of(
                item(MEMBERSHIP, ofA, 1, issuer, a, "Cotisation 2024", "2024-01-01", "2024-05-31", "2024-01-02", null, "600.00", "600.00", 30),
                item(MEMBERSHIP, ofA, 2, issuer, a, "Cotisation 2024 (suite)", "2024-06-01", "2024-12-31", "2024-06-01", null, "300.00", "300.00", 30),
                item(MEMBERSHIP, ofB, 1, issuer, b, "Cotisation 2024", "2024-01-01", "2024-05-31", "2024-01-02", null, "900.00", "900.00", 30),
                item(MEMBERSHIP, ofB, 2, issuer, b, "Cotisation 2024 (suite)", "2024-06-01", "2024-12-31", "2024-06-01", null, "450.00", "450.00", 30),
                // Below the threshold (docs/rules.md, R-2): waived, never issued.
                item(MEMBERSHIP, ofB, 3, issuer, b, "Régularisation 2024", "2024-01-01", "2024-12-31", "2024-01-02", null, "5.00", "5.00", 30)));
        runId = run("2024-01-02").statusCode(201).body("issuedCount", equalTo(2)).extract().path("id");
        titreOfA = given().queryParam("debtorId", a).when().get("/api/v1/titres").then().extract().path("items[0].id");
        titreOfB = given().queryParam("debtorId", b).when().get("/api/v1/titres").then().extract().path("items[0].id");
        lineOfA = budgetLine(a);
        lineOfB = budgetLine(b);
    }

    private String lineOfA;
    private String lineOfB;

    private static String budgetLine(UUID debtor) {
        return given().contentType(ContentType.JSON).body(Map.of("debtorId", debtor, "operationCode", "OP-" + UUID.randomUUID(),
                "imputation", "6281", "fiscalYear", 2024, "credits", 1000)).when().post("/api/v1/budget-lines").then().statusCode(201)
                .extract().path("id");
    }

    private static RequestSpecification as(String roles) {
        return given().header(IdentityFilter.USER, "someone@example.fr").header(IdentityFilter.ROLES, roles);
    }

    private static RequestSpecification adherentOf(Object organisation) {
        return as("adherent").header(IdentityFilter.ORGANISATION, organisation.toString());
    }

    // ---- every GET ----

    /** Each GET of the API (as OpenAPI names it) and what it shows an adherent of A. */
    private Map<String, Executable> everyGet() {
        Map<String, Executable> checks = new LinkedHashMap<>();
        checks.put("/api/v1/titres", this::theListHoldsOnlyOwnTitres);
        checks.put("/api/v1/titres/{id}", this::anotherOrganisationsTitreIsUnknown);
        checks.put("/api/v1/titres/export", this::theExportHoldsOnlyOwnRows);
        checks.put("/api/v1/titres/{id}/facturx", this::anotherOrganisationsFacturXIsUnknown);
        // A bordereau lists several debtors' titres (docs/rules.md, R-6): the issuer's staff's, none of an adherent's.
        checks.put("/api/v1/bordereaux", () -> forbidden("/api/v1/bordereaux"));
        checks.put("/api/v1/bordereaux/{id}", this::noBordereauIsAnAdherents);
        checks.put("/api/v1/bordereaux/{id}/pes", () -> {
            String bordereau = given().when().get("/api/v1/titres/" + titreOfA).then().statusCode(200).extract().path("bordereau.id");
            adherentOf(a).when().get("/api/v1/bordereaux/" + bordereau + "/pes").then().statusCode(403).contentType(PROBLEM);
        });
        checks.put("/api/v1/titres/events", () -> forbidden("/api/v1/titres/events"));
        checks.put("/api/v1/forecasts", this::theForecastIsOwnOnly);
        checks.put("/api/v1/billing-runs", () -> forbidden("/api/v1/billing-runs"));
        checks.put("/api/v1/billing-runs/{id}", () -> forbidden("/api/v1/billing-runs/" + runId));
        // a run's bordereau as PES V2 lists every debtor's titres: ledger-wide, like the run
        checks.put("/api/v1/billing-runs/{id}/pes", () -> forbidden("/api/v1/billing-runs/" + runId + "/pes?issuer=RESAH&year=2025"));
        checks.put("/api/v1/webhooks", () -> forbidden("/api/v1/webhooks"));
        checks.put("/api/v1/webhooks/{id}", () -> forbidden("/api/v1/webhooks/" + UUID.randomUUID()));
        checks.put("/api/v1/webhooks/{id}/deliveries", () -> forbidden("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries"));
        checks.put("/api/v1/ledger/verification", () -> forbidden("/api/v1/ledger/verification"));
        checks.put("/api/v1/ledger/archives/{issuer}/{year}", () -> forbidden("/api/v1/ledger/archives/" + issuer + "/2024"));
        checks.put("/api/v1/waived-items", this::theWaivedItemsAreOwnOnly);
        checks.put("/api/v1/mandates", this::theMandatesAreOwnOnly);
        // An issuer's thresholds are nobody's data: every caller reads them.
        checks.put("/api/v1/issuers/{code}/thresholds", () -> adherentOf(a).when().get("/api/v1/issuers/RESAH/thresholds")
                .then().statusCode(200).body("inForce", equalTo(15.00f)));
        checks.put("/api/v1/budget-lines", this::theBudgetLinesAreOwnOnly);
        checks.put("/api/v1/budget-lines/{id}", this::anotherOrganisationsBudgetLineIsUnknown);
        // Issuer settings are public information (docs/rules.md, R-5): printed on every titre of the issuer.
        checks.put("/api/v1/issuers/{code}/settings", () -> adherentOf(a).when().get("/api/v1/issuers/RESAH/settings")
                .then().statusCode(200).body("issuer", equalTo("RESAH")));
        checks.put("/api/v1/issuers/{code}/settings/revisions", () -> adherentOf(a).when()
                .get("/api/v1/issuers/CAIH/settings/revisions").then().statusCode(200).body("[0].issuer", equalTo("CAIH")));
        return checks;
    }

    @Test
    void everyGetShowsAnAdherentOnlyItsOwnData() {
        assertAll(everyGet().entrySet().stream().map(e -> (Executable) () -> {
            try {
                e.getValue().execute();
            } catch (AssertionError failure) {
                throw new AssertionError("GET " + e.getKey() + ": " + failure.getMessage(), failure);
            }
        }));
    }

    @Test
    void everyGetOfTheApiIsCheckedHere() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().path("paths");
        Set<String> gets = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (operations.containsKey("get")) {
                gets.add(path);
            }
        });
        assertEquals(gets, new TreeSet<>(everyGet().keySet()), "the GET operations of /q/openapi and those checked here");
    }

    private void theListHoldsOnlyOwnTitres() {
        adherentOf(a).when().get("/api/v1/titres").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of(titreOfA)));
        adherentOf(a).queryParam("issuer", issuer).queryParam("year", 2024).when().get("/api/v1/titres").then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", equalTo(List.of(titreOfA)));
        adherentOf(a).queryParam("debtorId", a).when().get("/api/v1/titres").then()
                .statusCode(200).body("items.id", equalTo(List.of(titreOfA)));
        adherentOf(a).queryParam("debtorId", b).when().get("/api/v1/titres").then()
                .statusCode(404).contentType(PROBLEM);
    }

    private void anotherOrganisationsTitreIsUnknown() {
        for (String accept : List.of(ContentType.JSON.toString(), PDF)) {
            adherentOf(a).accept(accept).when().get("/api/v1/titres/" + titreOfA).then().statusCode(200).contentType(accept);
            String unknown = UUID.randomUUID().toString();
            ExtractableResponse<Response> ofB = adherentOf(a).accept(accept).when().get("/api/v1/titres/" + titreOfB)
                    .then().statusCode(404).contentType(PROBLEM).extract();
            ExtractableResponse<Response> ofNobody = adherentOf(a).accept(accept).when().get("/api/v1/titres/" + unknown)
                    .then().statusCode(404).contentType(PROBLEM).extract();
            assertEquals(ofNobody.asString().replace(unknown, "{id}"), ofB.asString().replace(titreOfB, "{id}"), accept);
        }
    }

    private void anotherOrganisationsFacturXIsUnknown() {
        adherentOf(a).when().get("/api/v1/titres/" + titreOfA + "/facturx").then().statusCode(200).contentType(PDF);
        String unknown = UUID.randomUUID().toString();
        ExtractableResponse<Response> ofB = adherentOf(a).when().get("/api/v1/titres/" + titreOfB + "/facturx")
                .then().statusCode(404).contentType(PROBLEM).extract();
        ExtractableResponse<Response> ofNobody = adherentOf(a).when().get("/api/v1/titres/" + unknown + "/facturx")
                .then().statusCode(404).contentType(PROBLEM).extract();
        assertEquals(ofNobody.asString().replace(unknown, "{id}"), ofB.asString().replace(titreOfB, "{id}"));
    }

    private void noBordereauIsAnAdherents() {
        String bordereau = given().when().get("/api/v1/titres/" + titreOfA).then().statusCode(200).extract().path("bordereau.id");
        for (String accept : List.of(ContentType.JSON.toString(), PDF, "text/csv")) {
            adherentOf(a).accept(accept).when().get("/api/v1/bordereaux/" + bordereau).then().statusCode(403).contentType(PROBLEM);
        }
    }

    private void theExportHoldsOnlyOwnRows() {
        String csv = export(adherentOf(a).queryParam("issuer", issuer));
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].contains(";Commune de Lens;"), lines[1]);
        assertFalse(csv.contains("Liévin"), csv);
        assertEquals(csv, export(adherentOf(a)));
        adherentOf(a).queryParam("debtorId", b).when().get("/api/v1/titres/export").then().statusCode(404).contentType(PROBLEM);
    }

    private void theForecastIsOwnOnly() {
        for (RequestSpecification request : List.of(adherentOf(a), adherentOf(a).queryParam("debtorId", a))) {
            request.queryParam("year", 2024).when().get("/api/v1/forecasts").then().statusCode(200)
                    .body("debtorId", equalTo(a.toString()))
                    .body("total", equalTo(900.00f)).body("issued", equalTo(600.00f)).body("toIssue", equalTo(300.00f))
                    .body("byIssuer", hasSize(1))
                    .body("byIssuer[0].issuer", equalTo(issuer))
                    .body("byIssuer[0].total", equalTo(900.00f))
                    .body("lines.amount", equalTo(List.of(600.00f, 300.00f)));
        }
        adherentOf(a).queryParam("debtorId", b).queryParam("year", 2024).when().get("/api/v1/forecasts").then()
                .statusCode(404).contentType(PROBLEM);
    }

    private void theWaivedItemsAreOwnOnly() {
        as("reader").queryParam("issuer", issuer).when().get("/api/v1/waived-items").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].debtorId", equalTo(b.toString()));
        adherentOf(a).queryParam("issuer", issuer).when().get("/api/v1/waived-items").then().statusCode(200).body("total", equalTo(0));
        adherentOf(b).queryParam("issuer", issuer).when().get("/api/v1/waived-items").then().statusCode(200).body("total", equalTo(1));
        adherentOf(a).queryParam("debtorId", b).when().get("/api/v1/waived-items").then().statusCode(404).contentType(PROBLEM);
    }

    private void theMandatesAreOwnOnly() {
        adherentOf(a).queryParam("issuer", issuer).when().get("/api/v1/mandates").then().statusCode(200).body("total", equalTo(0));
        adherentOf(a).queryParam("debtorId", b).when().get("/api/v1/mandates").then().statusCode(404).contentType(PROBLEM);
    }

    private void theBudgetLinesAreOwnOnly() {
        adherentOf(a).when().get("/api/v1/budget-lines").then().statusCode(200).body("items.id", equalTo(List.of(lineOfA)));
        adherentOf(a).queryParam("debtorId", b).when().get("/api/v1/budget-lines").then().statusCode(404).contentType(PROBLEM);
        as("reader").queryParam("debtorId", b).when().get("/api/v1/budget-lines").then().statusCode(200)
                .body("items.id", equalTo(List.of(lineOfB)));
    }

    private void anotherOrganisationsBudgetLineIsUnknown() {
        adherentOf(a).when().get("/api/v1/budget-lines/" + lineOfA).then().statusCode(200).body("debtorId", equalTo(a.toString()));
        String unknown = UUID.randomUUID().toString();
        String ofB = adherentOf(a).when().get("/api/v1/budget-lines/" + lineOfB).then().statusCode(404).contentType(PROBLEM)
                .extract().asString();
        String ofNobody = adherentOf(a).when().get("/api/v1/budget-lines/" + unknown).then().statusCode(404).contentType(PROBLEM)
                .extract().asString();
        assertEquals(ofNobody.replace(unknown, "{id}"), ofB.replace(lineOfB, "{id}"));
    }

    private static String export(RequestSpecification request) {
        return new String(request.when().get("/api/v1/titres/export").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
    }

    private static void forbidden(String path) {
        adherentOf(UUID.randomUUID()).when().get(path).then().statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
    }

    // ---- everybody else ----

    @Test
    void aReaderSeesEveryOrganisation() {
        as("reader").queryParam("issuer", issuer).when().get("/api/v1/titres").then().statusCode(200).body("total", equalTo(2));
        as("reader").when().get("/api/v1/titres/" + titreOfB).then().statusCode(200).body("debtor.id", equalTo(b.toString()));
        String csv = export(as("reader").queryParam("issuer", issuer));
        assertTrue(csv.contains("Lens") && csv.contains("Liévin"), csv);
        as("reader").queryParam("debtorId", b).queryParam("year", 2024).when().get("/api/v1/forecasts").then()
                .statusCode(200).body("total", equalTo(1350.00f));
        as("reader").when().get("/api/v1/billing-runs/" + runId).then().statusCode(200);
    }

    // ---- writes ----

    @Test
    void onlyFinanceWrites() {
        long runs = ((Number) given().when().get("/api/v1/billing-runs").then().extract().path("total")).longValue();
        for (RequestSpecification refused : List.of(adherentOf(a), as("reader"))) {
            refused.contentType(ContentType.JSON).body(Map.of("amount", 100, "paidOn", "2024-01-20", "reference", "VIR-1"))
                    .when().post("/api/v1/titres/" + titreOfA + "/payments").then().statusCode(403).contentType(PROBLEM);
        }
        for (RequestSpecification refused : List.of(adherentOf(a), as("reader"))) {
            refused.contentType(ContentType.JSON).body(Map.of("reason", "Erreur"))
                    .when().post("/api/v1/titres/" + titreOfA + "/cancellation").then().statusCode(403).contentType(PROBLEM);
        }
        for (RequestSpecification refused : List.of(adherentOf(a), as("reader"))) {
            refused.contentType(ContentType.JSON).body(Map.of("asOf", "2024-06-01"))
                    .when().post("/api/v1/billing-runs").then().statusCode(403).contentType(PROBLEM);
        }
        given().when().get("/api/v1/titres/" + titreOfA).then()
                .body("paidAmount", equalTo(0.00f)).body("cancelledAmount", equalTo(0.00f)).body("correctedBy", nullValue());
        given().queryParam("issuer", issuer).when().get("/api/v1/titres").then().body("total", equalTo(2));
        given().when().get("/api/v1/billing-runs").then().body("total", equalTo((int) runs));

        for (RequestSpecification refused : List.of(adherentOf(a), as("reader"), as("finance"))) {
            refused.contentType(ContentType.JSON).body(Map.of("bic", "BDFEFRPP", "version", 1))
                    .when().patch("/api/v1/issuers/RESAH/settings").then().statusCode(403).contentType(PROBLEM);
        }
        given().when().get("/api/v1/issuers/RESAH/settings").then().body("revision", equalTo(1));

        as("finance").contentType(ContentType.JSON).body(Map.of("amount", 100, "paidOn", "2024-01-20", "reference", "VIR-1"))
                .when().post("/api/v1/titres/" + titreOfA + "/payments").then().statusCode(201).body("paidAmount", equalTo(100.00f));
    }

    // ---- malformed identities ----

    @Test
    void anAdherentWithoutAValidOrganisationIsForbidden() {
        adherentOf("not-a-uuid").when().get("/api/v1/titres").then().statusCode(403).contentType(PROBLEM);
        as("adherent").when().get("/api/v1/titres").then().statusCode(403).contentType(PROBLEM);
    }
}
