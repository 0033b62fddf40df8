package fr.centrale.billing.pes;

import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.domain.PesTiersCategory;
import fr.centrale.billing.domain.SettingsContent;

import java.util.List;

/**
 * The printed titre's document model ({@link TitreDocument}, what the PDF states) as a PES V2 titre, so that the file
 * and the PDF attached to it state the same debtor, lines, legal basis and amounts. What the document does not hold is
 * given beside it: the titre's rank in its series (IdPce), the debtor's category (from membership-service), and for a
 * correction the corrected titre's rank and number of lines.
 */
public final class TitrePes {

    private TitrePes() {
    }

    /**
     * @param serial         the titre's rank in the issuer's annual series
     * @param category       the debtor's category as PES states it
     * @param originalSerial for a correction, the corrected titre's rank; ignored otherwise
     * @param originalLines  for a correction, how many lines the corrected titre has
     * @param pdf            the printed titre, or null
     */
    public static PesBordereau.Titre titre(TitreDocument d, long serial, PesTiersCategory category, long originalSerial,
                                           int originalLines, byte[] pdf) {
        if (d.kind() == TitreDocument.Kind.MANDATE_673) {
            throw new IllegalArgumentException(d.number() + " is a mandat 673 (docs/rules.md, R-7): an expense, sent in a "
                    + "PES dépense, not on a bordereau of titres");
        }
        SettingsContent.Imputation imputation = d.settings().imputation();
        List<PesBordereau.Line> lines = d.lines().stream().map(l -> new PesBordereau.Line(l.label(), l.legalBasis(),
                imputation.nature(), imputation.function(), l.periodStart(), l.periodEnd(), l.amountHt(), l.vatRate(),
                l.vatAmount(), l.amountTtc())).toList();
        PesBordereau.Corrected corrects = d.original() == null ? null
                : new PesBordereau.Corrected(d.original().fiscalYear(), originalSerial, d.original().number(), originalLines);
        TitreDocument.Debtor debtor = d.debtor();
        String object = d.reason() == null || d.reason().isBlank() ? d.object() : d.object() + " - " + d.reason();
        return new PesBordereau.Titre(serial, d.number(), d.issuedOn(), object,
                new PesBordereau.Debtor(debtor.name(), debtor.siret(), debtor.street(), debtor.postalCode(), debtor.city(), category),
                lines, d.totalHt(), d.totalVat(), d.totalTtc(), debtor.chorusLegalCommitment(), debtor.chorusServiceCode(),
                corrects, pdf);
    }

    /**
     * The issuer of a bordereau: the titre's issuer as printed, with the Hélios codes, officer, accountant and recourse
     * of the settings in force on the bordereau's date.
     */
    public static PesBordereau.Issuer issuer(TitreDocument.Party party, SettingsContent settings) {
        if (settings.helios() == null) {
            throw new IllegalArgumentException("issuer " + party.code() + " has no Hélios codes in its settings (helios)");
        }
        SettingsContent.Person officer = settings.officer();
        return new PesBordereau.Issuer(party.code(), party.name(), party.siret(), party.street(), party.postalCode(),
                party.city(), settings.helios(), officer.name(), officer.firstNames(), officer.title(),
                settings.accountant().name(), settings.recourse());
    }
}
