package fr.centrale.billing.facturx;

import fr.centrale.billing.facturx.FacturXInvoice.Address;
import fr.centrale.billing.facturx.FacturXInvoice.DocumentType;
import fr.centrale.billing.facturx.FacturXInvoice.Line;
import fr.centrale.billing.facturx.FacturXInvoice.VatCategory;
import fr.centrale.billing.facturx.FacturXInvoice.VatTotal;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.mustangproject.BankDetails;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.ReferencedDocument;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.LineCalculator;
import org.mustangproject.ZUGFeRD.PDFAConformanceLevel;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;

/**
 * Turns a titre's PDF into a Factur-X document (docs/rules.md, R-8): the same PDF, as PDF/A-3, with its
 * invoice as UN/CEFACT CII XML ({@code factur-x.xml}, EN 16931 profile) embedded and declared in its XMP
 * metadata, so that a debtor's Chorus Pro or accounting software reads the titre without retyping it.
 *
 * <p>The XML is written by the Mustang library from its own invoice model, mapped here from a
 * {@link FacturXInvoice}; a titre d'annulation or de réduction is a credit note (381) referencing the titre it
 * corrects. Chorus Pro reads: the SIRET of both parties (party identifier, scheme 0009), the code service
 * (buyer reference, BT-10) and the engagement juridique (order reference, BT-13).
 */
@ApplicationScoped
public class FacturXWriter {

    /** ISO 6523 ICD of the SIRET, the identifier Chorus Pro knows French public bodies by. */
    static final String SIRET_SCHEME = "0009";
    /** ISO 6523 ICD of the SIREN, the legal registration (the SIRET's first 9 digits). */
    static final String SIREN_SCHEME = "0002";
    /** EAS code of a French electronic invoicing address (the SIREN by default). */
    static final String ELECTRONIC_ADDRESS_SCHEME = "0225";
    /** VATEX code of EN 16931 category O, beside the issuer's own mention (BR-O-10). */
    static final String NOT_SUBJECT_TO_VAT_CODE = "VATEX-EU-O";
    /** UN/ECE Recommendation 20 "one": a titre line is one service. */
    static final String UNIT = "C62";

    /**
     * The Factur-X PDF of an invoice.
     *
     * @param invoice what the invoice states
     * @param pdf     the titre as printed: a PDF/A-3, kept at its conformance level (A, U or B)
     * @return the PDF/A-3 with {@code factur-x.xml} embedded
     * @throws IllegalArgumentException when the PDF declares no PDF/A-3 conformance
     */
    public byte[] write(FacturXInvoice invoice, byte[] pdf) {
        PDFAConformanceLevel level = conformance(pdf);
        Invoice cii = toMustang(invoice);
        checkMustangAgrees(invoice, cii);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().load(pdf)) {
            exporter.setProducer("Centrale")
                    .setCreator(invoice.seller().name())
                    .setProfile(Profiles.getByName("EN16931"))
                    .setConformanceLevel(level);
            exporter.setTransaction(cii);
            exporter.export(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Factur-X export of " + invoice.number(), e);
        }
        return out.toByteArray();
    }

    /** The invoice in Mustang's model, from which it writes the CII XML. */
    static Invoice toMustang(FacturXInvoice invoice) {
        Invoice cii = new Invoice()
                .setNumber(invoice.number())
                .setIssueDate(date(invoice.issueDate()))
                .setCurrency(FacturXInvoice.CURRENCY)
                .setSender(seller(invoice))
                .setRecipient(party(invoice.buyer().name(), invoice.buyer().siret(), invoice.buyer().address()));
        if (invoice.type() == DocumentType.CREDIT_NOTE) {
            cii.setCreditNote();
            cii.addInvoiceReferencedDocument(new ReferencedDocument(invoice.precedingInvoice().number(),
                    date(invoice.precedingInvoice().issueDate())));
        }
        if (invoice.dueDate() != null) {
            cii.setDueDate(date(invoice.dueDate()));
        }
        if (invoice.buyer().serviceCode() != null) {
            cii.setReferenceNumber(invoice.buyer().serviceCode());
        }
        if (invoice.orderReference() != null) {
            cii.setBuyerOrderReferencedDocument(new ReferencedDocument(invoice.orderReference()));
        }
        if (invoice.seller().payeeName() != null) {
            cii.setPayee(new TradeParty().setName(invoice.seller().payeeName()));
        }
        if (invoice.paymentTerms() != null) {
            cii.setPaymentTermDescription(invoice.paymentTerms());
        }
        if (invoice.prepaidAmount().signum() != 0) {
            cii.setTotalPrepaidAmount(invoice.prepaidAmount());
        }
        invoice.notes().forEach(cii::addNote);
        for (Line line : invoice.lines()) {
            cii.addItem(item(line, exemptionReason(invoice, line)));
        }
        return cii;
    }

    private static TradeParty seller(FacturXInvoice invoice) {
        FacturXInvoice.Seller seller = invoice.seller();
        TradeParty party = party(seller.name(), seller.siret(), seller.address());
        // BR-O-02: an invoice outside the scope of VAT states no seller VAT identifier.
        if (seller.vatId() != null && !invoice.notSubjectToVat()) {
            party.addVATID(seller.vatId());
        }
        if (seller.iban() != null) {
            party.addBankDetails(new BankDetails(seller.iban(), seller.bic()));
        }
        return party;
    }

