package fr.centrale.billing.document;

import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.billing.domain.Vat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a printed titre states (docs/rules.md, section 8 and ), the legal texts resolved from the
 * issuer settings revision frozen at its issue, independent of how it is drawn ({@link DocumentRenderer}).
 *
 * @param kind       which document: a titre de recettes, a correction, or a mandat 673
 * @param settings   officer, delegate, executory formula, payment details, imputation, recourse, no-VAT mention
 * @param vatByRate  per rate: HT, VAT, TTC; only the lines that bear VAT
 * @param noVat      some line bears no VAT: the issuer's no-VAT mention is printed
 * @param original   for a correction or a mandat 673, the titre it corrects; else null
 * @param bordereau  the number of the bordereau de titres that lists it (docs/rules.md, R-6); null for a mandat 673
 */
public record TitreDocument(
        Kind kind,
        String number,
        int fiscalYear,
        LocalDate issuedOn,
        LocalDate dueOn,
        Party issuer,
        Debtor debtor,
        String object,
        String reason,
        List<Line> lines,
        BigDecimal totalHt,
        BigDecimal totalVat,
        BigDecimal totalTtc,
        List<Vat.RateTotal> vatByRate,
        boolean noVat,
        SettingsContent settings,
        Original original,
        String bordereau) {

    /** A titre on no bordereau. */
    public TitreDocument(Kind kind, String number, int fiscalYear, LocalDate issuedOn, LocalDate dueOn, Party issuer, Debtor debtor,
                         String object, String reason, List<Line> lines, BigDecimal totalHt, BigDecimal totalVat, BigDecimal totalTtc,
                         List<Vat.RateTotal> vatByRate, boolean noVat, SettingsContent settings, Original original) {
        this(kind, number, fiscalYear, issuedOn, dueOn, issuer, debtor, object, reason, lines, totalHt, totalVat, totalTtc, vatByRate,
                noVat, settings, original, null);
    }

    public enum Kind {
        ORIGINAL, CANCELLATION, REDUCTION, MANDATE_673;

        /** The template that draws it, under {@code documents/}. */
        public String template() {
            return switch (this) {
                case ORIGINAL -> "titre";
                case CANCELLATION, REDUCTION -> "correction";
                case MANDATE_673 -> "mandat673";
            };
        }
    }

    public enum Taxation { NET_OF_TAX, BEFORE_VAT }

    public record Party(String code, String name, String siret, String street, String postalCode, String city, String court) {
    }

    /** The debtor, with the Chorus Pro references of the commitment (EJ, service code) when known. */
    public record Debtor(String name, String siret, String street, String postalCode, String city, String chorusLegalCommitment,
                         String chorusServiceCode) {
    }

    /**
     * A line: what is billed, the basis of calculation (tariff row, period, months, annual amount), the legal basis
     * (the convention or bulletin and the decision fixing the fee, R-5), and its amounts.
     */
    public record Line(String label, String basis, LocalDate periodStart, LocalDate periodEnd, BigDecimal months,
                       BigDecimal annualAmount, String legalBasis, Taxation taxation, BigDecimal amountHt, BigDecimal vatRate,
                       BigDecimal vatAmount, BigDecimal amountTtc) {

        /** A prorated period: not the twelve months of a full year. */
        public boolean prorated() {
            return months != null && annualAmount != null && months.compareTo(BigDecimal.valueOf(12)) != 0;
        }

        public boolean bearsVat() {
            return taxation == Taxation.BEFORE_VAT && vatRate != null && vatRate.signum() > 0;
        }
    }

    /**
     * The titre a correction or mandat 673 refers to, with the legal bases of its lines (docs/rules.md, R-5: the
     * correction rests on the same convention or bulletin as the claim it corrects).
     */
    public record Original(String number, int fiscalYear, LocalDate issuedOn, BigDecimal total, List<String> legalBases) {
    }

    public boolean hasVat() {
        return !vatByRate.isEmpty();
    }
}
