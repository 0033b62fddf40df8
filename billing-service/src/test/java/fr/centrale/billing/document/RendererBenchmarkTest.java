package fr.centrale.billing.document;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed titre, measured (billing-service/README.md, "Printed titres"): the Qute template rendered to PDF/A-3b
 * by openhtmltopdf ({@link DocumentRenderer}); the PDFBox drawing it replaced is measured the same way at commit 0a55b87.
 * Only with
 * {@code -Drender.bench=true}: {@code ./mvnw -B -pl billing-service -am verify -Dtest=RendererBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Drender.bench=true}.
 */
class RendererBenchmarkTest {

    @Test
    void renderTimeAndSize() {
        Assumptions.assumeTrue(Boolean.getBoolean("render.bench"), "-Drender.bench=true");
        DocumentRenderer html = new DocumentRenderer();
        TitreDocument doc = TitreDocuments.of(Samples.workedExample3(), Samples.resahRevision(null), null);
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
