package fr.centrale.billing.print;

import fr.centrale.billing.TitreKind;
import fr.centrale.billing.api.TitreView;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static fr.centrale.billing.print.FrenchFormat.NBSP;

/**
 * The printable titre de recettes (or titre d'annulation / de réduction), as a PDF: A4 portrait,
 * in French. Besides the number, dates, issuer, debtor, object, lines and total, it states what
 * French law asks a titre to state (DOMAIN.md section 8): the basis of calculation of each line
 * (tariff row, period, proration months), the name and role of the issuing officer, and the voies
 * et délais de recours (two months, before the issuer's administrative court).
 *
 * <p>Text is set in Liberation Sans (SIL Open Font License, {@code src/main/resources/print/fonts}),
 * embedded as a subset, so that every French character, the narrow no-break space of amounts and
 * the euro sign render; a character the font lacks is replaced by a close equivalent or "?", never
 * by an error. The document is the titre as issued: payments and corrections that came later do not
 * change it.
 */
@ApplicationScoped
public class TitrePdf {

    static final String DEFAULT_COURT = "tribunal administratif compétent";

    private static final String FONT_DIR = "/print/fonts/";
    private static final byte[] REGULAR = fontBytes("LiberationSans-Regular.ttf");
    private static final byte[] BOLD = fontBytes("LiberationSans-Bold.ttf");

    private static final float LEFT = 50f;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 50f;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = PDRectangle.A4.getHeight() - 50f;
    private static final float BOTTOM = 62f;
    private static final float FOOTER = 34f;

    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color GREY = new Color(0x5f, 0x63, 0x68);
    private static final Color RULE = new Color(0xb8, 0xbc, 0xc2);
    private static final Color SHADE = new Color(0xed, 0xef, 0xf2);
    private static final Color ACCENT = new Color(0x1f, 0x3a, 0x5f);

    /** Table columns: désignation, période, base de calcul, montant. */
    private static final float[] COLUMNS = {160f, 90f, 165f, WIDTH - 160f - 90f - 165f};
    private static final float PAD = 5f;

    /** The titre as a PDF; a correction names the titre it corrects by its id only (see the 3-argument form). */
    public byte[] render(TitreView titre, IssuingOfficer officer) {
        return render(titre, officer, null);
    }

    /**
     * The titre as a PDF.
     *
     * @param titre           the titre
     * @param officer         who renders it executory; null: "L'ordonnateur"
     * @param correctedNumber for a cancellation or reduction, the number of the titre it corrects
     *                        ({@link TitreView#cancels()} is only its id); null when unknown
     */
    public byte[] render(TitreView titre, IssuingOfficer officer, String correctedNumber) {
        Objects.requireNonNull(titre, "titre");
        IssuingOfficer signer = officer == null ? IssuingOfficer.UNKNOWN : officer;
        try (PDDocument doc = new PDDocument()) {
            Sheet sheet = new Sheet(doc);
            new Layout(sheet, titre, signer, correctedNumber).draw();
            sheet.finish(footerLeft(titre));
            describe(doc, titre);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render titre " + titre.number(), e);
        }
    }

