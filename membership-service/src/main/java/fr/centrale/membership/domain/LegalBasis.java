package fr.centrale.membership.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The legal basis of a membership fee as printed on its titre (docs/rules.md, R-5: "the bulletin and the decision
 * fixing the fee"). Seed 000: the Département adhered by its bulletin, and "Après délibération du Conseil
 * d'administration du GIP RESAH du 29 septembre 2022, les tarifs d'adhésion à la centrale d'achat ont été fixés";
 * La Fibre 59 62 (seed 003, art. 7) has a convention d'adhésion and a participation "fixée annuellement par le comité
 * syndical".
 */
public final class LegalBasis {

    /** The document by which the organisation joined. */
    public enum Document {
        /** RESAH: a bulletin d'adhésion and its cotisation. */
        BULLETIN("Bulletin d'adhésion du ", "cotisation fixée par "),
        /** La Fibre 59 62, CAIH: a convention d'adhésion and its participation. */
        CONVENTION("Convention d'adhésion du ", "participation fixée par ");

        private final String document;
        private final String fee;

        Document(String document, String fee) {
            this.document = document;
            this.fee = fee;
        }
    }

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LegalBasis() {
    }

    /**
     * E.g. "Bulletin d'adhésion du 04/07/2022 ; cotisation fixée par délibération du conseil d'administration du
     * RESAH du 29/09/2022"; only the document when the decision is not recorded.
     *
     * @param signedOn the date of signature or receipt of the bulletin in force
     * @param decision the decision fixing the fee of the item's year, or null
     */
    public static String of(Document document, LocalDate signedOn, String decision) {
        String basis = document.document + FRENCH_DATE.format(signedOn);
        return decision == null || decision.isBlank() ? basis : basis + " ; " + document.fee + decision.trim();
    }
}
