package fr.centrale.billing.facturx;

import fr.centrale.billing.facturx.FacturXInvoice.DocumentType;
import fr.centrale.billing.facturx.FacturXInvoice.Line;
import fr.centrale.billing.facturx.FacturXInvoice.PrecedingInvoice;
import fr.centrale.billing.facturx.FacturXInvoice.Seller;
import fr.centrale.billing.facturx.FacturXInvoice.VatCategory;
import fr.centrale.billing.facturx.FacturXInvoice.VatTotal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static fr.centrale.billing.facturx.Samples.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a Factur-X invoice may state: its amounts add up as docs/rules.md R-1 and EN 16931 ask. */
class FacturXInvoiceTest {

    private static final BigDecimal TWENTY = new BigDecimal("20.00");

    @Test
    void workedExample7AddsUp() {
        // docs/rules.md, worked example 7: "the CAIH titre is 1 500,00 HT + 300,00 VAT = 1 800,00 €; the RESAH titre 1 000,00 €".
        FacturXInvoice caih = Samples.invoiceWithVat();
        FacturXInvoice resah = Samples.invoiceWithoutVat();

        assertThat(caih.lines().get(0).vatAmount()).isEqualByComparingTo("300.00");
        assertThat(caih.totalGross()).isEqualByComparingTo("1800.00");
        assertThat(caih.notSubjectToVat()).isFalse();
        assertThat(resah.lines().get(0).vatAmount()).isEqualByComparingTo("0.00");
        assertThat(resah.totalGross()).isEqualByComparingTo("1000.00");
        assertThat(resah.notSubjectToVat()).isTrue();
        assertThat(resah.currency()).isEqualTo("EUR");
        assertThat(caih.prepaidAmount()).isEqualByComparingTo("0.00");
    }

