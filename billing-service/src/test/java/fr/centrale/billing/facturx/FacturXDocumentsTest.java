package fr.centrale.billing.facturx;

import fr.centrale.billing.Titre;
import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.document.TitreDocuments;
import fr.centrale.billing.facturx.FacturXInvoice.DocumentType;
import fr.centrale.billing.facturx.FacturXInvoice.VatCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/rules.md, R-8: the printed titre's document model as the invoice its Factur-X states, in one place. */
class FacturXDocumentsTest {

    private static final String RESAH_SIRET = "13000501000025";

    private static TitreDocument workedExample3() {
        Titre t = fr.centrale.billing.document.Samples.workedExample3();
        t.issuerSiret = RESAH_SIRET;
        return TitreDocuments.of(t, fr.centrale.billing.document.Samples.resahRevision(null), null, "RESAH-2025-B-000001");
    }

    @Test
    void aTitreWithoutVatIsAnInvoiceOutsideTheScopeOfVat() {
        TitreDocument doc = workedExample3();
        FacturXInvoice invoice = FacturXDocuments.of(doc);
        assertThat(invoice.type()).isEqualTo(DocumentType.INVOICE);
        assertThat(invoice.number()).isEqualTo("RESAH-2025-000042");
        assertThat(invoice.issueDate()).isEqualTo(doc.issuedOn());
        assertThat(invoice.dueDate()).isEqualTo(doc.dueOn());
        assertThat(invoice.seller().siret()).isEqualTo(RESAH_SIRET);
        assertThat(invoice.seller().vatId()).as("BR-O-02").isNull();
        assertThat(invoice.seller().iban()).isEqualTo(doc.settings().iban());
        assertThat(invoice.seller().payeeName()).isEqualTo("Agent comptable du GIP Resah");
        assertThat(invoice.buyer().siret()).isEqualTo("22620001300012");
        assertThat(invoice.buyer().serviceCode()).isEqualTo("DSI-ACHATS");
        assertThat(invoice.orderReference()).isEqualTo("1300042517");
        assertThat(invoice.lines()).singleElement().satisfies(l -> {
            assertThat(l.vatCategory()).isEqualTo(VatCategory.NOT_SUBJECT_TO_VAT);
            assertThat(l.netAmount()).isEqualByComparingTo("1152.08");
        });
        assertThat(invoice.vatBreakdown()).singleElement().satisfies(v -> {
            assertThat(v.category()).isEqualTo(VatCategory.NOT_SUBJECT_TO_VAT);
            assertThat(v.exemptionReason()).isEqualTo("TVA non applicable, article 256 B du CGI");
        });
        assertThat(invoice.totalGross()).isEqualByComparingTo("1152.08");
        assertThat(invoice.amountDue()).isEqualByComparingTo("1152.08");
        assertThat(invoice.notes()).contains(doc.settings().executoryFormula(), doc.settings().recourse(),
                "Bordereau n° RESAH-2025-B-000001");
    }

    @Test
    void aCancellationIsACreditNoteReferencingTheTitre() {
        Titre original = fr.centrale.billing.document.Samples.workedExample3();
        Titre cancellation = fr.centrale.billing.document.Samples.cancellationOf(original);
        cancellation.issuerSiret = RESAH_SIRET;
        FacturXInvoice invoice = FacturXDocuments.of(TitreDocuments.of(cancellation,
                fr.centrale.billing.document.Samples.resahRevision(null), original));
        assertThat(invoice.type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(invoice.precedingInvoice().number()).isEqualTo("RESAH-2025-000042");
        assertThat(invoice.precedingInvoice().issueDate()).isEqualTo(original.issuedOn);
        assertThat(invoice.dueDate()).isNull();
        assertThat(invoice.totalGross()).isEqualByComparingTo(original.total);
        assertThat(invoice.notes()).doesNotContain(fr.centrale.billing.document.Samples.resah(null).executoryFormula());
    }

    @Test
    void aTitreWithVatStatesTheIssuersVatNumberAndItsRate() {
        TitreDocument caih = fr.centrale.billing.document.Samples.caihWithVat();
        // One line at 20 % only (a titre has one line per rate of its source).
        TitreDocument doc = new TitreDocument(caih.kind(), caih.number(), caih.fiscalYear(), caih.issuedOn(), caih.dueOn(),
                new TitreDocument.Party("CAIH", caih.issuer().name(), "77501190000013", caih.issuer().street(), caih.issuer().postalCode(),
                        caih.issuer().city(), caih.issuer().court()),
                caih.debtor(), caih.object(), null, List.of(caih.lines().get(0)), new BigDecimal("1500.00"), new BigDecimal("300.00"),
                new BigDecimal("1800.00"), caih.vatByRate(), false, caih.settings(), null, null);
        FacturXInvoice invoice = FacturXDocuments.of(doc);
        assertThat(invoice.seller().vatId()).isEqualTo(FacturXDocuments.vatNumber("775011900"));
        assertThat(invoice.lines()).singleElement().satisfies(l -> {
            assertThat(l.vatCategory()).isEqualTo(VatCategory.STANDARD);
            assertThat(l.vatRate()).isEqualByComparingTo("20");
            assertThat(l.vatAmount()).isEqualByComparingTo("300.00");
        });
        assertThat(invoice.vatBreakdown()).singleElement().satisfies(v -> {
            assertThat(v.taxableAmount()).isEqualByComparingTo("1500.00");
            assertThat(v.taxAmount()).isEqualByComparingTo("300.00");
        });
        assertThat(invoice.totalVat()).isEqualByComparingTo("300.00");
    }

    @Test
    void theFrenchVatNumberFollowsFromTheSiren() {
        // The example of the tax administration: SIREN 404 833 048, key 83.
        assertThat(FacturXDocuments.vatNumber("404833048")).isEqualTo("FR83404833048");
        assertThat(FacturXDocuments.vatNumber("000000001")).isEqualTo("FR15000000001");
        assertThatThrownBy(() -> FacturXDocuments.vatNumber("4048330")).isInstanceOf(FacturXDocuments.NotAnInvoice.class);
    }

    @Test
    void whatCannotBeAnInvoiceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> FacturXDocuments.of(fr.centrale.billing.document.Samples.mandate673()))
                .isInstanceOfSatisfying(FacturXDocuments.NotAnInvoice.class, e -> assertThat(e.field()).isEqualTo("kind"));
        // No issuer SIRET.
        assertThatThrownBy(() -> FacturXDocuments.of(fr.centrale.billing.document.Samples.caihWithVat()))
                .isInstanceOfSatisfying(FacturXDocuments.NotAnInvoice.class, e -> assertThat(e.field()).isEqualTo("issuer.siret"));
        Titre t = fr.centrale.billing.document.Samples.workedExample3();
        t.issuerSiret = RESAH_SIRET;
        t.debtorSiret = null;
        assertThatThrownBy(() -> FacturXDocuments.of(TitreDocuments.of(t, fr.centrale.billing.document.Samples.resahRevision(null), null)))
                .isInstanceOfSatisfying(FacturXDocuments.NotAnInvoice.class, e -> assertThat(e.field()).isEqualTo("debtor.siret"));
    }
}
