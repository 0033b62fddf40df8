package fr.centrale.billing.document;

import fr.centrale.billing.Titre;
import fr.centrale.billing.domain.SettingsContent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed titre states every mention of docs/rules.md, section 8 and, read back from the PDF
 * with PDFBox. The PDFs are kept in {@code target/documents/} to look at.
 */
class TitreDocumentPdfTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();

    static String text(String name, TitreDocument doc) throws IOException {
        byte[] pdf = RENDERER.pdf(doc);
        Path dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            // PDF/A-3b: an output intent, XMP metadata declaring part 3, every font embedded.
            assertThat(d.getDocumentCatalog().getOutputIntents()).hasSize(1);
            String xmp = new String(d.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part").contains("3");
            for (var page : d.getPages()) {
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            return new PDFTextStripper().getText(d).replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void anOriginalWithoutVatStatesEveryMention() throws IOException {
        Titre titre = Samples.workedExample3();
        String t = text("original-no-vat", TitreDocuments.of(titre, Samples.resahRevision(null), null));
        assertThat(t).contains("TITRE DE RECETTES", "N° RESAH-2025-000042 — Exercice 2025", "Émis le 02/01/2025",
                "À payer avant le 01/02/2025", "GIP Resah", "SIRET 130 005 010 00025", "Département du Pas-de-Calais",
                "N° d'engagement juridique : 1300042517", "Code service : DSI-ACHATS",
                "du 15/01/2025 au 30/06/2025", "Grille : Départements", "5,53 mois × 2 500,00 € / 12", "1 152,08 €",
                // the officer, nom, prénoms, qualité
                "Marie Martin", "Directrice générale du GIP Resah, ordonnatrice",
                // executory formula, imputation, payment details, recourse
                "L. 252 A du livre des procédures fiscales", "Nature 7588", "Service Contributions des adhérents",
                "Agent comptable du GIP Resah", "IBAN FR283000100794C751000000072", "BIC BDFEFRPPCCT", "chèque",
                "deux mois", "Tribunal administratif de Paris", "suspend la force exécutoire", "juge de l'exécution",
                // no VAT, the issuer's mention
                "TVA non applicable, article 256 B du CGI");
        assertThat(t).contains("47 rue de Charonne", "75011 Paris", "62018 Arras cedex 9", "SIRET 226 200 013 00012",
                "d'œuvre informatique", "Page 1/1");
        assertThat(t).doesNotContain("Total TVA").doesNotContain("par délégation");
    }

    @Test
    void aReductionAndManyLinesOnSeveralPages() throws IOException {
        Titre original = Samples.workedExample3();
        Titre reduction = Samples.cancellationOf(original);
        reduction.kind = fr.centrale.billing.TitreKind.REDUCTION;
        reduction.total = new java.math.BigDecimal("250.50");
        reduction.totalHt = reduction.total;
        Samples.netOfTax(reduction.lines.get(0), reduction.total);
        for (int i = 2; i <= 40; i++) {
            fr.centrale.billing.TitreLine l = new fr.centrale.billing.TitreLine();
            l.titre = reduction;
            l.lineNo = i;
            l.label = "Ligne " + i + " “guillemets” — tiret ‘simple’";
            Samples.netOfTax(l, new java.math.BigDecimal("1.00"));
            reduction.lines.add(l);
        }
        String t = text("reduction-long", TitreDocuments.of(reduction, Samples.resahRevision(null), original));
        assertThat(t).contains("TITRE DE RÉDUCTION", "Réduit le titre n° RESAH-2025-000042", "Montant de la réduction (TTC)",
                "250,50 €", "Ligne 40 “guillemets” — tiret ‘simple’", "Page 1/2", "Page 2/2");
        // the table's header is repeated on the second page
        assertThat(t.split("Désignation Période et base de calcul Montant HT TVA Montant TTC", -1)).hasSize(3);
    }

    @Test
    void anOriginalWithVatShowsItPerRateAndTheDelegate() throws IOException {
        String t = text("original-vat", Samples.caihWithVat());
        assertThat(t).contains("CAIH-2023-000007", "Fondement : Convention n° 2022-117 signée le 15/12/2022",
                "TVA 20 %", "1 500,00 €", "300,00 €", "1 800,00 €", "Total HT", "1 750,00 €", "Total TVA", "2 050,00 €",
                // a line without VAT: the mention still applies to it
                "TVA non applicable, article 261 du CGI",
                "Pour Paul Durand, Président de la CAIH, ordonnateur, et par délégation", "Claire Petit",
                "Nature 706 — Fonction 020", "Tribunal administratif de Lyon");
    }

    @Test
    void aCancellationNamesTheOriginal() throws IOException {
        Titre original = Samples.workedExample3();
        Titre cancellation = Samples.cancellationOf(original);
        String t = text("cancellation", TitreDocuments.of(cancellation, Samples.resahRevision(
                new SettingsContent.Person("Durand", "Paul", "Directeur financier")), original));
        assertThat(t).contains("TITRE D'ANNULATION", "N° RESAH-2025-000057", "Annule le titre n° RESAH-2025-000042 du 02/01/2025 (exercice 2025, 1 152,08 €)",
                "Motif : Erreur de catégorie", "Montant annulé (TTC)", "1 152,08 €", "et par délégation", "Paul Durand",
                "L. 252 A", "Tribunal administratif de Paris",
                "Fondement de la créance d'origine : Convention n° 2023-544 signée le 20/12/2023");
        assertThat(t).doesNotContain("À payer avant");
    }

    @Test
    void aMandate673ReferencesTheTitreOfTheClosedYear() throws IOException {
        String t = text("mandat-673", Samples.mandate673());
        assertThat(t).contains("MANDAT DE PAIEMENT", "Compte 673", "RESAH-M673-2025-000003",
                "Annulation ou réduction du titre n° RESAH-2024-000311 du 02/01/2024, exercice clos 2024 (600,00 €)", "Montant du mandat (TTC)", "300,00 €",
                "BÉNÉFICIAIRE", "Marie Martin", "Fondement de la créance d'origine : Bulletin d'adhésion reçu le 15/01/2019");
        assertThat(t).doesNotContain("TITRE DE RECETTES").doesNotContain("Formule exécutoire");
    }

    @Test
    void textFromDataIsEscaped() throws IOException {
        Titre titre = Samples.workedExample3();
        titre.object = "Objet <b>gras</b> & {doc.number}";
        String t = text("escaped", TitreDocuments.of(titre, Samples.resahRevision(null), null));
        assertThat(t).contains("Objet <b>gras</b> & {doc.number}");
    }
}