    /**
     * A party as the French e-invoicing rules identify it: the SIRET as its identifier (BT-29 / BT-46, scheme
     * 0009, which Chorus Pro routes by), the SIREN as its legal registration (BT-30 / BT-47, scheme 0002,
     * BR-FR-10) and as its electronic address (BT-34 / BT-49, scheme 0225, the default address of the French
     * directory: BR-FR-12, BR-FR-13).
     */
    private static TradeParty party(String name, String siret, Address address) {
        String siren = siret.substring(0, 9);
        TradeParty party = new TradeParty(name, address.line1(), address.postcode(), address.city(), address.countryCode())
                .addGlobalID(new SchemedID(SIRET_SCHEME, siret))
                .setLegalOrganisation(new LegalOrganisation(siren, SIREN_SCHEME))
                .addUriUniversalCommunicationID(new SchemedID(ELECTRONIC_ADDRESS_SCHEME, siren));
        if (address.line2() != null) {
            party.setAdditionalAddress(address.line2());
        }
        return party;
    }

    private static Item item(Line line, String exemptionReason) {
        Product product = new Product(line.label(), null, UNIT, BigDecimal.ZERO)
                .setTaxCategoryCode(line.vatCategory().code());
        if (line.vatCategory() == VatCategory.STANDARD) {
            product.setVATPercent(line.vatRate());
        } else {
            product.setTaxExemptionReason(exemptionReason).setTaxExemptionReasonCode(NOT_SUBJECT_TO_VAT_CODE);
        }
        // BR-27: the net price is never negative, so a negative line is minus one unit at its absolute amount.
        BigDecimal quantity = line.netAmount().signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        Item item = new RoundedVatItem(product, line.netAmount().abs(), quantity, line.vatAmount());
        item.setId(line.id());
        if (line.periodStart() != null || line.periodEnd() != null) {
            item.setDetailedDeliveryPeriod(date(line.periodStart()), date(line.periodEnd()));
        }
        return item;
    }

    private static String exemptionReason(FacturXInvoice invoice, Line line) {
        return invoice.vatBreakdown().stream()
                .filter(total -> total.category() == line.vatCategory())
                .map(VatTotal::exemptionReason)
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * Mustang computes the XML's totals from the lines; they must be those the titre prints. The invoice
     * already checked its own arithmetic, so a difference here is a mapping error, never the caller's.
     */
    private static void checkMustangAgrees(FacturXInvoice invoice, Invoice cii) {
        TransactionCalculator calc = new TransactionCalculator(cii);
        if (calc.getTaxBasis().compareTo(invoice.totalNet()) != 0
                || calc.getGrandTotal().compareTo(invoice.totalGross()) != 0
                || calc.getDuePayable().compareTo(invoice.amountDue()) != 0) {
            throw new IllegalStateException("Factur-X of " + invoice.number() + ": the XML would state HT "
                    + calc.getTaxBasis() + ", TTC " + calc.getGrandTotal() + ", due " + calc.getDuePayable()
                    + " where the titre states " + invoice.totalNet() + ", " + invoice.totalGross() + ", " + invoice.amountDue());
        }
    }

    /** The conformance level (A, U or B) the PDF declares in its XMP metadata, kept by the export. */
    static PDFAConformanceLevel conformance(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            PDFAIdentificationSchema pdfaId = null;
            if (metadata != null) {
                DomXmpParser parser = new DomXmpParser();
                parser.setStrictParsing(false);
                try (InputStream xmp = metadata.createInputStream()) {
                    XMPMetadata parsed = parser.parse(xmp);
                    pdfaId = parsed.getPDFAIdentificationSchema();
                }
            }
            if (pdfaId == null || pdfaId.getPart() == null || pdfaId.getPart() != 3 || pdfaId.getConformance() == null) {
                throw new IllegalArgumentException("pdf: a PDF/A-3 is required (Factur-X embeds its XML as a PDF/A-3 "
                        + "associated file), its XMP metadata declares "
                        + (pdfaId == null ? "no PDF/A conformance" : "PDF/A-" + pdfaId.getPart() + pdfaId.getConformance()));
            }
            return PDFAConformanceLevel.findByLetter(pdfaId.getConformance().toUpperCase());
        } catch (XmpParsingException e) {
            throw new IllegalArgumentException("pdf: unreadable XMP metadata: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("pdf: not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** Mustang writes dates in the JVM's zone; noon keeps the calendar day whatever the zone's offset. */
    private static Date date(LocalDate day) {
        if (day == null) {
            return null;
        }
        return Date.from(day.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
    }

    /**
     * Mustang adds up the unrounded VAT of the lines of a rate; docs/rules.md R-1 rounds each line's VAT
     * HALF_UP to the cent first, then adds them up. This item hands Mustang the rounded line VAT, so that the
     * XML's breakdown and totals are the printed ones (EN 16931 BR-CO-17 allows the cent of difference); a correction's
     * line gives the VAT it states (FacturXInvoice.Line#statedVat).
     */
    static final class RoundedVatItem extends Item {
        /** The line's VAT as the titre states it (FacturXInvoice.Line#vatAmount): net × rate rounded, or as stated. */
        private final BigDecimal vat;

        RoundedVatItem(Product product, BigDecimal price, BigDecimal quantity, BigDecimal vat) {
            super(product, price, quantity);
            this.vat = vat;
        }

        @Override
        public LineCalculator getCalculation() {
            BigDecimal stated = vat;
            LineCalculator calculation = new LineCalculator(this) {
                {
                    itemTotalVATAmount = stated == null ? itemTotalVATAmount.setScale(2, RoundingMode.HALF_UP) : stated;
                }
            };
            return calculation;
        }
    }
}
