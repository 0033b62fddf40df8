package fr.centrale.billing.rest;

import fr.centrale.billing.pes.PesRetours;
import fr.centrale.billing.pes.PesSchemas;
import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * PES V2 through the API (issue 17): a run's bordereau exported as a PES_Aller valid against PES_Aller.xsd, and the
 * comptable's PES_Retour recorded as payments once, with partial and full receipts, the same file twice, unknown and
 * mismatched lines, and files the schema refuses.
 */
@QuarkusTest
class PesResourceTest {

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

    private static RequestSpecification as(String roles) {
        return given().header(IdentityFilter.USER, "comptable@example.fr").header(IdentityFilter.ROLES, roles);
    }

    /** An issuer of its own with Hélios codes of its own (IdColl, CodCol, CodBud), in force from today. */
    private record Budget(String issuer, String idColl, String codCol, String codBud) {
    }

    private static Budget issuerWithHelios() {
        String code = issuer(30, "Tribunal administratif de Lille");
        String idColl = String.valueOf(10_000_000_000_000L + ThreadLocalRandom.current().nextLong(89_999_999_999_999L));
        String codCol = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String codBud = String.format("%02d", ThreadLocalRandom.current().nextInt(100));
        Map<String, Object> body = IssuerSettingsResourceTest.complete("Martin", 0);
        body.put("helios", Map.of("postingCode", "062009", "collectivityId", idColl, "collectivityCode", codCol,
                "budgetCode", codBud, "productCode", "CTB", "budgetLabel", "BUDGET PRINCIPAL"));
        as("admin").contentType(ContentType.JSON).body(body).when().patch("/api/v1/issuers/" + code + "/settings")
                .then().statusCode(200);
        return new Budget(code, idColl, codCol, codBud);
    }

    private static UUID debtor(String name, String category) {
        UUID id = UUID.randomUUID();
        SourceServicesStub.stubOrganisation(id, name, "22620001200012", "Hôtel du Département, rue Ferdinand Buisson",
                "62018", "Arras cedex", "2300004512", "DSI", category);
        return id;
    }

