package fr.centrale.billing.document;

import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.billing.domain.Vat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a printed bordereau de titres states (docs/rules.md, R-6): the issuer, its number, year and date, where its
 * titres come from (a run, or a correction), each titre (number, kind, debtor, HT, VAT, TTC), the totals per rate and in
 * all, and the officer who signs it with the mentions of the settings revision in force on its date.
 *
 * @param correction for a bordereau of one correction, the number of the titre corrected; else null
 */
public record BordereauDocument(
        String number,
        int fiscalYear,
        LocalDate issuedOn,
        TitreDocument.Party issuer,
        String runId,
        String correction,
        List<Row> rows,
        int count,
        BigDecimal totalHt,
        BigDecimal totalVat,
        BigDecimal totalTtc,
        List<Vat.RateTotal> byRate,
        SettingsContent settings) {

    /** One titre: for a correction, {@code corrects} is the number of the titre it corrects. */
    public record Row(String number, String kind, String corrects, String debtorName, String debtorSiret, String object,
                      BigDecimal totalHt, BigDecimal totalVat, BigDecimal total) {
    }

    /** Some rate bears VAT: the per-rate table is printed. */
    public boolean hasVat() {
        return byRate.stream().anyMatch(r -> r.rate().signum() > 0);
    }
}