    @Test
    void eachLineVatIsRoundedHalfUpBeforeTheSum() {
        // docs/rules.md, R-1: "VAT is computed per line, rounded HALF_UP to the cent, then summed per rate".
        Line line = new Line("1", "Frais", null, null, eur("10.03"), VatCategory.STANDARD, TWENTY);
        assertThat(line.vatAmount()).isEqualByComparingTo("2.01");
        assertThat(new Line("2", "Frais", null, null, eur("0.02"), VatCategory.STANDARD, TWENTY).vatAmount())
                .isEqualByComparingTo("0.00");
        assertThat(new Line("3", "Frais", null, null, eur("0.03"), VatCategory.STANDARD, TWENTY).vatAmount())
                .isEqualByComparingTo("0.01");

        assertThat(FacturXWriterTest.twoLinesRoundedPerLine().totalVat()).isEqualByComparingTo("4.02");
        assertThatThrownBy(() -> invoice(List.of(line, new Line("2", "Frais", null, null, eur("10.03"), VatCategory.STANDARD, TWENTY)),
                new VatTotal(VatCategory.STANDARD, TWENTY, eur("20.06"), eur("4.01"), null), eur("20.06"), eur("4.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vatBreakdown S 20.00 %.taxAmount: 4.01 stated, 4.02 from the lines");
    }

    @Test
    void theTotalsAreThoseOfTheBreakdown() {
        Line line = new Line("1", "SO360", null, null, eur("1500.00"), VatCategory.STANDARD, TWENTY);
        VatTotal vat = new VatTotal(VatCategory.STANDARD, TWENTY, eur("1500.00"), eur("300.00"), null);

        assertThatThrownBy(() -> invoice(List.of(line), new VatTotal(VatCategory.STANDARD, TWENTY, eur("1400.00"), eur("300.00"), null),
                eur("1400.00"), eur("300.00")))
                .hasMessageContaining("taxableAmount: 1400.00 stated, 1500.00 from the lines");
        assertThatThrownBy(() -> invoice(List.of(line), vat, eur("1500.00"), eur("299.99")))
                .hasMessageContaining("totalVat: 299.99 stated, 300.00");
        assertThatThrownBy(() -> new FacturXInvoice("T-1", DocumentType.INVOICE, Samples.CAIH_ISSUED, null, Samples.CAIH,
                Samples.BUYER, null, null, List.of(line), List.of(vat), eur("1500.00"), eur("300.00"), eur("1700.00"),
                eur("1700.00"), null, null))
                .hasMessageContaining("totalGross: 1700.00 stated, 1800.00");
        assertThatThrownBy(() -> new FacturXInvoice("T-1", DocumentType.INVOICE, Samples.CAIH_ISSUED, null, Samples.CAIH,
                Samples.BUYER, null, null, List.of(line), List.of(vat), eur("1500.00"), eur("300.00"), eur("1800.00"),
                eur("1800.01"), null, null))
                .hasMessageContaining("amountDue");
        assertThatThrownBy(() -> invoice(List.of(line), new VatTotal(VatCategory.STANDARD, new BigDecimal("5.5"), eur("1500.00"), eur("82.50"), null),
                eur("1500.00"), eur("82.50")))
                .hasMessageContaining("no line has this VAT category and rate");
        FacturXInvoice partlyPaid = new FacturXInvoice("T-1", DocumentType.INVOICE, Samples.CAIH_ISSUED, null, Samples.CAIH,
                Samples.BUYER, null, null, List.of(line), List.of(vat), eur("1500.00"), eur("300.00"), eur("1800.00"),
                eur("800.00"), null, null);
        assertThat(partlyPaid.prepaidAmount()).isEqualByComparingTo("1000.00");
    }

    @Test
    void amountsAreInCents() {
        assertThatThrownBy(() -> new Line("1", "SO360", null, null, new BigDecimal("1500.005"), VatCategory.STANDARD, TWENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1.netAmount: an amount in cents expected, was 1500.005");
        assertThat(new Line("1", "SO360", null, null, new BigDecimal("1500"), VatCategory.STANDARD, new BigDecimal("20")).netAmount())
                .isEqualTo(eur("1500.00"));
    }

    @Test
    void notSubjectToVatMeansNoRateAReasonAndNoOtherCategory() {
        assertThatThrownBy(() -> new Line("1", "Adhésion", null, null, eur("1000.00"), VatCategory.NOT_SUBJECT_TO_VAT, BigDecimal.ZERO))
                .hasMessageContaining("BR-O-05");
        assertThatThrownBy(() -> new Line("1", "SO360", null, null, eur("1000.00"), VatCategory.STANDARD, null))
                .hasMessageContaining("BR-S-05");
        assertThatThrownBy(() -> new VatTotal(VatCategory.NOT_SUBJECT_TO_VAT, null, eur("1000.00"), eur("0.00"), " "))
                .hasMessageContaining("BR-O-10");

        Line taxed = new Line("1", "SO360", null, null, eur("100.00"), VatCategory.STANDARD, TWENTY);
        Line untaxed = new Line("2", "Adhésion", null, null, eur("100.00"), VatCategory.NOT_SUBJECT_TO_VAT, null);
        assertThatThrownBy(() -> new FacturXInvoice("T-1", DocumentType.INVOICE, Samples.CAIH_ISSUED, null, Samples.CAIH,
                Samples.BUYER, null, null, List.of(taxed, untaxed),
                List.of(new VatTotal(VatCategory.STANDARD, TWENTY, eur("100.00"), eur("20.00"), null),
                        new VatTotal(VatCategory.NOT_SUBJECT_TO_VAT, null, eur("100.00"), eur("0.00"), Samples.NO_VAT_MENTION)),
                eur("200.00"), eur("20.00"), eur("220.00"), eur("220.00"), null, null))
                .hasMessageContaining("BR-O-11");
    }

    @Test
    void aStandardRatedLineNeedsTheSellersVatId() {
        Seller withoutVatId = new Seller("CAIH", "77501190000013", Samples.CAIH.address(), null, null, null, null);
        Line line = new Line("1", "SO360", null, null, eur("1500.00"), VatCategory.STANDARD, TWENTY);
        assertThatThrownBy(() -> new FacturXInvoice("T-1", DocumentType.INVOICE, Samples.CAIH_ISSUED, null, withoutVatId,
                Samples.BUYER, null, null, List.of(line),
                List.of(new VatTotal(VatCategory.STANDARD, TWENTY, eur("1500.00"), eur("300.00"), null)),
                eur("1500.00"), eur("300.00"), eur("1800.00"), eur("1800.00"), null, null))
                .hasMessageContaining("seller.vatId").hasMessageContaining("BR-S-02");
    }

    @Test
    void aCreditNoteReferencesTheTitreItCorrectsAndAnInvoiceNone() {
        FacturXInvoice cancellation = Samples.cancellation();
        assertThatThrownBy(() -> new FacturXInvoice(cancellation.number(), DocumentType.CREDIT_NOTE, cancellation.issueDate(), null,
                cancellation.seller(), cancellation.buyer(), null, null, cancellation.lines(), cancellation.vatBreakdown(),
                cancellation.totalNet(), cancellation.totalVat(), cancellation.totalGross(), cancellation.amountDue(), null, null))
                .hasMessageContaining("precedingInvoice");
        assertThatThrownBy(() -> new FacturXInvoice(cancellation.number(), DocumentType.INVOICE, cancellation.issueDate(), null,
                cancellation.seller(), cancellation.buyer(), null, new PrecedingInvoice("CAIH-2022-00042", Samples.CAIH_ISSUED),
                cancellation.lines(), cancellation.vatBreakdown(), cancellation.totalNet(), cancellation.totalVat(),
                cancellation.totalGross(), cancellation.amountDue(), null, null))
                .hasMessageContaining("only a credit note");
        assertThat(DocumentType.INVOICE.code()).isEqualTo("380");
        assertThat(DocumentType.CREDIT_NOTE.code()).isEqualTo("381");
    }

    @Test
    void partiesAndLinesAreComplete() {
        assertThatThrownBy(() -> new Seller("RESAH", "1300050100002", Samples.RESAH.address(), null, null, null, null))
                .hasMessageContaining("seller.siret: 14 digits expected");
        assertThatThrownBy(() -> new FacturXInvoice.Address("1 rue", null, "75011", "Paris", "France"))
                .hasMessageContaining("address.countryCode");
        assertThatThrownBy(() -> new Line("1", "SO360", Samples.CAIH_ISSUED, Samples.CAIH_ISSUED.minusDays(1), eur("1.00"),
                VatCategory.STANDARD, TWENTY))
                .hasMessageContaining("periodEnd");
        Line line = new Line("1", "SO360", null, null, eur("1500.00"), VatCategory.STANDARD, TWENTY);
        VatTotal vat = new VatTotal(VatCategory.STANDARD, TWENTY, eur("3000.00"), eur("600.00"), null);
        assertThatThrownBy(() -> invoice(List.of(line, line), vat, eur("3000.00"), eur("600.00")))
                .hasMessageContaining("line ids must be unique");
        assertThatThrownBy(() -> invoice(List.of(), vat, eur("0.00"), eur("0.00")))
                .hasMessageContaining("BR-16");
    }

    private static FacturXInvoice invoice(List<Line> lines, VatTotal vat, BigDecimal net, BigDecimal tax) {
        return new FacturXInvoice("T-1", DocumentType.INVOICE, Samples.CAIH_ISSUED, null, Samples.CAIH, Samples.BUYER,
                null, null, lines, List.of(vat), net, tax, net.add(tax), net.add(tax), null, null);
    }
}
