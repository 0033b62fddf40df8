package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.run;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The revision of the ledger (docs/rules.md, section 11): VAT per line and per rate, the issuing threshold
 * the commitment's Chorus references and legal basis, corrections across fiscal years and
 * the debtor's budget lines, through the API with the sources stubbed.
 */
@QuarkusTest
class LedgerRevisionTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshSources() {
        SourceServicesStub.reset();
        breakers.resetAll();
    }

    private static void today(String date) {
        QuarkusMock.installMockForType(Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                ZoneId.of("Europe/Paris")), Clock.class);
    }

    static BillableItem item(BillableItem.SourceType type, UUID source, String issuer, UUID debtor, String label, String issueOn,
                             String amount, BillableItem.Taxation taxation, String rate, String ej, String service, String legalBasis) {
        LocalDate on = LocalDate.parse(issueOn);
        return new BillableItem(type, source, 1, BillableItem.Kind.ANNUAL_CONTRIBUTION, issuer, debtor, label, on,
                on.plusYears(1).minusDays(1), on, null, new BigDecimal(amount), new BigDecimal(amount), 30, "Grille : Département",
                taxation, rate == null ? null : new BigDecimal(rate), ej, service, legalBasis);
    }

    private static RequestSpecification adherentOf(UUID organisation) {
        return given().header(IdentityFilter.USER, "someone@example.fr").header(IdentityFilter.ROLES, "adherent")
                .header(IdentityFilter.ORGANISATION, organisation.toString());
    }

    // ---- worked example 7 (R-1, R-3, R-5, R-17) ----

    @Test
    void workedExample7() {
        today("2022-12-20");
        String caih = issuer(50, "Tribunal administratif de Lille");
        String resah = issuer(30, "Tribunal administratif de Paris");
        UUID departement = debtor("Département du Pas-de-Calais");
        UUID so360 = UUID.randomUUID();
        UUID securite = UUID.randomUUID();
        SourceServicesStub.stubConventionFeed(List.of(
                item(BillableItem.SourceType.CONVENTION, so360, caih, departement, "CAIH SO360 (tiers bénéficiaire) 2022-2023",
                        "2022-12-15", "1500.00", BillableItem.Taxation.BEFORE_VAT, "20.00", "EJ-2022-000123", "SERV-DSI",
                        "Convention SO360 signée le 15/12/2022"),
                item(BillableItem.SourceType.CONVENTION, securite, resah, departement, "RESAH 2020-027 Sécurité 2022-2023",
                        "2022-12-15", "1000.00", null, null, null, null, "Convention 2020-027 signée le 15/12/2022")));

        String line = given().contentType(ContentType.JSON).body(Map.of("debtorId", departement, "operationCode", "C06-020M02",
                        "imputation", "6281/930202", "fiscalYear", 2022, "credits", 3000))
                .when().post("/api/v1/budget-lines").then().statusCode(201).body("credits", equalTo(3000.00f))
                .extract().path("id");
        for (UUID source : List.of(so360, securite)) {
            given().contentType(ContentType.JSON).body(Map.of("sourceType", "CONVENTION", "sourceId", source))
                    .when().post("/api/v1/budget-lines/{id}/attachments", line).then().statusCode(201);
        }
        // Before the run: everything still to issue, TTC.
        given().when().get("/api/v1/budget-lines/{id}", line).then().statusCode(200)
                .body("issued", equalTo(0.00f)).body("toIssue", equalTo(2800.00f))
                .body("proposed", equalTo(2800.00f)).body("balance", equalTo(200.00f));

        run("2022-12-15").statusCode(201).body("issuedCount", equalTo(2)).body("waivedCount", equalTo(0));

        given().queryParam("issuer", caih).when().get("/api/v1/titres").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].totalHt", equalTo(1500.00f)).body("items[0].totalVat", equalTo(300.00f))
                .body("items[0].total", equalTo(1800.00f)).body("items[0].remainingAmount", equalTo(1800.00f))
                .body("items[0].lines[0].amount", equalTo(1500.00f)).body("items[0].lines[0].vatRate", equalTo(20.00f))
                .body("items[0].lines[0].vatAmount", equalTo(300.00f)).body("items[0].lines[0].amountTtc", equalTo(1800.00f))
                .body("items[0].lines[0].taxation", equalTo("BEFORE_VAT"))
                .body("items[0].lines[0].legalBasis", equalTo("Convention SO360 signée le 15/12/2022"))
                .body("items[0].totalsByRate", hasSize(1))
                .body("items[0].totalsByRate[0].rate", equalTo(20.00f)).body("items[0].totalsByRate[0].ttc", equalTo(1800.00f))
                // the commitment's Chorus references, not the organisation's.
                .body("items[0].debtor.chorusLegalCommitment", equalTo("EJ-2022-000123"))
                .body("items[0].debtor.chorusServiceCode", equalTo("SERV-DSI"))
                .body("items[0].dueOn", equalTo("2023-01-14"));
        given().queryParam("issuer", resah).when().get("/api/v1/titres").then().statusCode(200)
                .body("items[0].total", equalTo(1000.00f)).body("items[0].totalHt", equalTo(1000.00f))
                .body("items[0].totalVat", equalTo(0.00f)).body("items[0].lines[0].vatRate", equalTo(0.00f))
                .body("items[0].lines[0].taxation", equalTo("NET_OF_TAX"))
                // No reference on the commitment: the organisation's defaults.
                .body("items[0].debtor.chorusLegalCommitment", equalTo("2300004512"));

        given().when().get("/api/v1/budget-lines/{id}", line).then().statusCode(200)
                .body("operationCode", equalTo("C06-020M02")).body("imputation", equalTo("6281/930202"))
                .body("attachments", hasSize(2))
                .body("issued", equalTo(2800.00f)).body("toIssue", equalTo(0.00f))
                .body("proposed", equalTo(2800.00f)).body("balance", equalTo(200.00f));
        given().queryParam("debtorId", departement).queryParam("year", 2022).when().get("/api/v1/forecasts").then().statusCode(200)
                .body("total", equalTo(2800.00f)).body("totalHt", equalTo(2500.00f))
                .body("byBudgetLine", hasSize(1)).body("byBudgetLine[0].proposed", equalTo(2800.00f))
                .body("byBudgetLine[0].balance", equalTo(200.00f));

        String csv = new String(given().queryParam("issuer", caih).when().get("/api/v1/titres/export").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Montant HT;TVA;Montant TTC;Bordereau\r\n"), csv);
        assertTrue(csv.contains(";1800,00;") && csv.endsWith(";1500,00;300,00;1800,00;" + caih + "-2022-B-000001\r\n"), csv);

        // A reduction states TTC and is split back per rate: 180 TTC = 150 HT + 30 VAT (same fiscal year: a REDUCTION).
        String caihTitre = given().queryParam("issuer", caih).when().get("/api/v1/titres").then().extract().path("items[0].id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "Remise", "amount", 180))
                .when().post("/api/v1/titres/{id}/cancellation", caihTitre).then().statusCode(201)
                .body("kind", equalTo("REDUCTION")).body("total", equalTo(180.00f))
                .body("totalHt", equalTo(150.00f)).body("totalVat", equalTo(30.00f))
                .body("lines[0].vatRate", equalTo(20.00f)).body("lines[0].amountTtc", equalTo(180.00f));
        given().when().get("/api/v1/budget-lines/{id}", line).then().body("issued", equalTo(2620.00f)).body("balance", equalTo(380.00f));
    }

    // ---- R-2 ----

    @Test
    void anItemBelowTheThresholdIsWaivedListedAndNeverIssued() {
        today("2025-01-10");
        String code = issuer(30, null);
        UUID d = debtor("Commune de Lens");
        UUID small = UUID.randomUUID();
        UUID withVat = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        SourceServicesStub.stubMembershipFeed(List.of(
                item(BillableItem.SourceType.MEMBERSHIP, small, code, d, "Cotisation complémentaire", "2025-01-02", "5.00", null, null,
                        null, null, null),
                // 14,00 HT + 2,80 VAT = 16,80 TTC: the TTC is compared, so it is issued.
                item(BillableItem.SourceType.MEMBERSHIP, withVat, code, d, "Service", "2025-01-02", "14.00",
                        BillableItem.Taxation.BEFORE_VAT, "20", null, null, null),
                item(BillableItem.SourceType.MEMBERSHIP, big, code, d, "Cotisation 2025", "2025-01-02", "600.00", null, null,
                        null, null, null)));
        String runId = run("2025-01-02").statusCode(201).body("issuedCount", equalTo(2)).body("waivedCount", equalTo(1))
                .extract().path("id");
        given().when().get("/api/v1/billing-runs/{id}", runId).then().body("waivedCount", equalTo(1));
        given().queryParam("runId", runId).when().get("/api/v1/waived-items").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].sourceId", equalTo(small.toString()))
                .body("items[0].amountTtc", equalTo(5.00f)).body("items[0].threshold", equalTo(15.00f))
                .body("items[0].issuer", equalTo(code)).body("items[0].waivedOn", equalTo("2025-01-02"));
        given().queryParam("issuer", code).when().get("/api/v1/titres").then().body("total", equalTo(2));

        // A second run issues nothing and waives nothing again.
        run("2025-02-01").statusCode(201).body("issuedCount", equalTo(0)).body("waivedCount", equalTo(0))
                .body("alreadyIssuedCount", equalTo(3));
        given().queryParam("issuer", code).when().get("/api/v1/titres").then().body("total", equalTo(2));
        given().queryParam("issuer", code).when().get("/api/v1/waived-items").then().body("total", equalTo(1));
        given().queryParam("debtorId", d).queryParam("from", "2025-01-02").queryParam("to", "2025-01-02")
                .when().get("/api/v1/waived-items").then().body("total", equalTo(1));
        given().queryParam("debtorId", d).queryParam("from", "2025-01-03").when().get("/api/v1/waived-items").then().body("total", equalTo(0));
        // The waived item is owed no more: the forecast leaves it out.
        given().queryParam("debtorId", d).queryParam("year", 2025).when().get("/api/v1/forecasts").then()
                .body("total", equalTo(616.80f)).body("totalHt", equalTo(614.00f));
        // An adherent sees only its own.
        adherentOf(d).queryParam("issuer", code).when().get("/api/v1/waived-items").then().statusCode(200).body("total", equalTo(1));
        adherentOf(UUID.randomUUID()).queryParam("issuer", code).when().get("/api/v1/waived-items").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void waivedItemsRefuseBadInputs() {
        for (Map<String, String> bad : List.of(Map.of("debtorId", "x"), Map.of("runId", "nope"), Map.of("from", "2025-13-01"),
                Map.of("to", "yesterday"), Map.of("from", "2025-02-01", "to", "2025-01-01"), Map.of("page", "-1"), Map.of("size", "abc"))) {
            given().queryParams(bad).when().get("/api/v1/waived-items").then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void thresholdsAreDatedPerIssuer() {
        today("2026-06-01");
        given().when().get("/api/v1/issuers/RESAH/thresholds").then().statusCode(200)
                .body("inForce", equalTo(15.00f)).body("entries[0].validFrom", equalTo("2000-01-01"));
        String code = issuer(30, null);
        given().when().get("/api/v1/issuers/{c}/thresholds", code).then().statusCode(200)
                .body("inForce", equalTo(15.00f)).body("entries", hasSize(0));
        given().contentType(ContentType.JSON).body(Map.of("validFrom", "2026-07-01", "amount", 30))
                .when().put("/api/v1/issuers/{c}/thresholds", code).then().statusCode(200)
                .body("inForce", equalTo(15.00f)).body("entries[0].amount", equalTo(30.00f));
        today("2026-07-01");
        given().when().get("/api/v1/issuers/{c}/thresholds", code).then().body("inForce", equalTo(30.00f));

        // A run as of a date uses the entry in force then: 20 € is waived from 1 July 2026 only.
        UUID d = debtor("Commune d'Arras");
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        SourceServicesStub.stubMembershipFeed(List.of(
                item(BillableItem.SourceType.MEMBERSHIP, before, code, d, "Avant", "2026-06-30", "20.00", null, null, null, null, null)));
        run("2026-06-30").statusCode(201).body("issuedCount", equalTo(1)).body("waivedCount", equalTo(0));
        SourceServicesStub.stubMembershipFeed(List.of(
                item(BillableItem.SourceType.MEMBERSHIP, before, code, d, "Avant", "2026-06-30", "20.00", null, null, null, null, null),
                item(BillableItem.SourceType.MEMBERSHIP, after, code, d, "Après", "2026-07-01", "20.00", null, null, null, null, null)));
        run("2026-07-01").statusCode(201).body("issuedCount", equalTo(0)).body("waivedCount", equalTo(1));
    }

    @Test
    void thresholdsRefuseBadInputs() {
        today("2026-06-01");
        String code = issuer(30, null);
        given().when().get("/api/v1/issuers/{c}/thresholds", "R!").then().statusCode(400).contentType(PROBLEM);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("amount", 10), Map.of("validFrom", "2026-07-01"),
                Map.of("validFrom", "2026-07-01", "amount", 50.01), Map.of("validFrom", "2026-07-01", "amount", -1),
                Map.of("validFrom", "2026-07-01", "amount", 1.234), Map.of("validFrom", "1 July", "amount", 10))) {
            given().contentType(ContentType.JSON).body(bad).when().put("/api/v1/issuers/{c}/thresholds", code)
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON).body(Map.of("validFrom", "2026-05-31", "amount", 10))
                .when().put("/api/v1/issuers/{c}/thresholds", code).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("THRESHOLD_IN_THE_PAST"));
        given().contentType(ContentType.JSON).body(Map.of("validFrom", "2026-07-01", "amount", 10))
                .when().put("/api/v1/issuers/{c}/thresholds", "TUNKNOWN").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/issuers/{c}/thresholds", code).then().body("entries", hasSize(0));
        // Admin only.
        given().header(IdentityFilter.USER, "f@example.fr").header(IdentityFilter.ROLES, "finance").contentType(ContentType.JSON)
                .body(Map.of("validFrom", "2026-07-01", "amount", 10)).when().put("/api/v1/issuers/{c}/thresholds", code)
                .then().statusCode(403).contentType(PROBLEM);
    }

    // ---- R-7 ----

    @Test
    void aTitreOfAnEarlierYearIsCorrectedByAMandate673() {
        String code = issuer(30, null);
        UUID d = debtor("Commune de Béthune");
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        SourceServicesStub.stubMembershipFeed(List.of(
                item(BillableItem.SourceType.MEMBERSHIP, m1, code, d, "Cotisation 2024 a", "2024-03-01", "600.00", null, null, null, null, null),
                item(BillableItem.SourceType.MEMBERSHIP, m2, code, d, "Cotisation 2024 b", "2024-03-01", "600.00", null, null, null, null, null),
                item(BillableItem.SourceType.MEMBERSHIP, m3, code, d, "Cotisation 2024 c", "2024-03-01", "600.00", null, null, null, null, null)));
        today("2024-03-01");
        run("2024-03-01").statusCode(201).body("issuedCount", equalTo(3));
        List<String> ids = given().queryParam("issuer", code).when().get("/api/v1/titres").then().extract().path("items.id");

        today("2024-06-01");
        given().contentType(ContentType.JSON).body(Map.of("reason", "Erreur de tarif", "amount", 100))
                .when().post("/api/v1/titres/{id}/cancellation", ids.get(0)).then().statusCode(201)
                .body("kind", equalTo("REDUCTION")).body("number", equalTo(code + "-2024-000004")).body("fiscalYear", equalTo(2024));

        today("2025-02-10");
        String mandate = given().contentType(ContentType.JSON).body(Map.of("reason", "Erreur de tarif", "amount", 100))
                .when().post("/api/v1/titres/{id}/cancellation", ids.get(1)).then().statusCode(201)
                .body("kind", equalTo("MANDATE_673")).body("number", equalTo(code + "-2025-M673-000001"))
                .body("fiscalYear", equalTo(2025)).body("cancels", equalTo(ids.get(1))).body("total", equalTo(100.00f))
                .body("object", containsString("673"))
                .extract().path("id");
        given().when().get("/api/v1/titres/{id}", ids.get(1)).then()
                .body("cancelledAmount", equalTo(100.00f)).body("remainingAmount", equalTo(500.00f)).body("status", equalTo("ISSUED"))
                .body("correctedBy", equalTo(List.of(mandate)));
        // A whole cancellation of a 2024 titre in 2025: the next mandat; the original is cancelled.
        given().contentType(ContentType.JSON).body(Map.of("reason", "Adhésion résiliée"))
                .when().post("/api/v1/titres/{id}/cancellation", ids.get(2)).then().statusCode(201)
                .body("kind", equalTo("MANDATE_673")).body("number", equalTo(code + "-2025-M673-000002"));
        given().when().get("/api/v1/titres/{id}", ids.get(2)).then().body("status", equalTo("CANCELLED"))
                .body("remainingAmount", equalTo(0.00f));
        given().when().get("/api/v1/titres/{id}", mandate).then().statusCode(200).body("kind", equalTo("MANDATE_673"))
                .body("remainingAmount", equalTo(0.00f));

        given().queryParam("issuer", code).queryParam("year", 2025).when().get("/api/v1/mandates").then().statusCode(200)
                .body("total", equalTo(2)).body("items.kind", equalTo(List.of("MANDATE_673", "MANDATE_673")));
        given().queryParam("issuer", code).queryParam("year", 2024).when().get("/api/v1/mandates").then().body("total", equalTo(0));
        adherentOf(d).queryParam("issuer", code).when().get("/api/v1/mandates").then().statusCode(200).body("total", equalTo(2));
        adherentOf(UUID.randomUUID()).queryParam("issuer", code).when().get("/api/v1/mandates").then().body("total", equalTo(0));
        given().queryParam("year", "twenty").when().get("/api/v1/mandates").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("debtorId", "x").when().get("/api/v1/mandates").then().statusCode(400).contentType(PROBLEM);
        // A mandat is no claim: it cannot be paid nor corrected.
        given().contentType(ContentType.JSON).body(Map.of("amount", 10, "paidOn", "2025-02-11", "reference", "VIR"))
                .when().post("/api/v1/titres/{id}/payments", mandate).then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/titres/{id}/cancellation", mandate).then().statusCode(422);
        // The series of titres goes on without gap.
        given().queryParam("issuer", code).queryParam("year", 2024).when().get("/api/v1/titres").then()
                .body("items.number", matchesPatternList(code + "-2024-00000[1-4]"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> matchesPatternList(String regex) {
        return org.hamcrest.Matchers.everyItem(matchesPattern(regex));
    }

    // ---- R-17 ----

    @Test
    void budgetLinesRefuseBadInputs() {
        UUID d = debtor("Commune de Douai");
        Map<String, Object> ok = Map.of("debtorId", d, "operationCode", "OP-1", "imputation", "6281", "fiscalYear", 2025, "credits", 100);
        for (String missing : List.of("debtorId", "operationCode", "imputation", "fiscalYear", "credits")) {
            Map<String, Object> bad = new java.util.HashMap<>(ok);
            bad.remove(missing);
            given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/budget-lines").then().statusCode(400)
                    .contentType(PROBLEM).body(containsString(missing));
        }
        for (Map.Entry<String, Object> wrong : List.<Map.Entry<String, Object>>of(Map.entry("credits", -1), Map.entry("credits", 1.234),
                Map.entry("fiscalYear", 1999), Map.entry("fiscalYear", "next"), Map.entry("debtorId", "x"), Map.entry("operationCode", " "))) {
            Map<String, Object> bad = new java.util.HashMap<>(ok);
            bad.put(wrong.getKey(), wrong.getValue());
            given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/budget-lines").then().statusCode(400).contentType(PROBLEM);
        }
        String id = given().contentType(ContentType.JSON).body(ok).when().post("/api/v1/budget-lines").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(ok).when().post("/api/v1/budget-lines").then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("BUDGET_LINE_EXISTS"));
        given().when().get("/api/v1/budget-lines/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/budget-lines/{id}", "nope").then().statusCode(404).contentType(PROBLEM);
        given().queryParam("year", "x").when().get("/api/v1/budget-lines").then().statusCode(400).contentType(PROBLEM);

        UUID source = UUID.randomUUID();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("sourceType", "INVOICE", "sourceId", source),
                Map.of("sourceId", source), Map.of("sourceType", "CONVENTION"), Map.of("sourceType", "CONVENTION", "sourceId", "x"))) {
            given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/budget-lines/{id}/attachments", id)
                    .then().statusCode(400).contentType(PROBLEM);
        }
        Map<String, Object> attachment = Map.of("sourceType", "CONVENTION", "sourceId", source);
        given().contentType(ContentType.JSON).body(attachment).when().post("/api/v1/budget-lines/{id}/attachments", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(attachment).when().post("/api/v1/budget-lines/{id}/attachments", id)
                .then().statusCode(201).body("attachments", hasSize(1));
        given().contentType(ContentType.JSON).body(attachment).when().post("/api/v1/budget-lines/{id}/attachments", id)
                .then().statusCode(409).body("code", equalTo("ALREADY_ATTACHED"));
        String other = given().contentType(ContentType.JSON).body(Map.of("debtorId", d, "operationCode", "OP-2", "imputation", "6281",
                "fiscalYear", 2025, "credits", 100)).when().post("/api/v1/budget-lines").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(attachment).when().post("/api/v1/budget-lines/{id}/attachments", other)
                .then().statusCode(409).body("code", equalTo("ATTACHED_ELSEWHERE"));

        given().queryParam("sourceType", "CONVENTION").when().delete("/api/v1/budget-lines/{id}/attachments", id)
                .then().statusCode(400).contentType(PROBLEM);
        given().queryParam("sourceType", "X").queryParam("sourceId", source).when().delete("/api/v1/budget-lines/{id}/attachments", id)
                .then().statusCode(400).contentType(PROBLEM);
        given().queryParam("sourceType", "MEMBERSHIP").queryParam("sourceId", source).when()
                .delete("/api/v1/budget-lines/{id}/attachments", id).then().statusCode(404).contentType(PROBLEM);
        given().queryParam("sourceType", "CONVENTION").queryParam("sourceId", source).when()
                .delete("/api/v1/budget-lines/{id}/attachments", id).then().statusCode(204);
        given().contentType(ContentType.JSON).body(attachment).when().post("/api/v1/budget-lines/{id}/attachments", other)
                .then().statusCode(201);
    }

    @Test
    void anAdherentManagesOnlyItsOwnBudgetLines() {
        UUID own = debtor("Commune de Lens");
        UUID other = debtor("Commune de Liévin");
        String mine = adherentOf(own).contentType(ContentType.JSON).body(Map.of("operationCode", "OP", "imputation", "6281",
                        "fiscalYear", 2025, "credits", 10)).when().post("/api/v1/budget-lines").then().statusCode(201)
                .body("debtorId", equalTo(own.toString())).extract().path("id");
        adherentOf(own).contentType(ContentType.JSON).body(Map.of("debtorId", other, "operationCode", "OP", "imputation", "6281",
                "fiscalYear", 2025, "credits", 10)).when().post("/api/v1/budget-lines").then().statusCode(404).contentType(PROBLEM);
        String theirs = given().contentType(ContentType.JSON).body(Map.of("debtorId", other, "operationCode", "OP", "imputation", "6281",
                "fiscalYear", 2025, "credits", 10)).when().post("/api/v1/budget-lines").then().statusCode(201).extract().path("id");
        adherentOf(own).when().get("/api/v1/budget-lines/{id}", theirs).then().statusCode(404).contentType(PROBLEM);
        adherentOf(own).contentType(ContentType.JSON).body(Map.of("sourceType", "CONVENTION", "sourceId", UUID.randomUUID()))
                .when().post("/api/v1/budget-lines/{id}/attachments", theirs).then().statusCode(404);
        adherentOf(own).contentType(ContentType.JSON).body(Map.of("sourceType", "CONVENTION", "sourceId", UUID.randomUUID()))
                .when().post("/api/v1/budget-lines/{id}/attachments", mine).then().statusCode(201);
        adherentOf(own).when().get("/api/v1/budget-lines").then().statusCode(200).body("items.id", equalTo(List.of(mine)));
        given().header(IdentityFilter.USER, "r@example.fr").header(IdentityFilter.ROLES, "reader").contentType(ContentType.JSON)
                .body(Map.of("debtorId", own, "operationCode", "OP9", "imputation", "6281", "fiscalYear", 2025, "credits", 10))
                .when().post("/api/v1/budget-lines").then().statusCode(403);
        given().when().get("/api/v1/budget-lines/{id}", mine).then().statusCode(200).body("credits", equalTo(10.00f))
                .body("issued", equalTo(0.00f)).body("balance", equalTo(10.00f)).body("label", nullValue());
    }
}
