package fr.centrale.billing.facturx;

import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.facturx.FacturXInvoice.Address;
import fr.centrale.billing.facturx.FacturXInvoice.Buyer;
import fr.centrale.billing.facturx.FacturXInvoice.DocumentType;
import fr.centrale.billing.facturx.FacturXInvoice.Line;
import fr.centrale.billing.facturx.FacturXInvoice.PrecedingInvoice;
import fr.centrale.billing.facturx.FacturXInvoice.Seller;
import fr.centrale.billing.facturx.FacturXInvoice.VatCategory;
import fr.centrale.billing.facturx.FacturXInvoice.VatTotal;
import fr.centrale.billing.print.FrenchFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a printed titre ({@link TitreDocument}) becomes the invoice its Factur-X states (docs/rules.md,
 * R-8), so that the XML can state nothing else than the PDF:
 * <ul>
 * <li>a titre de recettes is an invoice (380); a titre d'annulation or de réduction a credit note (381) naming the titre
 *     it corrects, with positive amounts; a mandat 673 is an expense of the issuer, not an invoice: refused;</li>
 * <li>the issuer is the seller (its SIRET, address, and for a titre with VAT its VAT number, derived from its SIREN),
 *     paid to the comptable of the settings revision frozen at issue (R-5: IBAN, BIC, payee); the debtor is the buyer,
 *     with the commitment's Chorus code service (BT-10) and engagement juridique (BT-13, R-3);</li>
 * <li>each line with its HT; a line bearing VAT is category S at its rate, a line without is category O (outside the
 *     scope of VAT) with the issuer's no-VAT mention as exemption reason ;</li>
 * <li>the totals are the titre's: HT, VAT, TTC, the amount due being the TTC claimed at issue;</li>
 * <li>the notes: the executory formula, the reason of a correction, the voies et délais de recours, the bordereau.</li>
 * </ul>
 */
public final class FacturXDocuments {

    /** A titre that cannot be stated as a Factur-X invoice; {@code field} names what is missing or wrong. */
    public static final class NotAnInvoice extends RuntimeException {
        private final String field;

