package fr.centrale.billing.facturx;

import fr.centrale.billing.facturx.FacturXInvoice.DocumentType;
import fr.centrale.billing.facturx.FacturXInvoice.Line;
import fr.centrale.billing.facturx.FacturXInvoice.VatCategory;
import fr.centrale.billing.facturx.FacturXInvoice.VatTotal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.centrale.billing.facturx.Samples.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Factur-X of each kind of titre (docs/rules.md, R-8): Mustang's validator (veraPDF for the PDF/A-3 part,
 * the EN 16931 schematron for the XML) finds no error, and the XML read back from the PDF states the number,
 * the debtor's SIRET, the EJ and the totals per VAT rate of the invoice.
 */
class FacturXWriterTest {

    /** Where the PDFs and validation reports are left for inspection. */
    private static final Path OUT = Path.of("target", "facturx");

    private final FacturXWriter writer = new FacturXWriter();

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("invoice-vat-20", Samples.invoiceWithVat()),
                Arguments.of("invoice-no-vat", Samples.invoiceWithoutVat()),
                Arguments.of("cancellation", Samples.cancellation()),
                Arguments.of("reduction", Samples.reduction()),
                Arguments.of("two-lines-rounded-per-line", twoLinesRoundedPerLine()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theValidatorFindsNoError(String name, FacturXInvoice invoice) throws Exception {
        byte[] pdf = write(name, invoice);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, name + ".pdf");
        Files.writeString(OUT.resolve(name + "-validation.xml"), report);
        if (invoice.notSubjectToVat() && (report.contains("Item.enrichProductFromVATBreakdown")
                // once the JIT has seen that NPE often, it throws it without its stack trace (OmitStackTraceInFastThrow)
                || report.contains("java.lang.NullPointerException"))) {
            // Mustang 2.25.0's own arithmetic cross-check (a re-import of the XML, besides veraPDF and the EN 16931
            // schematron) throws a NullPointerException on any invoice of VAT category O, whose lines rightly have
            // no rate (BR-O-05): fixed upstream ("Prevent NPE in Item.enrichProductFromVATBreakdown for VAT category
            // O", 8bf14d79), not yet released. Until then such an invoice is validated without that cross-check; the
            // schematron still checks the sums (BR-CO-10 to BR-CO-17, BR-O-08, BR-O-09) and
            // theEmbeddedXmlStatesTheInvoice the amounts. Once Mustang is upgraded, this branch is no longer taken.
            validator = new ZUGFeRDValidator();
            validator.disableArithmeticCheck();
            report = validator.validate(pdf, name + ".pdf");
            Files.writeString(OUT.resolve(name + "-validation-without-arithmetic-check.xml"), report);
        }

        Document parsed = parse(report.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> errors = texts(parsed, "//error | //exception | //fatal");
        assertThat(errors).as("validation errors of %s, report:%n%s", name, report).isEmpty();
        assertThat(texts(parsed, "//summary/@status")).as("summaries of %s", name)
                .isNotEmpty().containsOnly("valid");
        assertThat(texts(parsed, "/validation/pdf/summary/@status")).as("PDF/A-3 part").containsExactly("valid");
        assertThat(validator.wasCompletelyValid()).isTrue();
        assertThat(report).contains("EN16931");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theEmbeddedXmlStatesTheInvoice(String name, FacturXInvoice invoice) throws Exception {
        Document xml = parse(embeddedFacturX(write(name, invoice)));
        String header = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/";

        assertThat(text(xml, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"))
                .isEqualTo("urn:cen.eu:en16931:2017");
        assertThat(text(xml, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID")).isEqualTo(invoice.number());
        assertThat(text(xml, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode")).isEqualTo(invoice.type().code());
        String buyer = header + "ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/";
        assertThat(text(xml, buyer + "ram:GlobalID[@schemeID='0009']")).isEqualTo(Samples.BUYER_SIRET);
        assertThat(text(xml, buyer + "ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']")).isEqualTo(Samples.BUYER_SIRET.substring(0, 9));
        String seller = header + "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/";
        assertThat(text(xml, seller + "ram:GlobalID[@schemeID='0009']")).isEqualTo(invoice.seller().siret());
        assertThat(text(xml, seller + "ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']")).isEqualTo(invoice.seller().siret().substring(0, 9));
        assertThat(text(xml, header + "ram:ApplicableHeaderTradeAgreement/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"))
                .isEqualTo(Samples.EJ);
        assertThat(text(xml, header + "ram:ApplicableHeaderTradeAgreement/ram:BuyerReference")).isEqualTo(Samples.SERVICE_CODE);

        String settlement = header + "ram:ApplicableHeaderTradeSettlement/";
        Map<String, List<BigDecimal>> perRate = new LinkedHashMap<>();
        NodeList taxes = (NodeList) xpath().evaluate(settlement + "ram:ApplicableTradeTax", xml, XPathConstants.NODESET);
        for (int i = 0; i < taxes.getLength(); i++) {
            Element tax = (Element) taxes.item(i);
            perRate.put(text(tax, "ram:CategoryCode") + " " + text(tax, "ram:RateApplicablePercent"),
                    List.of(new BigDecimal(text(tax, "ram:BasisAmount")), new BigDecimal(text(tax, "ram:CalculatedAmount"))));
        }
        Map<String, List<BigDecimal>> expected = new LinkedHashMap<>();
        for (VatTotal total : invoice.vatBreakdown()) {
            String rate = total.rate() == null ? "0.00" : total.rate().toPlainString();
            expected.put(total.category().code() + " " + rate, List.of(total.taxableAmount(), total.taxAmount()));
        }
        assertThat(perRate).as("VAT breakdown: category rate -> [HT, VAT]").isEqualTo(expected);

        String sums = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
        assertThat(amount(xml, sums + "ram:TaxBasisTotalAmount")).isEqualByComparingTo(invoice.totalNet());
        assertThat(amount(xml, sums + "ram:TaxTotalAmount")).isEqualByComparingTo(invoice.totalVat());
        assertThat(amount(xml, sums + "ram:GrandTotalAmount")).isEqualByComparingTo(invoice.totalGross());
        assertThat(amount(xml, sums + "ram:DuePayableAmount")).isEqualByComparingTo(invoice.amountDue());
        assertThat(text(xml, settlement + "ram:InvoiceCurrencyCode")).isEqualTo("EUR");
        assertThat(text(xml, settlement + "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID"))
                .isEqualTo(invoice.seller().iban());

        if (invoice.type() == DocumentType.CREDIT_NOTE) {
            assertThat(text(xml, settlement + "ram:InvoiceReferencedDocument/ram:IssuerAssignedID"))
                    .isEqualTo(invoice.precedingInvoice().number());
        } else {
            assertThat(texts(xml, settlement + "ram:InvoiceReferencedDocument")).isEmpty();
        }
        List<String> sellerVatIds = texts(xml, header + "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']");
        if (invoice.notSubjectToVat()) {
            assertThat(sellerVatIds).as("BR-O-02").isEmpty();
            assertThat(text(xml, settlement + "ram:ApplicableTradeTax/ram:ExemptionReason")).isEqualTo(Samples.NO_VAT_MENTION);
        } else {
            assertThat(sellerVatIds).containsExactly(invoice.seller().vatId());
        }
    }

    @Test
    void eachLineVatIsRoundedBeforeTheSum() throws Exception {
        // docs/rules.md, R-1: 2 x (10,03 x 20 % = 2,006 -> 2,01) = 4,02, where rounding the sum would give 4,01.
        FacturXInvoice invoice = twoLinesRoundedPerLine();
        Document xml = parse(embeddedFacturX(writer.write(invoice, pdfOf(invoice))));

        String sums = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
        assertThat(amount(xml, sums + "ram:TaxTotalAmount")).isEqualByComparingTo("4.02");
        assertThat(amount(xml, sums + "ram:GrandTotalAmount")).isEqualByComparingTo("24.08");
        assertThat(amount(xml, "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CalculatedAmount")).isEqualByComparingTo("4.02");
    }

    @Test
    void theOutputIsAPdfA3KeepingTheInputConformanceWithTheXmlAsItsAlternative() throws Exception {
        FacturXInvoice invoice = Samples.invoiceWithVat();
        byte[] pdf = writer.write(invoice, pdfOf(invoice));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            DomXmpParser parser = new DomXmpParser();
            XMPMetadata xmp = parser.parse(document.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema pdfaId = xmp.getPDFAIdentificationSchema();
            assertThat(pdfaId.getPart()).isEqualTo(3);
            assertThat(pdfaId.getConformance()).isEqualTo("B");
            PDComplexFileSpecification spec = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("factur-x.xml");
            assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Alternative");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void aPdfThatIsNotPdfA3IsRefused() {
        FacturXInvoice invoice = Samples.invoiceWithVat();
        byte[] plain = MinimalPdfA3.create("Titre", List.of("sans PDF/A"), 0);
        byte[] pdfA1 = MinimalPdfA3.create("Titre", List.of("PDF/A-1"), 1);
        byte[] pdfA2 = MinimalPdfA3.create("Titre", List.of("PDF/A-2"), 2);

        assertThatThrownBy(() -> writer.write(invoice, plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no PDF/A conformance");
        assertThatThrownBy(() -> writer.write(invoice, pdfA1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PDF/A-1B");
        assertThatThrownBy(() -> writer.write(invoice, pdfA2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PDF/A-2B");
        assertThatThrownBy(() -> writer.write(invoice, "not a pdf".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable PDF");
    }

    static FacturXInvoice twoLinesRoundedPerLine() {
        BigDecimal twenty = new BigDecimal("20.00");
        return new FacturXInvoice("CAIH-2022-00043", DocumentType.INVOICE, Samples.CAIH_ISSUED,
                Samples.CAIH_ISSUED.plusDays(30), Samples.CAIH, Samples.BUYER, Samples.EJ, null,
                List.of(new Line("1", "Frais de dossier", null, null, eur("10.03"), VatCategory.STANDARD, twenty),
                        new Line("2", "Frais de mise à disposition", null, null, eur("10.03"), VatCategory.STANDARD, twenty)),
                List.of(new VatTotal(VatCategory.STANDARD, twenty, eur("20.06"), eur("4.02"), null)),
                eur("20.06"), eur("4.02"), eur("24.08"), eur("24.08"), "À payer à réception", List.of());
    }

    private byte[] write(String name, FacturXInvoice invoice) throws Exception {
        byte[] pdf = writer.write(invoice, pdfOf(invoice));
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        return pdf;
    }

    static byte[] pdfOf(FacturXInvoice invoice) {
        List<String> lines = new ArrayList<>();
        lines.add(invoice.seller().name() + " - SIRET " + invoice.seller().siret());
        lines.add("Débiteur : " + invoice.buyer().name());
        lines.add("Émis le " + invoice.issueDate() + (invoice.precedingInvoice() == null ? "" : ", corrige le titre " + invoice.precedingInvoice().number()));
        for (Line line : invoice.lines()) {
            lines.add(line.label() + " : " + line.netAmount() + " € HT");
        }
        lines.add("Total HT " + invoice.totalNet() + " €, TVA " + invoice.totalVat() + " €, TTC " + invoice.totalGross() + " €");
        String title = (invoice.type() == DocumentType.INVOICE ? "Titre de recettes n° " : "Titre de correction n° ") + invoice.number();
        return MinimalPdfA3.create(title, lines);
    }

    /** The {@code factur-x.xml} embedded in the PDF, read with PDFBox alone, as a debtor's software would. */
    static byte[] embeddedFacturX(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get("factur-x.xml");
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

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "rsm" -> "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
                    case "ram" -> "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
                    case "udt" -> "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
        return xpath;
    }

    private static String text(Object node, String path) throws Exception {
        List<String> found = texts(node, path);
        assertThat(found).as(path).hasSize(1);
        return found.get(0).trim();
    }

    private static BigDecimal amount(Object node, String path) throws Exception {
        return new BigDecimal(text(node, path));
    }

    private static List<String> texts(Object node, String path) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(path, node, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
