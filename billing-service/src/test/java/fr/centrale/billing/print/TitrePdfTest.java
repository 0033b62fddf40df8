package fr.centrale.billing.print;

import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreStatus;
import fr.centrale.billing.api.TitreView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed titre. Set {@code -Dtitre.sample=/tmp/titre-sample.pdf} to keep the worked example's PDF
 * (and {@code …-cancellation.pdf}, {@code …-long.pdf} next to it) and look at it.
 */
class TitrePdfTest {

    static final IssuingOfficer RESAH_OFFICER = new IssuingOfficer("Le directeur général du GIP Resah", "Ordonnateur");
    static final UUID ORIGINAL_ID = UUID.fromString("7171e000-0000-4000-8000-000000000042");

    private final TitrePdf pdf = new TitrePdf();

    /** Worked example 3, second titre: RESAH 2021-008 lot 3, 15/01/2025–30/06/2025, 5,53 months of 2 500,00 €. */
    static TitreView workedExample3() {
        TitreView.Line line = new TitreView.Line(
                "Contribution RESAH 2021-008 lot 3 — Prestations d'assistance à la maîtrise d'œuvre informatique"
                        + " — Lot 3 : POSTES UTILISATEURS — année d'exécution 2",
                "Grille : Départements", LocalDate.of(2025, 1, 15), LocalDate.of(2025, 6, 30),
                new BigDecimal("5.53"), new BigDecimal("2500.00"), new BigDecimal("1152.08"),
                "CONVENTION", UUID.randomUUID(), 2);
        return titre(ORIGINAL_ID, "RESAH-2025-000042", TitreKind.ORIGINAL, List.of(line), new BigDecimal("1152.08"),
                null, null);
    }

