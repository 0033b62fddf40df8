package fr.centrale.billing.service;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.client.IssuerSnapshot;
import fr.centrale.common.billing.BillableItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues one titre for one billable item, exactly once, in a transaction of its own:
 * <ol>
 * <li>the item's key {@code (sourceType, sourceId, sequence)} is claimed first; if another run holds or
 *     has committed it, nothing else happens (a concurrent claimant waits for the holder to finish);</li>
 * <li>the next number of the issuer's series for the fiscal year is taken in the same transaction, so a
 *     rollback or a crash gives it back and numbers never skip;</li>
 * <li>the titre freezes the debtor's and issuer's details as they are now.</li>
 * </ol>
 */
@ApplicationScoped
public class IssuanceService {

    @Inject
    EntityManager em;

    @Inject
    LedgerEvents events;

    /** The titre issued, or empty when the item had already been issued. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Titre> issue(BillableItem item, DebtorSnapshot debtor, IssuerSnapshot issuer, LocalDate issuedOn,
                                 UUID runId) {
        UUID titreId = UUID.randomUUID();
        int claimed = em.createNativeQuery("""
                        INSERT INTO issued_item (source_type, source_id, sequence, titre_id) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, item.sourceType().name()).setParameter(2, item.sourceId())
                .setParameter(3, item.sequence()).setParameter(4, titreId)
                .executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        Titre t = newTitre(titreId, TitreKind.ORIGINAL, issuer, issuedOn, issuedOn.plusDays(item.paymentTermDays()));
        setDebtor(t, debtor);
        t.object = item.label();
        t.total = item.amount();
        t.runId = runId;
        TitreLine line = new TitreLine();
        line.id = UUID.randomUUID();
        line.titre = t;
        line.lineNo = 1;
        line.label = item.label();
        line.basis = item.basis();
        line.periodStart = item.periodStart();
        line.periodEnd = item.periodEnd();
        line.months = item.months();
        line.annualAmount = item.annualAmount();
        line.amount = item.amount();
        line.sourceType = item.sourceType().name();
        line.sourceId = item.sourceId();
        line.sequence = item.sequence();
        line.itemKind = item.kind().name();
        t.lines.add(line);
        em.persist(t);
        em.flush();
        events.record(t.id, "ISSUED");
        return Optional.of(t);
    }

    /** Whether the item already has its titre (for dry runs). */
    public boolean isIssued(BillableItem item) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM issued_item WHERE source_type = ?1 AND source_id = ?2 AND sequence = ?3""")
                .setParameter(1, item.sourceType().name()).setParameter(2, item.sourceId()).setParameter(3, item.sequence())
                .getResultList().isEmpty();
    }

    /** A titre with its number taken from the issuer's series of the fiscal year of {@code issuedOn}. */
    Titre newTitre(UUID id, TitreKind kind, IssuerSnapshot issuer, LocalDate issuedOn, LocalDate dueOn) {
        int year = issuedOn.getYear();
        int serial = nextNumber(issuer.code(), year);
        Titre t = new Titre();
        t.id = id;
        t.kind = kind;
        t.issuer = issuer.code();
        t.fiscalYear = year;
        t.serial = serial;
        t.number = String.format("%s-%d-%06d", issuer.code(), year, serial);
        t.issuedOn = issuedOn;
        t.dueOn = dueOn;
        t.issuerName = issuer.name();
        t.issuerSiret = issuer.siret();
        t.issuerStreet = issuer.street();
        t.issuerPostalCode = issuer.postalCode();
        t.issuerCity = issuer.city();
        t.issuerCourt = issuer.court();
        t.createdAt = Instant.now();
        return t;
    }

    static void setDebtor(Titre t, DebtorSnapshot debtor) {
        t.debtorId = debtor.id();
        t.debtorName = debtor.name();
        t.debtorSiret = debtor.siret();
        t.debtorStreet = debtor.street();
        t.debtorPostalCode = debtor.postalCode();
        t.debtorCity = debtor.city();
        t.debtorChorusEj = debtor.chorusLegalCommitment();
        t.debtorChorusService = debtor.chorusServiceCode();
    }

    /** The next number of the series; the row stays locked until the transaction ends. */
    private int nextNumber(String issuer, int year) {
        Object next = em.createNativeQuery("""
                        INSERT INTO number_series (issuer, fiscal_year, last_number) VALUES (?1, ?2, 1)
                        ON CONFLICT (issuer, fiscal_year) DO UPDATE SET last_number = number_series.last_number + 1
                        RETURNING last_number""")
                .setParameter(1, issuer).setParameter(2, year)
                .getSingleResult();
        return ((Number) next).intValue();
    }
}
