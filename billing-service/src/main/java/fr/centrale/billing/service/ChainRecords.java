package fr.centrale.billing.service;

import fr.centrale.billing.Payment;
import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.domain.ChainKey;
import fr.centrale.billing.domain.LedgerRecords;

/** The ledger's entities as their chain hash reads them (domain/LedgerRecords). */
public final class ChainRecords {

    private ChainRecords() {
    }

    /** The series the titre is chained in: its number series. */
    public static ChainKey seriesOf(Titre t) {
        return ChainKey.ofTitre(t.issuer, t.fiscalYear, t.kind);
    }

    /** The series a payment of titre {@code t} is chained in: the payments of its issuer and fiscal year. */
    public static ChainKey paymentsOf(Titre t) {
        return new ChainKey(t.issuer, t.fiscalYear, ChainKey.Kind.PAYMENT);
    }

    /** The series a bordereau of {@code issuer} and {@code fiscalYear} is chained in. */
    public static ChainKey bordereauxOf(String issuer, int fiscalYear) {
        return new ChainKey(issuer, fiscalYear, ChainKey.Kind.BORDEREAU);
    }

    /** The bordereau's record at {@code position} in its series. */
    public static String bordereau(LedgerRecords.BordereauFields b, long position) {
        return LedgerRecords.bordereau(new LedgerRecords.BordereauFields(position, b.id(), b.number(), b.issuer(), b.fiscalYear(),
                b.serial(), b.issuedOn(), b.source(), b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(),
                b.totalHt(), b.totalVat(), b.totalTtc(), b.rates(), b.titres()));
    }

    public static String titre(Titre t) {
        return LedgerRecords.titre(new LedgerRecords.TitreFields(t.id, t.number, t.issuer, t.fiscalYear, t.serial, t.kind.name(),
                t.issuedOn, t.dueOn, t.issuerName, t.issuerSiret, t.issuerStreet, t.issuerPostalCode, t.issuerCity, t.issuerCourt,
                t.debtorId, t.debtorName, t.debtorSiret, t.debtorStreet, t.debtorPostalCode, t.debtorCity, t.debtorChorusEj,
                t.debtorChorusService, t.object, t.totalHt, t.totalVat, t.total, t.cancelsTitreId, t.reason, t.settingsRevisionId,
                t.lines.stream().map(ChainRecords::line).toList()));
    }

    private static LedgerRecords.LineFields line(TitreLine l) {
        return new LedgerRecords.LineFields(l.lineNo, l.id, l.label, l.basis, l.periodStart, l.periodEnd, l.months, l.annualAmount,
                l.amount, l.vatRate, l.vatAmount, l.amountTtc, l.taxation == null ? null : l.taxation.name(), l.legalBasis,
                l.sourceType, l.sourceId, l.sequence, l.itemKind);
    }

    public static String payment(Payment p, long position) {
        return LedgerRecords.payment(new LedgerRecords.PaymentFields(position, p.id, p.titreId, p.amount, p.paidOn, p.reference));
    }
}
