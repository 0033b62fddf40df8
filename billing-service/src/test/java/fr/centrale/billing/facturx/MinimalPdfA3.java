package fr.centrale.billing.facturx;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

/**
 * A one-page PDF/A-3b made with PDFBox, standing for the printed titre in the Factur-X tests (the real one
 * comes from the print package): the font embedded (Liberation Sans, shipped inside PDFBox), an sRGB output
 * intent (the JDK's own profile) and XMP metadata declaring PDF/A-3 conformance B.
 */
final class MinimalPdfA3 {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private MinimalPdfA3() {
    }

    /** A page with a title and lines of text. */
    static byte[] create(String title, List<String> lines) {
        return create(title, lines, 3);
    }

    /** The same, declaring PDF/A part {@code part} (1, 2 or 3), conformance B; part 0 declares none. */
    static byte[] create(String title, List<String> lines, int part) {
        try (PDDocument document = new PDDocument(); InputStream font = MinimalPdfA3.class.getResourceAsStream(FONT)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font regular = PDType0Font.load(document, font);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(regular, 16);
                text.newLineAtOffset(50, 780);
                text.showText(title);
                text.setFont(regular, 11);
                for (String line : lines) {
                    text.newLineAtOffset(0, -20);
                    text.showText(line);
                }
                text.endText();
            }
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);

            document.getDocumentInformation().setTitle(title);
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            if (part > 0) {
                PDFAIdentificationSchema pdfaId = xmp.createAndAddPDFAIdentificationSchema();
                pdfaId.setPart(part);
                pdfaId.setConformance("B");
            }
            ByteArrayOutputStream xmpBytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xmpBytes, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmpBytes.toByteArray());
            catalog.setMetadata(metadata);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("minimal PDF/A-3", e);
        }
    }
}
