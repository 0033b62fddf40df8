package fr.centrale.billing.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import fr.centrale.billing.print.FrenchFormat;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a {@link TitreDocument} as PDF/A-3b (docs/rules.md, R-8: a Factur-X document is a PDF/A-3): a Qute template
 * per kind of document ({@code src/main/resources/documents/}: titre, correction, mandat673, on the layout
 * {@code base.html}) gives XHTML, which openhtmltopdf lays out with Liberation Sans embedded and an sRGB output intent.
 * Every word of the document, legal wording included, is in the templates or the issuer settings, none here.
 */
@ApplicationScoped
public class DocumentRenderer {

    private static final String DIR = "/documents/";
    private static final byte[] REGULAR = resource("/print/fonts/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = resource("/print/fonts/LiberationSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final Engine engine = Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addValueResolver(format(BigDecimal.class, "euros", FrenchFormat::euros))
            .addValueResolver(format(BigDecimal.class, "months", v -> FrenchFormat.decimal(v, 2)))
            .addValueResolver(format(BigDecimal.class, "percent",
                    v -> FrenchFormat.decimal(v.setScale(v.stripTrailingZeros().scale() <= 0 ? 0 : 2, RoundingMode.HALF_UP),
                            v.stripTrailingZeros().scale() <= 0 ? 0 : 2) + "\u00A0%"))
            .addValueResolver(format(LocalDate.class, "fr", FrenchFormat::date))
            .addValueResolver(format(String.class, "siret", FrenchFormat::siret))
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addLocator(new Locator())
            .build();
    private final Map<TitreDocument.Kind, Template> templates = new EnumMap<>(TitreDocument.Kind.class);

    private final Template bordereau;

    public DocumentRenderer() {
        for (TitreDocument.Kind kind : TitreDocument.Kind.values()) {
            templates.put(kind, engine.getTemplate(kind.template() + ".html"));
        }
        bordereau = engine.getTemplate("bordereau.html");
    }

    /** The document's XHTML, as the template gives it. */
    public String html(TitreDocument document) {
        return templates.get(document.kind()).data("doc", document).render();
    }

    /** The document as PDF/A-3b. */
    public byte[] pdf(TitreDocument document) {
        return pdf(html(document), "titre " + document.number());
    }

    /** A bordereau de titres' XHTML (docs/rules.md, R-6). */
    public String html(BordereauDocument document) {
        return bordereau.data("doc", document).render();
    }

    /** A bordereau de titres as PDF/A-3b (docs/rules.md, R-6), signed by the officer. */
    public byte[] pdf(BordereauDocument document) {
        return pdf(html(document), "bordereau " + document.number());
    }

    private byte[] pdf(String html, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
            builder.useColorProfile(SRGB);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), "Liberation Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), "Liberation Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + what, e);
        }
        return out.toByteArray();
    }

    private static <T> ValueResolver format(Class<T> type, String name, java.util.function.Function<T, String> f) {
        return ValueResolver.builder()
                .appliesTo(ctx -> type.isInstance(ctx.getBase()) && name.equals(ctx.getName()))
                .resolveSync(ctx -> f.apply(type.cast(ctx.getBase())))
                .priority(10)
                .build();
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocumentRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Resource missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Templates from the class path, under {@code documents/}. */
    private static final class Locator implements TemplateLocator {
        @Override
        public Optional<TemplateLocation> locate(String id) {
            String path = DIR + (id.endsWith(".html") ? id : id + ".html");
            if (DocumentRenderer.class.getResource(path) == null) {
                return Optional.empty();
            }
            String text = new String(resource(path), StandardCharsets.UTF_8);
            return Optional.of(new TemplateLocation() {
                @Override
                public Reader read() {
                    return new StringReader(text);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.of(new Variant(Locale.FRENCH, Variant.TEXT_HTML, "UTF-8"));
                }
            });
        }
    }
}