    static TitreView titre(UUID id, String number, TitreKind kind, List<TitreView.Line> lines, BigDecimal total,
                           UUID cancels, String reason) {
        return new TitreView(id, number, kind, "RESAH",
                new TitreView.Party("RESAH", "GIP Resah", "13000501000025", "47 rue de Charonne", "75011", "Paris",
                        "Tribunal administratif de Paris"),
                new TitreView.Debtor(UUID.randomUUID(), "Département du Pas-de-Calais", "22620001300012",
                        "Rue Ferdinand Buisson", "62018", "Arras cedex 9", "1300042517", "DSI-ACHATS"),
                2025, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 2, 1),
                "Contribution annuelle à l'accord-cadre RESAH 2021-008 lot 3 (convention du 15/01/2024)",
                lines, total, BigDecimal.ZERO, BigDecimal.ZERO, total, TitreStatus.ISSUED, false, cancels, reason,
                List.of(), List.of());
    }

    @Test
    void workedExample3SecondTitre() throws IOException {
        byte[] bytes = pdf.render(workedExample3(), RESAH_OFFICER);
        keep(bytes, "");

        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = doc.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String text = text(doc);
            assertThat(text)
                    .contains("TITRE DE RECETTES")
                    .contains("RESAH-2025-000042")
                    .contains("Exercice 2025")
                    .contains("Émis le 02/01/2025")
                    .contains("À payer avant le 01/02/2025")
                    .contains("GIP Resah", "SIRET 130 005 010 00025", "47 rue de Charonne", "75011 Paris")
                    .contains("Département du Pas-de-Calais", "SIRET 226 200 013 00012", "62018 Arras cedex 9")
                    .contains("N° d'engagement juridique : 1300042517", "Code service : DSI-ACHATS")
                    .contains("du 15/01/2025")
                    .contains("Grille : Départements")
                    .contains("5,53 mois × 2 500,00 € / 12")
                    .contains("1 152,08 €")
                    .contains("Montants nets de taxe")
                    .contains("d'œuvre informatique")
                    .contains("Le présent titre est rendu exécutoire par le directeur général du GIP Resah, ordonnateur.")
                    .contains("Le directeur général du GIP Resah")
                    .contains("Voies et délais de recours")
                    .contains("deux mois")
                    .contains("Tribunal administratif de Paris")
                    .contains("L. 1617-5")
                    .contains("Page 1/1")
                    .doesNotContain("?");
        }
    }

    @Test
    void cancellationTitre() throws IOException {
        TitreView.Line line = new TitreView.Line("Annulation du titre RESAH-2025-000042", null,
                LocalDate.of(2025, 1, 15), LocalDate.of(2025, 6, 30), null, null, new BigDecimal("1152.08"),
                null, null, null);
        TitreView cancellation = titre(UUID.randomUUID(), "RESAH-2025-000057", TitreKind.CANCELLATION, List.of(line),
                new BigDecimal("1152.08"), ORIGINAL_ID, "Convention résiliée avant le début de la période");
        byte[] bytes = pdf.render(cancellation, RESAH_OFFICER, "RESAH-2025-000042");
        keep(bytes, "-cancellation");

        String text = text(bytes);
        assertThat(text)
                .contains("TITRE D'ANNULATION")
                .contains("Annule le titre n° RESAH-2025-000042")
                .contains("N° RESAH-2025-000057 — Exercice 2025")
                .contains("Motif : Convention résiliée avant le début de la période")
                .contains("Montant annulé")
                .contains("Le présent titre est émis par le directeur général du GIP Resah, ordonnateur.")
                .contains("deux mois")
                .doesNotContain("TITRE DE RECETTES")
                .doesNotContain("À payer avant");

        // Without the corrected titre's number, its id.
        assertThat(text(pdf.render(cancellation, RESAH_OFFICER)))
                .contains("Annule le titre d'identifiant")
                .contains(ORIGINAL_ID.toString());
    }

    @Test
    void reductionTitreAndDefaults() throws IOException {
        TitreView reduction = new TitreView(UUID.randomUUID(), "CAIH-2025-000003", TitreKind.REDUCTION, "CAIH",
                null, null, 2025, LocalDate.of(2025, 3, 4), null, null, null, new BigDecimal("-250.5"),
                null, null, null, null, false, ORIGINAL_ID, null, null, null);
        byte[] bytes = pdf.render(reduction, null, "CAIH-2025-000001");
        keep(bytes, "-reduction");
        String text = text(bytes);
        assertThat(text)
                .contains("TITRE DE RÉDUCTION")
                .contains("Réduit le titre n° CAIH-2025-000001")
                .contains("-250,50 €")
                .contains("par l'ordonnateur.")
                .contains("en saisissant le tribunal administratif compétent");
    }

    @Test
    void manyLinesFlowOntoMorePagesAndOddCharactersAreReplaced() throws IOException {
        List<TitreView.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(new TitreView.Line("Ligne " + i + " “guillemets” — tiret ‘simple’ … 漢字 \uD83D\uDE00",
                    "Cotisation 2025, autres organismes", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                    new BigDecimal("12.00"), new BigDecimal("600.00"), new BigDecimal("600.00"), null, null, i));
        }
        TitreView titre = titre(UUID.randomUUID(), "RESAH-2025-000100", TitreKind.ORIGINAL, lines,
                new BigDecimal("24000.00"), null, null);
        byte[] bytes = pdf.render(titre, RESAH_OFFICER);
        keep(bytes, "-long");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = text(doc);
            assertThat(text)
                    .contains("Ligne 40 “guillemets” — tiret ‘simple’")
                    .contains("… ?? ?")
                    .contains("Montant annuel 600,00 €")
                    .contains("24 000,00 €")
                    .contains("Page 1/" + doc.getNumberOfPages())
                    .contains("deux mois");
        }
    }

    @Test
    void sentences() {
        TitreView titre = workedExample3();
        assertThat(TitrePdf.executory(titre, new IssuingOfficer("Marie Martin", "Directrice générale, ordonnatrice")))
                .isEqualTo("Le présent titre est rendu exécutoire par Marie Martin, directrice générale, ordonnatrice.");
        assertThat(TitrePdf.appeal(titre)).isEqualTo("dans un délai de deux mois suivant la notification du présent "
                + "titre, vous pouvez contester la somme réclamée en saisissant le Tribunal administratif de Paris "
                + "(article L. 1617-5 du code général des collectivités territoriales).");
        TitreView.Line fee = new TitreView.Line("Relèvement du montant maximum", "Relèvement du montant maximum",
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1), null, new BigDecimal("300.00"),
                new BigDecimal("300.00"), null, null, 3);
        assertThat(TitrePdf.basis(fee)).containsExactly("Forfait 300,00\u00A0€");
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return text(doc);
        }
    }

    /** The text, its no-break and narrow no-break spaces read as plain spaces. */
    private static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ');
    }

    private static void keep(byte[] bytes, String suffix) throws IOException {
        String sample = System.getProperty("titre.sample");
        if (sample != null && !sample.isBlank()) {
            Files.write(Path.of(sample.replace(".pdf", suffix + ".pdf")), bytes);
        }
    }
}
