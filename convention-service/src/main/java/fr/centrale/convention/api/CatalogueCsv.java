package fr.centrale.convention.api;

import fr.centrale.convention.Offer;
import fr.centrale.convention.TariffRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue as a CSV that Excel in French opens as a table: UTF-8 with a byte order mark (else
 * Excel reads it as Windows-1252), {@code ;} as separator and a decimal comma (the French list and decimal
 * separators), CRLF line ends, amounts without thousands separator so that they are numbers.
 */
public final class CatalogueCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    public static final String HEADER =
            "Centrale d'achat;Accord-cadre;Lot;Formule;Offre;Catégorie ou tranche;Montant annuel HT (€)";
    public static final String ON_QUOTE = "Sur devis";
    public static final String GROUP_CAP_LABEL = "GHT ou autre groupement d'établissements (plafond)";
    public static final String LOCAL_AUTHORITY_LABEL = "Collectivité territoriale";

    private static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";

    private CatalogueCsv() {
    }

    /** One line per tariff row; a grid by size class adds its group cap and local-authority amount (CAIH). */
    public static String write(List<Offer> offers) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append(EOL);
        for (Offer offer : offers) {
            for (TariffRow row : offer.tariffs) {
                line(csv, offer, row.label, row.amount);
            }
            if (offer.groupCap != null) {
                line(csv, offer, GROUP_CAP_LABEL, offer.groupCap);
            }
            if (offer.localAuthorityAmount != null) {
                line(csv, offer, LOCAL_AUTHORITY_LABEL, offer.localAuthorityAmount);
            }
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, Offer offer, String label, BigDecimal amount) {
        List<String> fields = new ArrayList<>();
        fields.add(offer.purchasingBody);
        // "n° 2021-008" as the seeds write it; a bare "2021-008" is one Excel may turn into a date.
        fields.add("n° " + offer.frameworkAgreement);
        fields.add(offer.lot);
        fields.add(offer.formula);
        fields.add(offer.title);
        fields.add(label);
        fields.add(amount(amount));
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(EOL);
    }

    /** {@code 2500,00}; {@code Sur devis} for a quote. */
    public static String amount(BigDecimal amount) {
        return amount == null ? ON_QUOTE : amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** Quotes a field holding a separator, a quote or a line break; defuses text Excel would run as a formula. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
