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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The bordereaux de titres (docs/rules.md, R-6) through the API: one per run, issuer and fiscal year, one per
 * correction, none for a mandat 673; numbered per issuer and year without gaps; their totals per rate; the JSON,
 * PDF and CSV; each titre naming its bordereau; who may read them.
 */
@QuarkusTest
class BordereauResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PDF = "application/pdf";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshSources() {
        SourceServicesStub.reset();
        breakers.resetAll();
        today("2022-12-20");
    }

    private static void today(String date) {
        QuarkusMock.installMockForType(Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                ZoneId.of("Europe/Paris")), Clock.class);
    }

    private static BillableItem item(UUID source, String issuer, UUID debtor, String label, String issueOn, String amount,
                                     String rate) {
        return LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, source, issuer, debtor, label, issueOn, amount,
                rate == null ? null : BillableItem.Taxation.BEFORE_VAT, rate, "EJ-" + label.hashCode(), null, "Convention " + label);
    }

    private static RequestSpecification as(String roles) {
        return given().header(IdentityFilter.USER, "someone@example.fr").header(IdentityFilter.ROLES, roles);
    }

    @Test
    void aRunListsEachIssuersTitresOnOneBordereauNumberedWithoutGaps() throws IOException {
        String caih = issuer(50, "Tribunal administratif de Lyon");
        String resah = issuer(30, "Tribunal administratif de Paris");
        UUID departement = debtor("Département du Pas-de-Calais");
        UUID arras = debtor("Communauté urbaine d'Arras");
        UUID so360 = UUID.randomUUID();
        UUID dpo = UUID.randomUUID();
        UUID securite = UUID.randomUUID();
        SourceServicesStub.stubConventionFeed(List.of(
                item(so360, caih, departement, "CAIH SO360 2022-2023", "2022-12-15", "1500.00", "20.00"),
                item(dpo, caih, arras, "CAIH DPO mutualisé 2022-2023", "2022-12-15", "1000.50", "20.00"),
                item(securite, resah, departement, "RESAH 2020-027 Sécurité", "2022-12-15", "1000.00", null)));
        String runId = run("2022-12-15").statusCode(201).body("issuedCount", equalTo(3)).extract().path("id");

        String id = given().queryParam("issuer", caih).when().get("/api/v1/bordereaux").then().statusCode(200)
                .body("total", equalTo(1)).body("items", hasSize(1))
                .body("items[0].number", equalTo(caih + "-2022-B-000001"))
                .body("items[0].issuer", equalTo(caih)).body("items[0].fiscalYear", equalTo(2022))
                .body("items[0].issuedOn", equalTo("2022-12-15")).body("items[0].source", equalTo("RUN"))
                .body("items[0].runId", equalTo(runId)).body("items[0].titreCount", equalTo(2))
                // 1 500,00 + 300,00 and 1 000,50 + 200,10 (docs/rules.md, R-1: VAT per line)
                .body("items[0].totalHt", equalTo(2500.50f)).body("items[0].totalVat", equalTo(500.10f))
                .body("items[0].totalTtc", equalTo(3000.60f))
                .body("items[0].totalsByRate", hasSize(1)).body("items[0].totalsByRate[0].rate", equalTo(20.00f))
                .body("items[0].totalsByRate[0].ttc", equalTo(3000.60f))
                .body("items[0].officer.name", notNullValue()).body("items[0].titres", nullValue())
                .extract().path("items[0].id");
        given().queryParam("issuer", resah).when().get("/api/v1/bordereaux").then().statusCode(200)
                .body("items.number", equalTo(List.of(resah + "-2022-B-000001"))).body("items[0].totalTtc", equalTo(1000.00f))
                .body("items[0].totalsByRate[0].rate", equalTo(0.00f)).body("items[0].totalVat", equalTo(0.00f));

        List<String> numbers = given().queryParam("issuer", caih).when().get("/api/v1/titres").then().statusCode(200)
                .body("items.bordereau.id", everyItem(equalTo(id)))
                .body("items.bordereau.number", everyItem(equalTo(caih + "-2022-B-000001")))
                .extract().path("items.number");
        given().when().get("/api/v1/bordereaux/{id}", id).then().statusCode(200)
                .body("number", equalTo(caih + "-2022-B-000001")).body("titres", hasSize(2))
                .body("titres.number", equalTo(numbers.stream().sorted().toList()))
                .body("titres.debtorName", containsInAnyOrder("Département du Pas-de-Calais", "Communauté urbaine d'Arras"))
                .body("titres.debtorSiret", everyItem(equalTo("22620001200012")))
                .body("titres.total", containsInAnyOrder(1800.00f, 1200.60f))
                .body("titres.totalVat", containsInAnyOrder(300.00f, 200.10f))
                .body("titres.find { it.total == 1800.00f }.debtorName", equalTo("Département du Pas-de-Calais"));

        // The CSV: a row per titre, then the totals; the titres' export names the bordereau in its last column.
        String csv = new String(given().accept("text/csv").when().get("/api/v1/bordereaux/{id}", id).then().statusCode(200)
                .contentType("text/csv").extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFBordereau;Exercice;Émetteur;Date;N° de titre;");
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).contains(caih + "-2022-B-000001;2022;" + caih + ";15/12/2022;" + numbers.stream().sorted().findFirst().orElseThrow())
                .endsWith(";Total;2 titres;;;;;2500,50;500,10;3000,60\r\n");
        String titres = new String(given().queryParam("issuer", caih).when().get("/api/v1/titres/export").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(titres.split("\r\n")).hasSize(3).allSatisfy(row -> assertThat(row).satisfiesAnyOf(
                r -> assertThat(r).startsWith("\uFEFF").endsWith(";Bordereau"), r -> assertThat(r).endsWith(";" + caih + "-2022-B-000001")));

        // The PDF: the titres, the totals, the officer who signs; the titre's own PDF names the bordereau.
        // The issuer has no settings of its own: the officer of the DEFAULT settings in force (docs/rules.md, R-4).
        String officer = given().when().get("/api/v1/issuers/DEFAULT/settings").then().statusCode(200).extract().path("officer.name");
        given().when().get("/api/v1/bordereaux/{id}", id).then().body("officer.name", equalTo(officer));
        byte[] pdf = given().accept(PDF).when().get("/api/v1/bordereaux/{id}", id).then().statusCode(200).contentType(PDF)
                .extract().asByteArray();
        keep("bordereau-run", pdf);
        assertThat(text(pdf)).contains("BORDEREAU DE TITRES DE RECETTES", caih + "-2022-B-000001", numbers.get(0), numbers.get(1),
                "Communauté urbaine d'Arras", "3 000,60 €", "Total TTC", "TVA 20 %", officer, "Arrêté le présent bordereau à 2 titres");
        String titreId = given().queryParam("issuer", caih).when().get("/api/v1/titres").then().extract().path("items[0].id");
        assertThat(text(given().accept(PDF).when().get("/api/v1/titres/{id}", titreId).then().statusCode(200).extract().asByteArray()))
                .contains("Bordereau n° " + caih + "-2022-B-000001");

        // The next run that issues for the issuer opens the next number; a run that issues nothing opens none.
        UUID later = UUID.randomUUID();
        SourceServicesStub.stubConventionFeed(List.of(
                item(so360, caih, departement, "CAIH SO360 2022-2023", "2022-12-15", "1500.00", "20.00"),
                item(dpo, caih, arras, "CAIH DPO mutualisé 2022-2023", "2022-12-15", "1000.50", "20.00"),
                item(securite, resah, departement, "RESAH 2020-027 Sécurité", "2022-12-15", "1000.00", null),
                item(later, caih, arras, "CAIH Télémaintenance", "2022-12-16", "99.99", "20.00")));
        run("2022-12-16").statusCode(201).body("issuedCount", equalTo(1));
        run("2022-12-16").statusCode(201).body("issuedCount", equalTo(0));
        given().queryParam("issuer", caih).when().get("/api/v1/bordereaux").then().statusCode(200)
                .body("items.number", equalTo(List.of(caih + "-2022-B-000002", caih + "-2022-B-000001")))
                .body("items[0].titreCount", equalTo(1)).body("items[0].totalTtc", equalTo(119.99f));

        // A correction by hand is on a bordereau of its own: 180 TTC = 150 HT + 30 VAT.
        String reduction = given().contentType(ContentType.JSON).body(Map.of("reason", "Remise", "amount", 180))
                .when().post("/api/v1/titres/{id}/cancellation", titreId).then().statusCode(201)
                .body("bordereau.number", equalTo(caih + "-2022-B-000003")).extract().path("id");
        String ofReduction = given().queryParam("issuer", caih).queryParam("year", 2022).when().get("/api/v1/bordereaux").then()
                .statusCode(200).body("total", equalTo(3)).body("items[0].number", equalTo(caih + "-2022-B-000003"))
                .body("items[0].source", equalTo("CORRECTION")).body("items[0].correctionTitreId", equalTo(reduction))
                .body("items[0].runId", nullValue()).body("items[0].titreCount", equalTo(1))
                .body("items[0].totalHt", equalTo(150.00f)).body("items[0].totalVat", equalTo(30.00f))
                .body("items[0].totalTtc", equalTo(180.00f))
                .extract().path("items[0].id");
        given().when().get("/api/v1/bordereaux/{id}", ofReduction).then().statusCode(200)
                .body("titres[0].id", equalTo(reduction)).body("titres[0].kind", equalTo("REDUCTION"))
                .body("titres[0].corrects", equalTo(given().when().get("/api/v1/titres/{id}", titreId).then().extract().path("number")));
        keep("bordereau-correction", given().accept(PDF).when().get("/api/v1/bordereaux/{id}", ofReduction).then().statusCode(200)
                .extract().asByteArray());

        given().queryParam("issuer", caih).queryParam("year", 2021).when().get("/api/v1/bordereaux").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("issuer", caih).queryParam("size", 1).queryParam("page", 1).when().get("/api/v1/bordereaux").then()
                .statusCode(200).body("total", equalTo(3)).body("items.number", equalTo(List.of(caih + "-2022-B-000002")));
    }

    @Test
    void aMandat673IsOnNoBordereau() {
        String code = issuer(30, null);
        UUID d = debtor("Commune de Béthune");
        SourceServicesStub.stubMembershipFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(),
                code, d, "Cotisation 2024", "2024-03-01", "600.00", null, null, null, null, null)));
        today("2024-03-01");
        run("2024-03-01").statusCode(201).body("issuedCount", equalTo(1));
        String titre = given().queryParam("issuer", code).when().get("/api/v1/titres").then().extract().path("items[0].id");
        today("2025-02-10");
        given().contentType(ContentType.JSON).body(Map.of("reason", "Erreur de tarif", "amount", 100))
                .when().post("/api/v1/titres/{id}/cancellation", titre).then().statusCode(201)
                .body("kind", equalTo("MANDATE_673")).body("bordereau", nullValue());
        given().queryParam("issuer", code).when().get("/api/v1/bordereaux").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].number", equalTo(code + "-2024-B-000001"));
        String csv = new String(given().queryParam("issuer", code).queryParam("year", 2025).when().get("/api/v1/titres/export").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).endsWith(";100,00;\r\n");
    }

    @Test
    void badRequestsAnswerProblemsAndWriteNothing() {
        given().queryParam("year", "twenty").when().get("/api/v1/bordereaux").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("year"));
        given().queryParam("page", -1).when().get("/api/v1/bordereaux").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("size", 501).when().get("/api/v1/bordereaux").then().statusCode(400).contentType(PROBLEM);
        for (String accept : List.of(ContentType.JSON.toString(), PDF, "text/csv")) {
            given().accept(accept).when().get("/api/v1/bordereaux/{id}", UUID.randomUUID()).then().statusCode(404)
                    .contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
            given().accept(accept).when().get("/api/v1/bordereaux/not-an-id").then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void aBordereauIsForTheIssuersStaffNotForAnAdherent() {
        String code = issuer(30, null);
        UUID d = debtor("Commune de Lens");
        SourceServicesStub.stubMembershipFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(),
                code, d, "Cotisation 2022", "2022-03-01", "600.00", null, null, null, null, null)));
        run("2022-03-01").statusCode(201).body("issuedCount", equalTo(1));
        String id = given().queryParam("issuer", code).when().get("/api/v1/bordereaux").then().extract().path("items[0].id");
        for (String roles : List.of("admin", "finance", "reader")) {
            as(roles).queryParam("issuer", code).when().get("/api/v1/bordereaux").then().statusCode(200).body("total", equalTo(1));
            as(roles).when().get("/api/v1/bordereaux/{id}", id).then().statusCode(200).body("titres", hasSize(1));
        }
        // Even the debtor of its only titre: a bordereau is the issuer's document, listing other debtors' titres.
        RequestSpecification adherent = as("adherent").header(IdentityFilter.ORGANISATION, d.toString());
        adherent.when().get("/api/v1/bordereaux").then().statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
        for (String accept : List.of(ContentType.JSON.toString(), PDF, "text/csv")) {
            as("adherent").header(IdentityFilter.ORGANISATION, d.toString()).accept(accept).when().get("/api/v1/bordereaux/{id}", id)
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
        }
    }

    /** Kept in target/documents/ to look at (pdftoppm -png -r 60). */
    static void keep(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
    }
}