    private static long serial(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private static Map<String, Object> titreOf(String issuer, UUID debtor) {
        return given().queryParam("issuer", issuer).queryParam("debtorId", debtor).when().get("/api/v1/titres").then()
                .statusCode(200).body("items", hasSize(1)).extract().path("items[0]");
    }

    @Test
    void aRunsBordereauGoesOutAsPesAndItsReceiptsComeBack() throws Exception {
        today("2025-01-02");
        Budget b = issuerWithHelios();
        UUID departement = debtor("Département du Pas-de-Calais", "DEPARTEMENT");
        UUID association = debtor("Association Les Papillons Blancs", "ESPIC");
        SourceServicesStub.stubConventionFeed(List.of(
                LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), b.issuer(), departement,
                        "Contribution 2025 (TVA)", "2025-01-02", "1500.00", BillableItem.Taxation.BEFORE_VAT, "20.00",
                        "EJ-2025-0042", "SERV-DSI", "Convention 2024-117 signée le 15/12/2024"),
                LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), b.issuer(), association,
                        "Contribution 2025", "2025-01-02", "600.00", null, null, null, null, "Délibération du 12/10/2024")));
        String runId = run("2025-01-02").statusCode(201).body("issuedCount", equalTo(2)).extract().path("id");

        Response file = as("finance").queryParam("issuer", b.issuer()).queryParam("year", 2025)
                .when().get("/api/v1/billing-runs/{id}/pes", runId);
        file.then().statusCode(200).contentType(containsString("application/xml"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"PESALR1_" + b.idColl() + "_" + b.codCol()
                        + "_" + b.codBud() + "_062009_2025_B0000001_ORD\\.xml\""));
        byte[] xml = file.asByteArray();
        PesSchemas.validateAller(xml);
        String text = new String(xml, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
                .contains("<NbrPce V=\"2\"/>", "<MtBordHt V=\"2100.00\"/>", "<MtBordTVA V=\"300.00\"/>",
                        "<NumeroEngagement V=\"EJ-2025-0042\"/>", "<CodeService V=\"SERV-DSI\"/>", "<CatTiers V=\"22\"/>",
                        "<CatTiers V=\"60\"/>", "<TypeFact V=\"09\"/>", "<TypePJ V=\"002\"/>", "Département du Pas-de-Calais");
        assertThat(text.split("<FactureIndiv>", -1)).as("one ASAP, for the public debtor only").hasSize(2);
        assertThat(text.split("<PJ>", -1)).as("each titre's PDF").hasSize(3);
        byte[] light = as("reader").queryParam("issuer", b.issuer()).queryParam("year", 2025).queryParam("pdf", false)
                .when().get("/api/v1/billing-runs/{id}/pes", runId).then().statusCode(200).extract().asByteArray();
        PesSchemas.validateAller(light);
        assertThat(new String(light, StandardCharsets.ISO_8859_1)).doesNotContain("<PES_PJ>");

        // The comptable's receipts: part of the department's titre, all of the association's, and lines that match nothing.
        Map<String, Object> dep = titreOf(b.issuer(), departement);
        Map<String, Object> asso = titreOf(b.issuer(), association);
        long depSerial = serial((String) dep.get("number"));
        long assoSerial = serial((String) asso.get("number"));
        byte[] retour = new PesRetours(b.idColl(), b.codCol(), b.codBud())
                .paid(2025, 1, depSerial, 1, LocalDate.of(2025, 2, 3), "1000.00")
                .paid(2025, 1, assoSerial, 1, LocalDate.of(2025, 2, 4), "600.00")
                .paid(2025, 1, 999_999, 1, LocalDate.of(2025, 2, 4), "10.00")
                .paid(2025, 2, depSerial, 1, LocalDate.of(2025, 2, 4), "10.00")
                .emargement(2025, 1, depSerial, 1, "07", LocalDate.of(2025, 2, 5), "10.00").bytes();

        as("finance").contentType("application/xml").body(retour).when().post("/api/v1/pes/retours").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("issuer", equalTo(b.issuer())).body("recordedCount", equalTo(2)).body("alreadyRecordedCount", equalTo(0))
                .body("refusedCount", equalTo(3))
                .body("recorded.titreNumber", containsInAnyOrder(dep.get("number"), asso.get("number")))
                .body("refused.code", containsInAnyOrder("UNKNOWN_TITRE", "BORDEREAU_MISMATCH", "NOT_A_PAYMENT"));
        given().when().get("/api/v1/titres/{id}", dep.get("id")).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_PAID")).body("paidAmount", equalTo(1000.00f))
                .body("remainingAmount", equalTo(800.00f)).body("payments[0].reference", containsString("PES " + b.issuer() + " 2025 B1 T"));
        given().when().get("/api/v1/titres/{id}", asso.get("id")).then().statusCode(200).body("status", equalTo("PAID"));

        // The same file again records nothing new.
        as("admin").contentType("application/xml").body(retour).when().post("/api/v1/pes/retours").then().statusCode(200)
                .body("recordedCount", equalTo(0)).body("alreadyRecordedCount", equalTo(2)).body("refusedCount", equalTo(3));
        given().when().get("/api/v1/titres/{id}", dep.get("id")).then().body("paidAmount", equalTo(1000.00f))
                .body("payments", hasSize(1));

        // A later file repeating the first receipt and paying the rest: only the rest is new; an overpayment is refused.
        byte[] later = new PesRetours(b.idColl(), b.codCol(), b.codBud())
                .paid(2025, 1, depSerial, 1, LocalDate.of(2025, 2, 3), "1000.00")
                .paid(2025, 1, depSerial, 1, LocalDate.of(2025, 3, 1), "800.00")
                .paid(2025, 1, depSerial, 1, LocalDate.of(2025, 3, 2), "0.01").bytes();
        as("finance").contentType("application/xml").body(later).when().post("/api/v1/pes/retours").then().statusCode(200)
                .body("recordedCount", equalTo(1)).body("alreadyRecordedCount", equalTo(1)).body("refused.code", containsInAnyOrder("OVERPAYMENT"));
        given().when().get("/api/v1/titres/{id}", dep.get("id")).then().body("status", equalTo("PAID"))
                .body("paidAmount", equalTo(1800.00f));
    }

    /** A titre paid in two receipts of the same file: both recorded (the first one counted once), a third one beyond it refused. */
    @Test
    void aTitrePaidInTwoReceiptsOfOneFileIsPaid() {
        today("2025-01-02");
        Budget b = issuerWithHelios();
        UUID commune = debtor("Commune de Liévin", "COMMUNE");
        SourceServicesStub.stubConventionFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(),
                b.issuer(), commune, "Contribution 2025", "2025-01-02", "600.00", null, null, null, null, null)));
        run("2025-01-02").statusCode(201).body("issuedCount", equalTo(1));
        Map<String, Object> titre = titreOf(b.issuer(), commune);
        long serial = serial((String) titre.get("number"));
        byte[] retour = new PesRetours(b.idColl(), b.codCol(), b.codBud())
                .paid(2025, 1, serial, 1, LocalDate.of(2025, 2, 3), "200.00")
                .paid(2025, 1, serial, 1, LocalDate.of(2025, 3, 3), "400.00")
                .paid(2025, 1, serial, 1, LocalDate.of(2025, 3, 4), "0.01").bytes();

        as("finance").contentType("application/xml").body(retour).when().post("/api/v1/pes/retours").then().statusCode(200)
                .body("recordedCount", equalTo(2)).body("refusedCount", equalTo(1))
                .body("recorded.amount", containsInAnyOrder(200.00f, 400.00f))
                .body("refused[0].code", equalTo("OVERPAYMENT")).body("refused[0].amount", equalTo(0.01f));
        given().when().get("/api/v1/titres/{id}", titre.get("id")).then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidAmount", equalTo(600.00f)).body("payments", hasSize(2));
    }

    /** the bordereau table is what PES exports: a run's bordereau (ordinary) and a correction's (ANR). */
    @Test
    void eachBordereauGoesOutAsPesUnderItsOwnNumber_aCorrectionsAsABordereauDAnnulation() throws Exception {
        today("2025-01-02");
        Budget b = issuerWithHelios();
        UUID departement = debtor("Département du Nord", "DEPARTEMENT");
        SourceServicesStub.stubConventionFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(),
                b.issuer(), departement, "Contribution 2025 (TVA)", "2025-01-02", "1500.00", BillableItem.Taxation.BEFORE_VAT,
                "20.00", "EJ-2025-0099", "SERV-DSI", "Convention 2024-118 signée le 16/12/2024")));
        run("2025-01-02").statusCode(201).body("issuedCount", equalTo(1));
        Map<String, Object> titre = titreOf(b.issuer(), departement);
        @SuppressWarnings("unchecked")
        String bordereau = (String) ((Map<String, Object>) titre.get("bordereau")).get("id");

        Response file = as("reader").when().get("/api/v1/bordereaux/{id}/pes", bordereau);
        file.then().statusCode(200).header("Content-Disposition", matchesPattern(
                "attachment; filename=\"PESALR1_" + b.idColl() + "_" + b.codCol() + "_" + b.codBud() + "_062009_2025_B0000001_ORD\\.xml\""));
        PesSchemas.validateAller(file.asByteArray());
        assertThat(new String(file.asByteArray(), StandardCharsets.ISO_8859_1)).contains("<MtBordHt V=\"1500.00\"/>",
                "<MtBordTVA V=\"300.00\"/>", "<NumeroEngagement V=\"EJ-2025-0099\"/>");

        // A reduction within the year: a titre de réduction on a bordereau of its own, the issuer's second of 2025.
        String reduction = as("admin").contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "Erreur de montant", "amount", "600.00"))
                .when().post("/api/v1/titres/{id}/cancellation", titre.get("id")).then().statusCode(201)
                .body("kind", equalTo("REDUCTION")).extract().path("bordereau.id");
        Response correction = as("finance").queryParam("pdf", false).when().get("/api/v1/bordereaux/{id}/pes", reduction);
        correction.then().statusCode(200).header("Content-Disposition", matchesPattern(
                "attachment; filename=\"PESALR1_" + b.idColl() + "_" + b.codCol() + "_" + b.codBud() + "_062009_2025_B0000002_ANR\\.xml\""));
        PesSchemas.validateAller(correction.asByteArray());
        assertThat(new String(correction.asByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("<PES_PJ>");

        // Bad inputs and roles.
        given().when().get("/api/v1/bordereaux/{id}/pes", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/bordereaux/{id}/pes", "not-a-bordereau").then().statusCode(404).contentType(PROBLEM);
        given().queryParam("pdf", "peut-être").when().get("/api/v1/bordereaux/{id}/pes", bordereau).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", containsInAnyOrder("pdf"));
        given().header(IdentityFilter.USER, "someone").header(IdentityFilter.ROLES, "adherent")
                .header(IdentityFilter.ORGANISATION, departement.toString())
                .when().get("/api/v1/bordereaux/{id}/pes", bordereau).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void badInputsAnswerProblemsAndRecordNothing() {
        today("2025-01-02");
        Budget b = issuerWithHelios();
        UUID departement = debtor("Département du Nord", "DEPARTEMENT");
        SourceServicesStub.stubConventionFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(),
                b.issuer(), departement, "Contribution 2025", "2025-01-02", "600.00", null, null, null, null, null)));
        String runId = run("2025-01-02").statusCode(201).extract().path("id");
        String pes = "/api/v1/billing-runs/{id}/pes";

        given().queryParam("issuer", b.issuer()).queryParam("year", 2025).when().get(pes, UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().queryParam("issuer", b.issuer()).queryParam("year", 2025).when().get(pes, "not-a-run")
                .then().statusCode(404).contentType(PROBLEM);
        given().queryParam("year", 2025).when().get(pes, runId).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("issuer"));
        given().queryParam("issuer", b.issuer()).queryParam("year", "deux-mille").when().get(pes, runId)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("year"));
        given().queryParam("issuer", b.issuer()).when().get(pes, runId).then().statusCode(400).body("errors.field", containsInAnyOrder("year"));
        given().queryParam("issuer", b.issuer()).queryParam("year", 2025).queryParam("pdf", "peut-être").when().get(pes, runId)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("pdf"));
        given().queryParam("issuer", b.issuer()).queryParam("year", 2024).when().get(pes, runId).then().statusCode(404);
        given().queryParam("issuer", "RESAH").queryParam("year", 2025).when().get(pes, runId).then().statusCode(404);

        // An issuer without Hélios codes (DEFAULT's settings have none).
        String bare = issuer(30, "Tribunal administratif de Lille");
        SourceServicesStub.stubConventionFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(),
                bare, departement, "Contribution 2025", "2025-01-02", "600.00", null, null, null, null, null)));
        String bareRun = run("2025-01-02").statusCode(201).extract().path("id");
        given().queryParam("issuer", bare).queryParam("year", 2025).when().get(pes, bareRun).then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("PES_HELIOS_CODES_MISSING"));

        // A debtor whose category membership-service does not give.
        UUID unknown = debtor("Organisme inconnu", "PLANET");
        SourceServicesStub.stubConventionFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(),
                b.issuer(), unknown, "Contribution 2025", "2025-01-02", "600.00", null, null, null, null, null)));
        String otherRun = run("2025-01-02").statusCode(201).body("issuedCount", equalTo(1)).extract().path("id");
        given().queryParam("issuer", b.issuer()).queryParam("year", 2025).when().get(pes, otherRun).then().statusCode(422)
                .body("code", equalTo("PES_DEBTOR_CATEGORY_UNKNOWN"));

        // PES_Retour: not XML, not valid, empty, another budget, another media type, another role.
        Map<String, Object> titre = titreOf(b.issuer(), departement);
        String retours = "/api/v1/pes/retours";
        given().contentType("application/xml").body("<PES_Retour>".getBytes(StandardCharsets.UTF_8)).when().post(retours).then()
                .statusCode(422).contentType(PROBLEM).body("code", equalTo("PES_INVALID"))
                .body("detail", containsString("PES_V2/RETOUR/Rev0/PES_Retour.xsd")).body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
        String valid = new PesRetours(b.idColl(), b.codCol(), b.codBud())
                .paid(2025, 1, serial((String) titre.get("number")), 1, LocalDate.of(2025, 2, 3), "100.00").xml();
        given().contentType("application/xml").body(valid.replace("<NatInf V=\"2\"/>", "<NatInf V=\"9\"/>").getBytes(StandardCharsets.ISO_8859_1))
                .when().post(retours).then().statusCode(422).body("code", equalTo("PES_INVALID")).body("detail", containsString("NatInf"));
        given().contentType("application/xml").body(new byte[0]).when().post(retours).then().statusCode(422)
                .body("code", equalTo("PES_INVALID"));
        given().contentType("application/xml").body(new PesRetours("99999999999999", "999", "99")
                        .paid(2025, 1, 1, 1, LocalDate.of(2025, 2, 3), "100.00").bytes())
                .when().post(retours).then().statusCode(422).body("code", equalTo("PES_UNKNOWN_BUDGET"));
        given().contentType(ContentType.JSON).body("{}").when().post(retours).then().statusCode(415);
        as("reader").contentType("application/xml").body(valid.getBytes(StandardCharsets.ISO_8859_1)).when().post(retours)
                .then().statusCode(403).contentType(PROBLEM);
        as("adherent").header(IdentityFilter.ORGANISATION, departement.toString()).contentType("application/xml")
                .body(valid.getBytes(StandardCharsets.ISO_8859_1)).when().post(retours).then().statusCode(403);
        given().when().get("/api/v1/titres/{id}", titre.get("id")).then().body("payments", hasSize(0)).body("status", equalTo("ISSUED"));
    }
}
