package fr.centrale.billing.pes;

import fr.centrale.billing.Titre;
import fr.centrale.billing.document.Samples;
import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.document.TitreDocuments;
import fr.centrale.billing.domain.PesTiersCategory;
import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.common.organisation.Category;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Bordereaux built from the printed titres of document/Samples (worked examples 3 and 7, a cancellation). */
final class PesSamples {

    static final SettingsContent.Helios HELIOS = new SettingsContent.Helios("075044", "13000501000025", "101", "01", "CTB",
            "AGENCE COMPTABLE RESAH", "BUDGET PRINCIPAL");
    static final byte[] PDF = "%PDF-1.7 a printed titre, accents éà and a euro sign €".getBytes(StandardCharsets.UTF_8);

    private PesSamples() {
    }

    static SettingsContent withHelios(SettingsContent s) {
        return new SettingsContent(s.officer(), s.delegate(), s.executoryFormula(), s.accountant(), s.iban(), s.bic(),
                s.paymentMeans(), s.imputation(), s.recourse(), s.noVatMention(), HELIOS);
    }

    static TitreDocument example3() {
        return TitreDocuments.of(Samples.workedExample3(), Samples.resahRevision(null), null);
    }

    static PesBordereau ordinary(List<PesBordereau.Titre> titres, TitreDocument issuerOf) {
        return new PesBordereau(TitrePes.issuer(issuerOf.issuer(), withHelios(issuerOf.settings())), issuerOf.fiscalYear(), 7,
                LocalDate.of(issuerOf.fiscalYear(), 1, 15), PesBordereau.Kind.ORDINARY, titres);
    }

    static PesBordereau.Titre titre(TitreDocument d, long serial, Category category, byte[] pdf) {
        return TitrePes.titre(d, serial, PesTiersCategory.of(category), 0, 0, pdf);
    }

    /** Worked example 3 and its cancellation, on a correction bordereau. */
    static PesBordereau correction() {
        Titre original = Samples.workedExample3();
        Titre cancellation = Samples.cancellationOf(original);
        TitreDocument d = TitreDocuments.of(cancellation, Samples.resahRevision(null), original);
        PesBordereau.Titre t = TitrePes.titre(d, 57, PesTiersCategory.of(Category.DEPARTEMENT), 42, 1, PDF);
        return new PesBordereau(TitrePes.issuer(d.issuer(), withHelios(d.settings())), 2025, 8, LocalDate.of(2025, 3, 10),
                PesBordereau.Kind.CORRECTION, List.of(t));
    }
}
