package fr.centrale.billing.print;

import fr.centrale.billing.document.DocumentRenderer;
import fr.centrale.billing.document.Samples;
import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.document.TitreDocuments;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways of drawing a titre, measured (billing-service/README.md, "Printed titres"): the PDFBox drawing
 * ({@link TitrePdf}) and the Qute template rendered to PDF/A-3b by openhtmltopdf ({@link DocumentRenderer}). Only with
 * {@code -Drender.bench=true}: {@code ./mvnw -B -pl billing-service -am verify -Dtest=RendererBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Drender.bench=true}.
 */
class RendererBenchmarkTest {

    @Test
    void renderTimeAndSize() {
        Assumptions.assumeTrue(Boolean.getBoolean("render.bench"), "-Drender.bench=true");
        TitrePdf pdfbox = new TitrePdf();
        DocumentRenderer html = new DocumentRenderer();
        TitreDocument doc = TitreDocuments.of(Samples.workedExample3(), Samples.resahRevision(null), null);
        IssuingOfficer officer = new IssuingOfficer("Marie Martin", "Ordonnatrice");
        measure("PDFBox drawing", () -> pdfbox.render(TitrePdfTest.workedExample3(), officer));
        measure("Qute + openhtmltopdf PDF/A-3b", () -> html.pdf(doc));
    }

    private static void measure(String name, Supplier<byte[]> render) {
        byte[] last = null;
        for (int i = 0; i < 50; i++) {
            last = render.get();
        }
        int n = 200;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            last = render.get();
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("BENCH %s: %.2f ms per titre (warm, %d renders), %d bytes%n", name, ms, n, last.length);
        assertThat(new String(last, 0, 5)).isEqualTo("%PDF-");
    }
}