    private static void describe(PDDocument doc, TitreView titre) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(heading(titre.kind()).charAt(0) + heading(titre.kind()).substring(1).toLowerCase(Locale.FRENCH)
                + " n° " + nz(titre.number()));
        info.setAuthor(issuerName(titre));
        info.setSubject(nz(titre.object()));
        info.setCreator("Centrale billing-service");
        doc.getDocumentCatalog().setLanguage("fr-FR");
    }

    private static String footerLeft(TitreView titre) {
        return issuerName(titre) + " — " + heading(titre.kind()).toLowerCase(Locale.FRENCH).replace("titre", "Titre")
                + " n° " + nz(titre.number());
    }

    static String heading(TitreKind kind) {
        if (kind == TitreKind.CANCELLATION) {
            return "TITRE D'ANNULATION";
        }
        if (kind == TitreKind.REDUCTION) {
            return "TITRE DE RÉDUCTION";
        }
        return "TITRE DE RECETTES";
    }

    private static String issuerName(TitreView titre) {
        TitreView.Party p = titre.issuerDetails();
        return p != null && !blank(p.name()) ? p.name().strip() : nz(titre.issuer());
    }

    /** The sentence that names the issuing officer. */
    static String executory(TitreView titre, IssuingOfficer officer) {
        String name = blank(officer.name()) ? IssuingOfficer.UNKNOWN.name() : officer.name().strip();
        String role = nz(officer.role()).strip();
        StringBuilder s = new StringBuilder(titre.kind() == null || titre.kind() == TitreKind.ORIGINAL
                ? "Le présent titre est rendu exécutoire par " : "Le présent titre est émis par ");
        s.append(startsWithArticle(name) ? lowerFirst(name) : name);
        if (!role.isEmpty() && !name.toLowerCase(Locale.FRENCH).contains(role.toLowerCase(Locale.FRENCH))) {
            s.append(", ").append(lowerFirst(role));
        }
        return s.append('.').toString();
    }

    /** The voies et délais de recours, before the issuer's court. */
    static String appeal(TitreView titre) {
        String court = titre.issuerDetails() == null || blank(titre.issuerDetails().court())
                ? DEFAULT_COURT : titre.issuerDetails().court().strip();
        String seize = startsWithArticle(court) ? lowerFirst(court) : "le " + court;
        return "dans un délai de deux mois suivant la notification du présent titre, vous pouvez contester la somme "
                + "réclamée en saisissant " + seize
                + " (article L. 1617-5 du code général des collectivités territoriales).";
    }

    static String period(TitreView.Line line) {
        if (line.periodStart() != null && line.periodEnd() != null) {
            return "du" + NBSP + FrenchFormat.date(line.periodStart()) + " au" + NBSP + FrenchFormat.date(line.periodEnd());
        }
        if (line.periodStart() != null) {
            return "à compter du" + NBSP + FrenchFormat.date(line.periodStart());
        }
        return line.periodEnd() == null ? "" : "jusqu'au" + NBSP + FrenchFormat.date(line.periodEnd());
    }

    /**
     * The basis of calculation: the tariff row as the line states it (the schedules already phrase it,
     * e.g. "Grille : Départements", "Montant négocié (sur devis)", "Cotisation 2025, autres organismes"), then
     * the proration ("5,53 mois × 2 500,00 € / 12") or, for a full year, the annual amount. A line whose basis
     * is its own label is a one-off fee (complementary contribution): "Forfait 300,00 €".
     */
    static List<String> basis(TitreView.Line line) {
        List<String> parts = new ArrayList<>();
        boolean fee = !blank(line.basis()) && line.basis().strip().equals(nz(line.label()).strip());
        if (!blank(line.basis()) && !fee) {
            parts.add(line.basis().strip());
        }
        if (line.months() != null && line.months().compareTo(BigDecimal.valueOf(12)) != 0 && line.annualAmount() != null) {
            parts.add(FrenchFormat.decimal(line.months(), 2) + NBSP + "mois × " + FrenchFormat.euros(line.annualAmount())
                    + " / 12");
        } else if (fee) {
            parts.add("Forfait " + FrenchFormat.euros(line.annualAmount() != null ? line.annualAmount() : line.amount()));
        } else if (line.annualAmount() != null) {
            parts.add("Montant annuel " + FrenchFormat.euros(line.annualAmount()));
        }
        return parts;
    }

    static String chorus(TitreView.Debtor debtor) {
        if (debtor == null || (blank(debtor.chorusLegalCommitment()) && blank(debtor.chorusServiceCode()))) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!blank(debtor.chorusLegalCommitment())) {
            parts.add("N° d'engagement juridique : " + debtor.chorusLegalCommitment().strip());
        }
        if (!blank(debtor.chorusServiceCode())) {
            parts.add("Code service : " + debtor.chorusServiceCode().strip());
        }
        return "Chorus Pro — " + String.join(", ", parts);
    }

    private static BigDecimal total(TitreView titre) {
        if (titre.total() != null) {
            return titre.total();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TitreView.Line line : lines(titre)) {
            sum = line.amount() == null ? sum : sum.add(line.amount());
        }
        return sum;
    }

    private static List<TitreView.Line> lines(TitreView titre) {
        return titre.lines() == null ? List.of() : titre.lines();
    }

    private static boolean startsWithArticle(String s) {
        String l = s.toLowerCase(Locale.FRENCH);
        return l.startsWith("le ") || l.startsWith("la ") || l.startsWith("les ") || l.startsWith("l'")
                || l.startsWith("l’");
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.FRENCH) + s.substring(1);
        }
        return s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] fontBytes(String name) {
        try (InputStream in = TitrePdf.class.getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Font resource missing: " + FONT_DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is drawn, top to bottom. */
    private static final class Layout {
        private final Sheet s;
        private final TitreView titre;
        private final IssuingOfficer officer;
        private final String correctedNumber;

        Layout(Sheet sheet, TitreView titre, IssuingOfficer officer, String correctedNumber) {
            this.s = sheet;
            this.titre = titre;
            this.officer = officer;
            this.correctedNumber = correctedNumber;
        }

        void draw() throws IOException {
            header();
            datesAndDebtor();
            object();
            table();
            totals();
            closing();
            appealBox();
        }

        private void header() throws IOException {
            float top = s.y;
            // The issuer, on the left.
            TitreView.Party p = titre.issuerDetails();
            float left = s.lines(s.bold, 12f, 15f, LEFT, top, 250f, issuerName(titre), INK);
            if (p != null) {
                if (!blank(p.siret())) {
                    left = s.lines(s.regular, 9f, 12f, LEFT, left, 250f, "SIRET " + FrenchFormat.siret(p.siret()), GREY);
                }
                if (!blank(p.street())) {
                    left = s.lines(s.regular, 9f, 12f, LEFT, left, 250f, p.street().strip(), GREY);
                }
                String city = (nz(p.postalCode()).strip() + " " + nz(p.city()).strip()).strip();
                if (!city.isEmpty()) {
                    left = s.lines(s.regular, 9f, 12f, LEFT, left, 250f, city, GREY);
                }
            }
            // The title and number, on the right.
            float right = top;
            s.right(s.bold, 17f, RIGHT, right, heading(titre.kind()), ACCENT);
            right -= 18f;
            s.right(s.bold, 10.5f, RIGHT, right,
                    "N° " + nz(titre.number()) + " — Exercice " + titre.fiscalYear(), INK);
            right -= 14f;
            if (titre.kind() == TitreKind.CANCELLATION || titre.kind() == TitreKind.REDUCTION) {
                String verb = titre.kind() == TitreKind.CANCELLATION ? "Annule" : "Réduit";
                String ref = !blank(correctedNumber) ? "le titre n° " + correctedNumber.strip()
                        : titre.cancels() != null ? "le titre d'identifiant " + titre.cancels() : "un titre antérieur";
                right = s.lines(s.regular, 9.5f, 12f, 320f, right, RIGHT - 320f, verb + " " + ref, INK, true);
            }
            s.y = Math.min(left, right) - 16f;
            s.rule(LEFT, RIGHT, s.y + 6f, RULE, 0.6f);
            s.y -= 14f;
        }

        private void datesAndDebtor() throws IOException {
            float top = s.y;
            // Dates, on the left.
            float left = top - 6f;
            s.text(s.regular, 10f, LEFT, left, "Émis le " + FrenchFormat.date(titre.issuedOn()), INK);
            left -= 15f;
            if (titre.dueOn() != null && (titre.kind() == null || titre.kind() == TitreKind.ORIGINAL)) {
                s.text(s.bold, 10f, LEFT, left, "À payer avant le " + FrenchFormat.date(titre.dueOn()), INK);
                left -= 15f;
            }
            // The debtor, in a box on the right (the window of an envelope).
            if (titre.debtor() == null) {
                s.y = left - 12f;
                return;
            }
            float boxLeft = 300f;
            float inner = RIGHT - boxLeft - 2 * 10f;
            TitreView.Debtor d = titre.debtor();
            List<Run> runs = new ArrayList<>();
            runs.add(new Run(s.bold, 7.5f, 11f, "DÉBITEUR", GREY));
            runs.add(new Run(s.bold, 10.5f, 13.5f, nz(d.name()).strip(), INK));
            if (!blank(d.siret())) {
                runs.add(new Run(s.regular, 9f, 12f, "SIRET " + FrenchFormat.siret(d.siret()), INK));
            }
            if (!blank(d.street())) {
                runs.add(new Run(s.regular, 9f, 12f, d.street().strip(), INK));
            }
            String city = (nz(d.postalCode()).strip() + " " + nz(d.city()).strip()).strip();
            if (!city.isEmpty()) {
                runs.add(new Run(s.regular, 9f, 12f, city, INK));
            }
            String chorus = chorus(d);
            if (chorus != null) {
                runs.add(new Run(s.regular, 8.5f, 11f, chorus, GREY));
            }
            float height = 10f + 10f;
            for (Run r : runs) {
                height += r.face.wrap(r.text, r.size, inner, inner).size() * r.leading;
            }
            s.box(boxLeft, top - height, RIGHT - boxLeft, height, null, RULE, 0.8f);
            float y = top - 10f - 7f;
            for (Run r : runs) {
                y = s.lines(r.face, r.size, r.leading, boxLeft + 10f, y, inner, r.text, r.color);
            }
            s.y = Math.min(left, top - height) - 20f;
        }

        private void object() throws IOException {
            if (!blank(titre.object())) {
                s.labelled("Objet : ", titre.object().strip(), 10f, 13.5f);
            }
            if (!blank(titre.reason())) {
                s.labelled("Motif : ", titre.reason().strip(), 10f, 13.5f);
            }
            s.y -= 8f;
        }

        private void table() throws IOException {
            List<TitreView.Line> lines = lines(titre);
            if (lines.isEmpty()) {
                return;
            }
            tableHeader();
            for (TitreView.Line line : lines) {
                List<List<String>> cells = List.of(
                        s.regular.wrap(nz(line.label()), 9f, COLUMNS[0] - 2 * PAD, COLUMNS[0] - 2 * PAD),
                        s.regular.wrap(period(line), 9f, COLUMNS[1] - 2 * PAD, COLUMNS[1] - 2 * PAD),
                        s.regular.wrapAll(basis(line), 8.5f, COLUMNS[2] - 2 * PAD),
                        s.regular.wrap(FrenchFormat.euros(line.amount()), 9f, COLUMNS[3] - 2 * PAD, COLUMNS[3] - 2 * PAD));
                int rows = cells.stream().mapToInt(List::size).max().orElse(1);
                float height = rows * 11.5f + 2 * PAD + 1f;
                if (s.ensure(height)) {
                    tableHeader();
                }
                float x = LEFT;
                float baseline = s.y - PAD - 8f;
                for (int c = 0; c < 4; c++) {
                    float size = c == 2 ? 8.5f : 9f;
                    float y = baseline;
                    for (String text : cells.get(c)) {
                        if (c == 3) {
                            s.right(s.regular, size, x + COLUMNS[c] - PAD, y, text, INK);
                        } else {
                            s.text(s.regular, size, x + PAD, y, text, c == 2 ? GREY : INK);
                        }
                        y -= 11.5f;
                    }
                    x += COLUMNS[c];
                }
                s.y -= height;
                s.rule(LEFT, RIGHT, s.y, RULE, 0.5f);
            }
        }

        private void tableHeader() throws IOException {
            s.ensure(40f);
            float h = 18f;
            s.box(LEFT, s.y - h, WIDTH, h, SHADE, null, 0f);
            String[] titles = {"Désignation", "Période", "Base de calcul", "Montant"};
            float x = LEFT;
            for (int c = 0; c < 4; c++) {
                if (c == 3) {
                    s.right(s.bold, 8.5f, x + COLUMNS[c] - PAD, s.y - 12.5f, titles[c], INK);
                } else {
                    s.text(s.bold, 8.5f, x + PAD, s.y - 12.5f, titles[c], INK);
                }
                x += COLUMNS[c];
            }
            s.y -= h;
        }

        private void totals() throws IOException {
            s.ensure(50f);
            s.y -= 10f;
            float boxLeft = 315f;
            float h = 24f;
            s.box(boxLeft, s.y - h, RIGHT - boxLeft, h, SHADE, null, 0f);
            String label = titre.kind() == TitreKind.CANCELLATION ? "Montant annulé"
                    : titre.kind() == TitreKind.REDUCTION ? "Montant de la réduction" : "Montant à payer";
            s.text(s.bold, 11f, boxLeft + 10f, s.y - 16f, label, INK);
            s.right(s.bold, 12f, RIGHT - 10f, s.y - 16f, FrenchFormat.euros(total(titre)), INK);
            s.y -= h + 12f;
            s.right(s.regular, 8.5f, RIGHT - 10f, s.y, "Montants nets de taxe", GREY);
            s.y -= 22f;
        }

        private void closing() throws IOException {
            if (titre.kind() == null || titre.kind() == TitreKind.ORIGINAL) {
                s.paragraph(s.regular, 9.5f, 13f, "Merci de rappeler la référence " + nz(titre.number())
                        + " lors de votre règlement.", INK);
                s.y -= 4f;
            }
            s.paragraph(s.regular, 9.5f, 13f, executory(titre, officer), INK);
            s.y -= 14f;
            // Signature block, on the right.
            s.ensure(48f);
            String city = titre.issuerDetails() == null ? "" : nz(titre.issuerDetails().city()).strip();
            String place = (city.isEmpty() ? "Le " : "Fait à " + city + ", le ") + FrenchFormat.date(titre.issuedOn());
            float x = 330f;
            float y = s.y;
            y = s.lines(s.regular, 9.5f, 14f, x, y, RIGHT - x, place, INK);
            y = s.lines(s.bold, 9.5f, 13f, x, y, RIGHT - x,
                    blank(officer.name()) ? IssuingOfficer.UNKNOWN.name() : officer.name().strip(), INK);
            if (!blank(officer.role())) {
                y = s.lines(s.regular, 9.5f, 13f, x, y, RIGHT - x, officer.role().strip(), GREY);
            }
            s.y = y - 10f;
        }

        /** The voies et délais de recours, in a box at the foot of the last page. */
        private void appealBox() throws IOException {
            float inner = WIDTH - 2 * 10f;
            String label = "Voies et délais de recours : ";
            List<String> wrapped = s.regular.wrap(appeal(titre), 8.5f,
                    inner - s.bold.width(s.bold.clean(label), 8.5f), inner);
            float leading = 11.5f;
            float h = wrapped.size() * leading + 14f;
            s.ensure(h + 10f);
            float top = BOTTOM + h;
            if (s.y < top) {
                top = s.y;
            }
            s.box(LEFT, top - h, WIDTH, h, null, RULE, 0.8f);
            s.y = top - 7f;
            s.labelled(label, appeal(titre), 8.5f, leading, LEFT + 10f, inner);
        }
    }

    private record Run(Face face, float size, float leading, String text, Color color) {
    }

    /** Pages, the current one, and where the next line goes ({@link #y} is the top of the free space). */
    private static final class Sheet {
        final PDDocument doc;
        final Face regular;
        final Face bold;
        final List<PDPage> pages = new ArrayList<>();
        PDPageContentStream cs;
        float y;

        Sheet(PDDocument doc) throws IOException {
            this.doc = doc;
            this.regular = new Face(PDType0Font.load(doc, new ByteArrayInputStream(REGULAR)));
            this.bold = new Face(PDType0Font.load(doc, new ByteArrayInputStream(BOLD)));
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
        }

        /** Starts a new page unless {@code height} fits above the footer; true when it did. */
        boolean ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
                return true;
            }
            return false;
        }

        void finish(String footer) throws IOException {
            cs.close();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream out = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs = out;
                    rule(LEFT, RIGHT, FOOTER + 11f, RULE, 0.5f);
                    String left = regular.wrap(footer, 7.5f, WIDTH - 60f, WIDTH - 60f).get(0);
                    text(regular, 7.5f, LEFT, FOOTER, left, GREY);
                    right(regular, 7.5f, RIGHT, FOOTER, "Page " + (i + 1) + "/" + pages.size(), GREY);
                }
            }
        }

        /** One line of already cleaned text, its baseline at {@code baseline}. */
        void text(Face face, float size, float x, float baseline, String text, Color color) throws IOException {
            String clean = face.clean(text);
            if (clean.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(face.font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, baseline);
            cs.showText(clean);
            cs.endText();
        }

        void right(Face face, float size, float rightEdge, float baseline, String text, Color color) throws IOException {
            String clean = face.clean(text);
            text(face, size, rightEdge - face.width(clean, size), baseline, clean, color);
        }

        /** Wrapped text from baseline {@code baseline} down; returns the baseline after the last line. */
        float lines(Face face, float size, float leading, float x, float baseline, float width, String text, Color color)
                throws IOException {
            return lines(face, size, leading, x, baseline, width, text, color, false);
        }

        float lines(Face face, float size, float leading, float x, float baseline, float width, String text, Color color,
                    boolean alignRight) throws IOException {
            float y = baseline;
            for (String line : face.wrap(text, size, width, width)) {
                if (alignRight) {
                    right(face, size, x + width, y, line, color);
                } else {
                    text(face, size, x, y, line, color);
                }
                y -= leading;
            }
            return y;
        }

        /** A full-width paragraph at the current position, breaking pages as needed. */
        void paragraph(Face face, float size, float leading, String text, Color color) throws IOException {
            for (String line : face.wrap(text, size, WIDTH, WIDTH)) {
                ensure(leading);
                text(face, size, LEFT, y - size, line, color);
                y -= leading;
            }
        }

        void labelled(String label, String text, float size, float leading) throws IOException {
            labelled(label, text, size, leading, LEFT, WIDTH);
        }

        /** "Label : text", the label in bold, the text wrapped after it. */
        void labelled(String label, String text, float size, float leading, float x, float width) throws IOException {
            String cleanLabel = bold.clean(label);
            float labelWidth = bold.width(cleanLabel, size);
            List<String> wrapped = regular.wrap(text, size, width - labelWidth, width);
            for (int i = 0; i < wrapped.size(); i++) {
                ensure(leading);
                float baseline = y - size;
                if (i == 0) {
                    text(bold, size, x, baseline, cleanLabel, INK);
                    text(regular, size, x + labelWidth, baseline, wrapped.get(i), INK);
                } else {
                    text(regular, size, x, baseline, wrapped.get(i), INK);
                }
                y -= leading;
            }
        }

        void rule(float x1, float x2, float at, Color color, float width) throws IOException {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.moveTo(x1, at);
            cs.lineTo(x2, at);
            cs.stroke();
        }

        void box(float x, float yBottom, float w, float h, Color fill, Color stroke, float lineWidth) throws IOException {
            cs.addRect(x, yBottom, w, h);
            if (fill != null && stroke != null) {
                cs.setNonStrokingColor(fill);
                cs.setStrokingColor(stroke);
                cs.setLineWidth(lineWidth);
                cs.fillAndStroke();
            } else if (fill != null) {
                cs.setNonStrokingColor(fill);
                cs.fill();
            } else {
                cs.setStrokingColor(stroke);
                cs.setLineWidth(lineWidth);
                cs.stroke();
            }
        }
    }

    /** A font and what it can show: text is cleaned of characters it lacks before measuring or drawing. */
    static final class Face {
        private static final Map<Integer, String[]> SUBSTITUTES = Map.ofEntries(
                Map.entry(0x202F, new String[] {"\u00A0", " "}),
                Map.entry(0x00A0, new String[] {" "}),
                Map.entry(0x2007, new String[] {"\u00A0", " "}),
                Map.entry(0x2009, new String[] {" "}),
                Map.entry(0x2018, new String[] {"'"}),
                Map.entry(0x2019, new String[] {"'"}),
                Map.entry(0x201C, new String[] {"\""}),
                Map.entry(0x201D, new String[] {"\""}),
                Map.entry(0x00AB, new String[] {"\""}),
                Map.entry(0x00BB, new String[] {"\""}),
                Map.entry(0x2013, new String[] {"-"}),
                Map.entry(0x2014, new String[] {"-"}),
                Map.entry(0x2212, new String[] {"-"}),
                Map.entry(0x2026, new String[] {"..."}),
                Map.entry(0x00D7, new String[] {"x"}),
                Map.entry(0x20AC, new String[] {"EUR"}),
                Map.entry(0x0153, new String[] {"oe"}),
                Map.entry(0x0152, new String[] {"OE"}));

        final PDFont font;
        private final Map<Integer, String> shown = new HashMap<>();

        Face(PDFont font) {
            this.font = font;
        }

        /** The text with every character the font lacks replaced (line breaks and tabs become spaces). */
        String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> out.append(shown.computeIfAbsent(cp, this::glyphFor)));
            return out.toString();
        }

        private String glyphFor(int cp) {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
                return " ";
            }
            String self = new String(Character.toChars(cp));
            if (supports(self)) {
                return self;
            }
            for (String substitute : SUBSTITUTES.getOrDefault(cp, new String[0])) {
                if (supports(substitute)) {
                    return substitute;
                }
            }
            return "?";
        }

        private boolean supports(String s) {
            try {
                font.encode(s);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        float width(String clean, float size) {
            try {
                return font.getStringWidth(clean) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Cleaned lines, breaking at spaces (never at a no-break space), a word too long being cut. */
        List<String> wrap(String text, float size, float firstWidth, float width) {
            List<String> out = new ArrayList<>();
            for (String paragraph : nz(text).split("\r?\n", -1)) {
                String line = "";
                for (String word : clean(paragraph).split(" ", -1)) {
                    float max = out.isEmpty() ? firstWidth : width;
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (line.isEmpty() || width(candidate, size) <= max) {
                        line = candidate;
                    } else {
                        out.add(line);
                        line = word;
                    }
                    while (width(line, size) > (out.isEmpty() ? firstWidth : width) && line.length() > 1) {
                        float limit = out.isEmpty() ? firstWidth : width;
                        int cut = line.length() - 1;
                        while (cut > 1 && width(line.substring(0, cut), size) > limit) {
                            cut--;
                        }
                        out.add(line.substring(0, cut));
                        line = line.substring(cut);
                    }
                }
                out.add(line);
            }
            return out;
        }

        /** Several paragraphs, each wrapped to {@code width}. */
        List<String> wrapAll(List<String> paragraphs, float size, float width) {
            List<String> out = new ArrayList<>();
            for (String p : paragraphs) {
                out.addAll(wrap(p, size, width, width));
            }
            return out.isEmpty() ? List.of("") : out;
        }
    }
}
