package fr.centrale.billing.api;

import java.nio.charset.StandardCharsets;

/**
 * A bordereau de titres (docs/rules.md, R-6) as CSV for Excel in French, as {@link TitresCsv}: UTF-8 with a byte order
 * mark, {@code ;}, decimal comma, dates dd/MM/yyyy, CRLF. One row per titre, then a total row.
 */
public final class BordereauCsv {

    private static final String HEADER = "Bordereau;Exercice;Émetteur;Date;N° de titre;Type;Titre corrigé;Débiteur;SIRET;Objet;"
            + "Montant HT;TVA;Montant TTC";

    private BordereauCsv() {
    }

    public static byte[] of(BordereauView b) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (BordereauView.Entry t : b.titres()) {
            csv.append(String.join(";", TitresCsv.text(b.number()), String.valueOf(b.fiscalYear()), TitresCsv.text(b.issuer()),
                            TitresCsv.date(b.issuedOn()), TitresCsv.text(t.number()), t.kind().name(), TitresCsv.text(t.corrects()),
                            TitresCsv.text(t.debtorName()), TitresCsv.text(t.debtorSiret()), TitresCsv.text(t.object()),
                            TitresCsv.amount(t.totalHt()), TitresCsv.amount(t.totalVat()), TitresCsv.amount(t.total())))
                    .append("\r\n");
        }
        csv.append(String.join(";", TitresCsv.text(b.number()), String.valueOf(b.fiscalYear()), TitresCsv.text(b.issuer()),
                        TitresCsv.date(b.issuedOn()), "Total", b.titreCount() + " titre" + (b.titreCount() > 1 ? "s" : ""), "", "", "", "",
                        TitresCsv.amount(b.totalHt()), TitresCsv.amount(b.totalVat()), TitresCsv.amount(b.totalTtc())))
                .append("\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