        NotAnInvoice(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private FacturXDocuments() {
    }

    /**
     * @throws NotAnInvoice for a mandat 673, or a titre missing what EN 16931 requires (SIRETs, addresses)
     */
    public static FacturXInvoice of(TitreDocument doc) {
        DocumentType type = switch (doc.kind()) {
            case ORIGINAL -> DocumentType.INVOICE;
            case CANCELLATION, REDUCTION -> DocumentType.CREDIT_NOTE;
            case MANDATE_673 -> throw new NotAnInvoice("kind",
                    "A mandat 673 is an expense of the issuer, not an invoice to its debtor (docs/rules.md, R-7)");
        };
        boolean vat = doc.lines().stream().anyMatch(TitreDocument.Line::bearsVat);
        TitreDocument.Party issuer = doc.issuer();
        require("issuer.siret", issuer.siret(), "\\d{14}");
        require("debtor.siret", doc.debtor().siret(), "\\d{14}");
        Seller seller = new Seller(issuer.name(), issuer.siret(),
                address("issuer", issuer.street(), issuer.postalCode(), issuer.city()),
                vat ? vatNumber(issuer.siret().substring(0, 9)) : null, blankToNull(doc.settings().iban()),
                blankToNull(doc.settings().bic()), doc.settings().accountant() == null ? null : blankToNull(doc.settings().accountant().name()));
        Buyer buyer = new Buyer(doc.debtor().name(), doc.debtor().siret(),
                address("debtor", doc.debtor().street(), doc.debtor().postalCode(), doc.debtor().city()),
                blankToNull(doc.debtor().chorusServiceCode()));

        List<Line> lines = new ArrayList<>();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        int n = 0;
        for (TitreDocument.Line l : doc.lines()) {
            VatCategory category = l.bearsVat() ? VatCategory.STANDARD : VatCategory.NOT_SUBJECT_TO_VAT;
            BigDecimal rate = l.bearsVat() ? l.vatRate() : null;
            lines.add(new Line(Integer.toString(++n), l.label(), l.periodStart(), l.periodEnd(), l.amountHt(), category, rate,
                    l.bearsVat() ? l.vatAmount() : null));
            String key = category.code() + (rate == null ? "" : " " + rate.toPlainString());
            rates.put(key, rate);
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            s[0] = s[0].add(l.amountHt());
            s[1] = s[1].add(l.bearsVat() ? l.vatAmount() : BigDecimal.ZERO);
        }
        List<VatTotal> breakdown = new ArrayList<>();
        sums.forEach((key, s) -> {
            boolean standard = rates.get(key) != null;
            breakdown.add(new VatTotal(standard ? VatCategory.STANDARD : VatCategory.NOT_SUBJECT_TO_VAT, rates.get(key), s[0], s[1],
                    standard ? null : doc.settings().noVatMention()));
        });

        PrecedingInvoice preceding = type == DocumentType.CREDIT_NOTE && doc.original() != null
                ? new PrecedingInvoice(doc.original().number(), doc.original().issuedOn()) : null;
        List<String> notes = new ArrayList<>();
        if (doc.reason() != null && !doc.reason().isBlank()) {
            notes.add(doc.reason());
        }
        if (type == DocumentType.INVOICE && doc.settings().executoryFormula() != null) {
            notes.add(doc.settings().executoryFormula());
        }
        if (!vat && doc.settings().noVatMention() != null) {
            notes.add(doc.settings().noVatMention());
        }
        if (doc.settings().recourse() != null) {
            notes.add(doc.settings().recourse());
        }
        if (doc.bordereau() != null) {
            notes.add("Bordereau n° " + doc.bordereau());
        }
        String terms = type == DocumentType.INVOICE && doc.dueOn() != null
                ? "À payer avant le " + FrenchFormat.date(doc.dueOn()) + payee(doc)
                : null;
        try {
            return new FacturXInvoice(doc.number(), type, doc.issuedOn(), type == DocumentType.INVOICE ? doc.dueOn() : null, seller,
                    buyer, blankToNull(doc.debtor().chorusLegalCommitment()), preceding, lines, breakdown, doc.totalHt(),
                    doc.totalVat(), doc.totalTtc(), doc.totalTtc(), terms, notes);
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage() == null ? "invalid" : e.getMessage();
            int colon = message.indexOf(':');
            throw new NotAnInvoice(colon > 0 ? message.substring(0, colon) : "titre", message);
        }
    }

    /**
     * The French intra-community VAT number of a SIREN: FR, a two-digit key, the SIREN; key = (12 + 3 × (SIREN mod 97))
     * mod 97 (the issuer settings hold no VAT number: it follows from the SIREN).
     */
    public static String vatNumber(String siren) {
        if (siren == null || !siren.matches("\\d{9}")) {
            throw new NotAnInvoice("issuer.siret", "A SIREN has 9 digits, was " + siren);
        }
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return "FR" + (key < 10 ? "0" : "") + key + siren;
    }

    private static String payee(TitreDocument doc) {
        if (doc.settings().accountant() == null || doc.settings().accountant().name() == null) {
            return "";
        }
        return ", à " + doc.settings().accountant().name();
    }

    private static Address address(String party, String street, String postalCode, String city) {
        require(party + ".street", street, ".*\\S.*");
        require(party + ".postalCode", postalCode, ".*\\S.*");
        require(party + ".city", city, ".*\\S.*");
        return new Address(street, null, postalCode, city, "FR");
    }

    private static void require(String field, String value, String pattern) {
        if (value == null || !value.matches(pattern)) {
            throw new NotAnInvoice(field, field + " is required by EN 16931 and Chorus Pro, and is " + (value == null ? "missing" : "'" + value + "'"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
