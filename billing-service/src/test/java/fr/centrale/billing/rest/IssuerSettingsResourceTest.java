package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.item;
import static fr.centrale.billing.rest.Ledger.run;
import static fr.centrale.common.billing.BillableItem.SourceType.MEMBERSHIP;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** docs/rules.md, R-4 and R-5: the issuers' settings as dated, append-only data, and their freeze on titres. */
@QuarkusTest
class IssuerSettingsResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    static Map<String, Object> complete(String officerName, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("officer", Map.of("name", officerName, "firstNames", "Marie", "title", "Présidente, ordonnatrice"));
        body.put("executoryFormula", "Titre exécutoire en application de l'article L. 1617-5 du CGCT");
        body.put("accountant", Map.of("kind", "COMPTABLE_PUBLIC", "name", "Service de gestion comptable d'Arras",
                "postalCode", "62000", "city", "Arras"));
        body.put("iban", "FR76 3000 6000 0112 3456 7890 189");
        body.put("bic", "bdfefrppcct");
        body.put("paymentMeans", List.of("VIREMENT", "CHEQUE"));
        body.put("imputation", Map.of("nature", "7474", "function", "01"));
        body.put("recourse", "Deux mois à compter de la réception, Tribunal administratif de Lille ; juge de l'exécution.");
        body.put("noVatMention", "TVA non applicable, article 256 B du CGI");
        body.put("version", version);
        return body;
    }

    private static RequestSpecification as(String roles) {
        return given().header(IdentityFilter.USER, "someone@example.fr").header(IdentityFilter.ROLES, roles);
    }

    private static String newCode() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @Test
    void referenceDataOfTheThreeIssuersAndDefault() {
        for (String code : List.of("RESAH", "CAIH", "FIBRE5962", "DEFAULT")) {
            given().when().get("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                    .body("issuer", equalTo(code)).body("officer.title", containsString("rdonnateur"))
                    .body("recourse", containsString("deux mois")).body("bic", equalTo("BDFEFRPPCCT"));
        }
        given().when().get("/api/v1/issuers/fibre5962/settings").then().statusCode(200)
                .body("accountant.kind", equalTo("COMPTABLE_PUBLIC"))
                .body("executoryFormula", containsString("L. 1617-5"))
                .body("recourse", containsString("Tribunal administratif de Lille"))
                .body("recourse", containsString("à confirmer par l'émetteur"));
        given().when().get("/api/v1/issuers/RESAH/settings").then()
                .body("accountant.kind", equalTo("AGENT_COMPTABLE"))
                .body("executoryFormula", containsString("L. 252 A du livre des procédures fiscales"))
                .body("recourse", containsString("Tribunal administratif de Paris"))
                .body("noVatMention", containsString("256 B"));
    }

    /** Issue 17: the Hélios codes of the PES V2 files are settings like the others, dated; samples for the three issuers. */
    @Test
    void heliosCodesAreSettingsLikeTheOthers() {
        given().when().get("/api/v1/issuers/FIBRE5962/settings").then().statusCode(200)
                .body("helios.postingCode", equalTo("062009")).body("helios.collectivityCode", equalTo("103"))
                .body("helios.budgetCode", equalTo("01")).body("helios.budgetLabel", containsString("EXEMPLE"));
        for (String code : List.of("RESAH", "CAIH")) {
            given().when().get("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                    .body("helios.collectivityId", org.hamcrest.Matchers.matchesPattern("[0-9]{14}"));
        }
        given().when().get("/api/v1/issuers/DEFAULT/settings").then().statusCode(200).body("helios", nullValue());

        String code = newCode();
        String path = "/api/v1/issuers/" + code + "/settings";
        as("admin").contentType(ContentType.JSON).body(complete("Martin", 0)).when().patch(path).then().statusCode(200)
                .body("helios", nullValue());
        Map<String, Object> bad = new HashMap<>(Map.of("version", 1, "helios", Map.of("postingCode", "62009",
                "collectivityId", "2562010350001", "collectivityCode", "1034", "budgetCode", "1", "productCode", "CT-B")));
        as("admin").contentType(ContentType.JSON).body(bad).when().patch(path).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ISSUER_SETTINGS"))
                .body("errors.field", containsInAnyOrder("helios.postingCode", "helios.collectivityId", "helios.collectivityCode",
                        "helios.budgetCode", "helios.productCode"));
        as("admin").contentType(ContentType.JSON).body(Map.of("version", 1, "helios", Map.of("postingCode", "062009")))
                .when().patch(path).then().statusCode(422).body("errors.field", hasItem("helios.collectivityId"));
        given().when().get(path).then().body("version", equalTo(1)).body("helios", nullValue());

        LocalDate later = TODAY.plusDays(10);
        as("admin").contentType(ContentType.JSON).body(Map.of("version", 1, "validFrom", later.toString(), "helios",
                        Map.of("postingCode", "062009", "collectivityId", "25620103500016", "collectivityCode", "123",
                                "budgetCode", "02", "productCode", "CTB")))
                .when().patch(path).then().statusCode(200).body("revision", equalTo(2)).body("helios.budgetCode", equalTo("02"))
                .body("officer.name", equalTo("Martin"));
        given().when().get(path).then().body("helios", nullValue());
        given().queryParam("on", later.toString()).when().get(path).then().body("helios.collectivityCode", equalTo("123"));
        // a change of something else keeps the codes in force
        as("admin").contentType(ContentType.JSON).body(Map.of("version", 2, "validFrom", later.toString(), "noVatMention", "TVA non applicable"))
                .when().patch(path).then().statusCode(200).body("helios.productCode", equalTo("CTB"));
    }

    @Test
    void aChangeIsANewRevisionAndTheOldOneStays() {
        String code = newCode();
        given().when().get("/api/v1/issuers/" + code + "/settings").then().statusCode(404).contentType(PROBLEM);
        as("admin").contentType(ContentType.JSON).body(complete("Martin", 0)).when()
                .patch("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                .body("revision", equalTo(1)).body("version", equalTo(1)).body("validFrom", equalTo(TODAY.toString()))
                .body("iban", equalTo("FR7630006000011234567890189")).body("bic", equalTo("BDFEFRPPCCT"))
                .body("delegate", nullValue()).body("createdBy", equalTo("someone@example.fr"));
        // A change from a later date: only the fields sent change.
        LocalDate later = TODAY.plusMonths(1);
        as("admin").contentType(ContentType.JSON).body(Map.of("validFrom", later.toString(), "version", 1,
                        "delegate", Map.of("name", "Durand", "firstNames", "Paul", "title", "Directeur financier, par délégation")))
                .when().patch("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                .body("revision", equalTo(2)).body("officer.name", equalTo("Martin")).body("delegate.name", equalTo("Durand"));
        given().when().get("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                .body("revision", equalTo(1)).body("version", equalTo(2)).body("delegate", nullValue());
        given().queryParam("on", later.toString()).when().get("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                .body("revision", equalTo(2)).body("delegate.title", equalTo("Directeur financier, par délégation"));
        given().queryParam("on", TODAY.minusDays(1).toString()).when().get("/api/v1/issuers/" + code + "/settings").then()
                .statusCode(404).contentType(PROBLEM).body("code", equalTo("NO_SETTINGS_IN_FORCE"));
        given().when().get("/api/v1/issuers/" + code + "/settings/revisions").then().statusCode(200)
                .body("revision", contains(1, 2)).body("officer.name", contains("Martin", "Martin"))
                .body("version", contains(2, 2));
        // An empty delegate removes it.
        as("admin").contentType(ContentType.JSON).body(Map.of("validFrom", later.toString(), "version", 2, "delegate", Map.of()))
                .when().patch("/api/v1/issuers/" + code + "/settings").then().statusCode(200)
                .body("revision", equalTo(3)).body("delegate", nullValue());
    }

    @Test
    void badInputsAreRefusedAndWriteNothing() {
        String code = newCode();
        String path = "/api/v1/issuers/" + code + "/settings";
        as("admin").contentType(ContentType.JSON).body(complete("Martin", 0)).when().patch(path).then().statusCode(200);

        Map<String, Object> badIban = complete("Martin", 1);
        badIban.put("iban", "FR7630006000011234567890188");
        as("admin").contentType(ContentType.JSON).body(badIban).when().patch(path).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ISSUER_SETTINGS")).body("errors.field", contains("iban"))
                .body("errors[0].message", containsString("mod-97"));
        as("admin").contentType(ContentType.JSON).body(Map.of("iban", "FR76300060000112345678901", "bic", "BDFE1234", "version", 1))
                .when().patch(path).then().statusCode(422).body("errors.field", containsInAnyOrder("iban", "bic"));
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("officer", Map.of("name", " ", "firstNames", "Marie", "title", "Présidente"), "version", 1))
                .when().patch(path).then().statusCode(422).body("errors.field", contains("officer.name"));
        as("admin").contentType(ContentType.JSON).body(Map.of("paymentMeans", List.of(), "version", 1))
                .when().patch(path).then().statusCode(422).body("errors.field", contains("paymentMeans"));
        as("admin").contentType(ContentType.JSON).body(Map.of("paymentMeans", List.of("BITCOIN"), "version", 1))
                .when().patch(path).then().statusCode(400).contentType(PROBLEM);
        as("admin").contentType(ContentType.JSON).body(Map.of("validFrom", TODAY.minusDays(1).toString(), "version", 1))
                .when().patch(path).then().statusCode(422).body("code", equalTo("VALID_FROM_IN_PAST"))
                .body("errors.field", contains("validFrom"));
        as("admin").contentType(ContentType.JSON).body(Map.of("validFrom", "03/12/2026", "version", 1))
                .when().patch(path).then().statusCode(400).contentType(PROBLEM);
        as("admin").contentType(ContentType.JSON).body(Map.of("bic", "BDFEFRPP"))
                .when().patch(path).then().statusCode(400).body("errors.field", hasItem("version"));
        as("admin").contentType(ContentType.JSON).body(Map.of("bic", "BDFEFRPP", "version", 0))
                .when().patch(path).then().statusCode(409).body("code", equalTo("STALE_VERSION"));
        // An issuer without settings of its own has none to change: only a first revision (version 0) creates them.
        as("admin").contentType(ContentType.JSON).body(complete("Martin", 1))
                .when().patch("/api/v1/issuers/" + newCode() + "/settings").then().statusCode(404).contentType(PROBLEM);
        // A first revision must state everything.
        as("admin").contentType(ContentType.JSON).body(Map.of("bic", "BDFEFRPP", "version", 0))
                .when().patch("/api/v1/issuers/" + newCode() + "/settings").then().statusCode(422)
                .body("errors.field", hasItem("officer"));
        as("admin").contentType(ContentType.JSON).body(complete("Martin", 0))
                .when().patch("/api/v1/issuers/bad code!/settings").then().statusCode(400).body("errors.field", contains("code"));
        given().queryParam("on", "tomorrow").when().get(path).then().statusCode(400).contentType(PROBLEM);
        // Nothing was written.
        given().when().get(path + "/revisions").then().statusCode(200).body("revision", contains(1))
                .body("iban", contains("FR7630006000011234567890189"));
    }

    @Test
    void onlyAnAdminWritesAndEveryoneReads() {
        String code = newCode();
        String path = "/api/v1/issuers/" + code + "/settings";
        for (String role : List.of("finance", "reader")) {
            as(role).contentType(ContentType.JSON).body(complete("Martin", 0)).when().patch(path).then().statusCode(403)
                    .contentType(PROBLEM);
        }
        as("adherent").header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(complete("Martin", 0)).when().patch(path).then().statusCode(403);
        given().when().get(path + "/revisions").then().statusCode(404);
        for (String role : List.of("finance", "reader")) {
            as(role).when().get("/api/v1/issuers/RESAH/settings").then().statusCode(200);
        }
    }

    /** docs/rules.md, R-4: a titre freezes the officer in force at its issue; a reprint never changes it. */
    @Test
    void aReprintAfterAChangeOfOfficerNamesTheOriginalOfficer() throws IOException {
        SourceServicesStub.reset();
        String code = issuer(30, "Tribunal administratif de Lille");
        String path = "/api/v1/issuers/" + code + "/settings";
        as("admin").contentType(ContentType.JSON).body(complete("Lefebvre", 0)).when().patch(path).then().statusCode(200);
        UUID debtor = debtor("Commune de Lens");
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, code, debtor, "Cotisation",
                TODAY.toString(), TODAY.plusMonths(6).toString(), TODAY.toString(), null, "600.00", "600.00", 30)));
        run(TODAY.toString()).statusCode(201).body("issuedCount", equalTo(1));
        String titre = given().queryParam("issuer", code).when().get("/api/v1/titres").then().extract().path("items[0].id");
        assertThat(printed(titre)).contains("Lefebvre").doesNotContain("Rousseau");

        as("admin").contentType(ContentType.JSON).body(Map.of("version", 1,
                        "officer", Map.of("name", "Rousseau", "firstNames", "Jean", "title", "Président, ordonnateur")))
                .when().patch(path).then().statusCode(200).body("revision", equalTo(2));
        assertThat(printed(titre)).contains("Lefebvre").doesNotContain("Rousseau");

        // A correction issued now names the officer now in force.
        String correction = as("finance").contentType(ContentType.JSON).body(Map.of("reason", "Erreur"))
                .when().post("/api/v1/titres/" + titre + "/cancellation").then().statusCode(201).extract().path("id");
        assertThat(printed(correction)).contains("Rousseau").doesNotContain("Lefebvre");
    }

    static String printed(String titreId) throws IOException {
        byte[] pdf = given().accept("application/pdf").when().get("/api/v1/titres/" + titreId).then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
