package fr.centrale.billing.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The titres as CSV that Excel in French opens right: UTF-8 with a byte order mark, {@code ;} between
 * fields, decimal comma, dates dd/MM/yyyy, CRLF line ends. "Montant" is what the titre claims (TTC); the last three
 * columns, added with VAT (docs/rules.md, R-1), give its HT, VAT and TTC; then the number of the bordereau de titres that
 * lists it (R-6; empty for a mandat 673).
 */
public final class TitresCsv {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String HEADER = "Numéro;Exercice;Émetteur;Type;Date d'émission;Date d'échéance;Débiteur;SIRET;"
            + "N° d'engagement juridique;Code service;Objet;Montant;Payé;Annulé ou réduit;Reste dû;Statut;En retard;Titre corrigé;"
            + "Montant HT;TVA;Montant TTC;Bordereau";

    private TitresCsv() {
    }

    public static byte[] of(List<TitreView> titres) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (TitreView t : titres) {
            csv.append(String.join(";",
                    text(t.number()), String.valueOf(t.fiscalYear()), text(t.issuer()), t.kind().name(),
                    date(t.issuedOn()), date(t.dueOn()), text(t.debtor().name()), text(t.debtor().siret()),
                    text(t.debtor().chorusLegalCommitment()), text(t.debtor().chorusServiceCode()), text(t.object()),
                    amount(t.total()), amount(t.paidAmount()), amount(t.cancelledAmount()), amount(t.remainingAmount()),
                    t.status().name(), t.overdue() ? "oui" : "non", t.cancels() == null ? "" : t.cancels().toString(),
                    amount(t.totalHt()), amount(t.totalVat()), amount(t.total()),
                    t.bordereau() == null ? "" : text(t.bordereau().number())))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String amount(BigDecimal value) {
        return value == null ? "" : value.setScale(2).toPlainString().replace('.', ',');
    }

    static String date(LocalDate value) {
        return value == null ? "" : value.format(DATE);
    }

    /** Quotes a field holding ; or " or a line break, and defuses spreadsheet formulas. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
