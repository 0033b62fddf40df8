package fr.centrale.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the chain hash of each kind of ledger record covers, field by field, in this order (billing-service README,
 * "Tamper evidence"; the format of each field: {@link CanonicalRecord}). Migration V10 writes the same in SQL for titres and
 * payments, V12 for bordereaux.
 */
public final class LedgerRecords {

    private LedgerRecords() {
    }

    /** A titre (any kind: original, cancellation, reduction, mandat 673) as issued, with its lines. */
    public record TitreFields(UUID id, String number, String issuer, int fiscalYear, int serial, String kind,
                              LocalDate issuedOn, LocalDate dueOn, String issuerName, String issuerSiret, String issuerStreet,
                              String issuerPostalCode, String issuerCity, String issuerCourt, UUID debtorId, String debtorName,
                              String debtorSiret, String debtorStreet, String debtorPostalCode, String debtorCity,
                              String debtorChorusEj, String debtorChorusService, String object, BigDecimal totalHt,
                              BigDecimal totalVat, BigDecimal total, UUID cancelsTitreId, String reason, UUID settingsRevisionId,
                              List<LineFields> lines) {
    }

    /** One line of a titre. */
    public record LineFields(int lineNo, UUID id, String label, String basis, LocalDate periodStart, LocalDate periodEnd,
                             BigDecimal months, BigDecimal annualAmount, BigDecimal amount, BigDecimal vatRate,
                             BigDecimal vatAmount, BigDecimal amountTtc, String taxation, String legalBasis, String sourceType,
                             UUID sourceId, Integer sequence, String itemKind) {
    }

    /**
     * A bordereau de titres (docs/rules.md, R-6) as closed, at its position in the chain of bordereaux of its issuer and
     * fiscal year: what identifies it, the officer's settings revision, its count and totals, its totals per VAT rate and
     * the numbers of its titres in serial order.
     */
    public record BordereauFields(long position, UUID id, String number, String issuer, int fiscalYear, int serial,
                                  LocalDate issuedOn, String source, UUID runId, UUID correctionTitreId, UUID settingsRevisionId,
                                  int titreCount, BigDecimal totalHt, BigDecimal totalVat, BigDecimal totalTtc,
                                  List<RateFields> rates, List<String> titres) {
    }

    /** A bordereau's totals of one VAT rate. */
    public record RateFields(BigDecimal vatRate, BigDecimal totalHt, BigDecimal totalVat, BigDecimal totalTtc) {
    }

    /** A payment, at its position in the chain of payments of its titre's issuer and fiscal year. */
    public record PaymentFields(long position, UUID id, UUID titreId, BigDecimal amount, LocalDate paidOn, String reference) {
    }

    /**
     * {@code titre|id|number|issuer|fiscal_year|serial|kind|issued_on|due_on|issuer_name|issuer_siret|issuer_street|
     * issuer_postal_code|issuer_city|issuer_court|debtor_id|debtor_name|debtor_siret|debtor_street|debtor_postal_code|
     * debtor_city|debtor_chorus_ej|debtor_chorus_service|object|total_ht|total_vat|total|cancels_titre_id|reason|
     * settings_revision_id}, then for each line in {@code line_no} order, on a line of its own:
     * {@code line|line_no|id|label|basis|period_start|period_end|months|annual_amount|amount|vat_rate|vat_amount|
     * amount_ttc|taxation|legal_basis|source_type|source_id|sequence|item_kind}.
     */
    public static String titre(TitreFields t) {
        CanonicalRecord r = CanonicalRecord.of("titre").id(t.id()).text(t.number()).text(t.issuer()).integer(t.fiscalYear())
                .integer(t.serial()).text(t.kind()).date(t.issuedOn()).date(t.dueOn()).text(t.issuerName()).text(t.issuerSiret())
                .text(t.issuerStreet()).text(t.issuerPostalCode()).text(t.issuerCity()).text(t.issuerCourt()).id(t.debtorId())
                .text(t.debtorName()).text(t.debtorSiret()).text(t.debtorStreet()).text(t.debtorPostalCode()).text(t.debtorCity())
                .text(t.debtorChorusEj()).text(t.debtorChorusService()).text(t.object()).amount(t.totalHt()).amount(t.totalVat())
                .amount(t.total()).id(t.cancelsTitreId()).text(t.reason()).id(t.settingsRevisionId());
        List<LineFields> lines = t.lines().stream().sorted(java.util.Comparator.comparingInt(LineFields::lineNo)).toList();
        for (LineFields l : lines) {
            r.part("line").integer(l.lineNo()).id(l.id()).text(l.label()).text(l.basis()).date(l.periodStart()).date(l.periodEnd())
                    .amount(l.months()).amount(l.annualAmount()).amount(l.amount()).amount(l.vatRate()).amount(l.vatAmount())
                    .amount(l.amountTtc()).text(l.taxation()).text(l.legalBasis()).text(l.sourceType()).id(l.sourceId())
                    .integer(l.sequence()).text(l.itemKind());
        }
        return r.toString();
    }

    /**
     * {@code bordereau|position|id|number|issuer|fiscal_year|serial|issued_on|source|run_id|correction_titre_id|
     * settings_revision_id|titre_count|total_ht|total_vat|total_ttc}, then for each VAT rate in rate order, on a line of
     * its own, {@code rate|vat_rate|total_ht|total_vat|total_ttc}, then on the last line {@code titres|number|number|…}:
     * its titres' numbers in the order given (serial order).
     */
    public static String bordereau(BordereauFields b) {
        CanonicalRecord r = CanonicalRecord.of("bordereau").integer(b.position()).id(b.id()).text(b.number()).text(b.issuer())
                .integer(b.fiscalYear()).integer(b.serial()).date(b.issuedOn()).text(b.source()).id(b.runId())
                .id(b.correctionTitreId()).id(b.settingsRevisionId()).integer(b.titreCount()).amount(b.totalHt())
                .amount(b.totalVat()).amount(b.totalTtc());
        List<RateFields> rates = b.rates().stream().sorted(java.util.Comparator.comparing(RateFields::vatRate)).toList();
        for (RateFields rate : rates) {
            r.part("rate").amount(rate.vatRate()).amount(rate.totalHt()).amount(rate.totalVat()).amount(rate.totalTtc());
        }
        r.part("titres");
        for (String number : b.titres()) {
            r.text(number);
        }
        return r.toString();
    }

    /** {@code payment|position|id|titre_id|amount|paid_on|reference}. */
    public static String payment(PaymentFields p) {
        return CanonicalRecord.of("payment").integer(p.position()).id(p.id()).id(p.titreId()).amount(p.amount()).date(p.paidOn())
                .text(p.reference()).toString();
    }
}
