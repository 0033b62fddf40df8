package fr.centrale.billing.document;

import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.domain.Vat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The one place where a titre as stored becomes the document it prints ({@link TitreDocument}): the entity, the
 * settings revision it froze at its issue (docs/rules.md, R-4), and the titre it corrects, if any.
 */
public final class TitreDocuments {

    private TitreDocuments() {
    }

    /**
     * @param titre    the titre as issued
     * @param settings the revision it references (see IssuerSettingsRepository.ofTitre)
     * @param original for a correction or a mandat 673, the titre it corrects; else null
     */
    public static TitreDocument of(Titre titre, IssuerSettings settings, Titre original) {
        return of(titre, settings, original, null);
    }

    /**
     * @param bordereau the number of the bordereau de titres that lists it (docs/rules.md, R-6), or null
     */
    public static TitreDocument of(Titre titre, IssuerSettings settings, Titre original, String bordereau) {
        List<TitreDocument.Line> lines = titre.lines.stream().map(TitreDocuments::line).toList();
        List<Vat.RateTotal> vatByRate = Vat.byRate(titre.lines.stream().filter(l -> l.vatRate.signum() > 0)
                .map(l -> new Vat.LineAmounts(l.amount, l.vatRate, l.vatAmount, l.amountTtc, l.taxation)).toList());
        boolean noVat = lines.isEmpty() || lines.stream().anyMatch(l -> !l.bearsVat());
        // titre.total is the TTC claimed
        BigDecimal totalHt = titre.totalHt;
        BigDecimal totalVat = titre.totalVat;
        return new TitreDocument(kind(titre), titre.number, titre.fiscalYear, titre.issuedOn, titre.dueOn,
                new TitreDocument.Party(titre.issuer, titre.issuerName, titre.issuerSiret, titre.issuerStreet,
                        titre.issuerPostalCode, titre.issuerCity, titre.issuerCourt),
                new TitreDocument.Debtor(titre.debtorName, titre.debtorSiret, titre.debtorStreet, titre.debtorPostalCode,
                        titre.debtorCity, titre.debtorChorusEj, titre.debtorChorusService),
                titre.object, titre.reason, lines, totalHt, totalVat, titre.total, vatByRate, noVat, settings.content(),
                original == null ? null
                        : new TitreDocument.Original(original.number, original.fiscalYear, original.issuedOn, original.total,
                        original.lines.stream().map(l -> l.legalBasis).filter(Objects::nonNull).distinct().toList()),
                bordereau);
    }

    private static TitreDocument.Kind kind(Titre titre) {
        return TitreDocument.Kind.valueOf(titre.kind.name());
    }

    private static TitreDocument.Line line(TitreLine l) {
        TitreDocument.Taxation taxation = l.taxation == null ? TitreDocument.Taxation.NET_OF_TAX
                : TitreDocument.Taxation.valueOf(l.taxation.name());
        return new TitreDocument.Line(l.label, l.basis, l.periodStart, l.periodEnd, l.months, l.annualAmount, l.legalBasis,
                taxation, l.amount, l.vatRate, l.vatAmount, l.amountTtc);
    }
}
