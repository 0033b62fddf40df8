package fr.centrale.billing.service;

import fr.centrale.billing.Payment;
import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.TitreStatus;
import fr.centrale.billing.api.CancellationRequest;
import fr.centrale.billing.api.PaymentRequest;
import fr.centrale.billing.api.TitreEventView;
import fr.centrale.billing.api.TitreView;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.client.IssuerSnapshot;
import fr.centrale.billing.domain.Balance;
import fr.centrale.billing.domain.Corrections;
import fr.centrale.billing.domain.Vat;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading the ledger, and what happens to a titre after issue: payments, and corrections by a new
 * cancellation or reduction titre that references it. An issued titre is never edited.
 */
@ApplicationScoped
public class TitreService {

    /** Status and balances as SQL, so that listings filter and page in the database. */
    static final String BALANCES = """
            WITH b AS (
              SELECT t.*,
                     (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.titre_id = t.id) AS paid,
                     (SELECT coalesce(sum(c.total), 0) FROM titre c WHERE c.cancels_titre_id = t.id) AS cancelled
              FROM titre t),
            s AS (
              SELECT b.*, CASE
                  WHEN b.kind = 'ORIGINAL' AND b.cancelled >= b.total THEN 'CANCELLED'
                  WHEN b.kind = 'ORIGINAL' AND b.paid > 0 AND b.paid >= b.total - b.cancelled THEN 'PAID'
                  WHEN b.paid > 0 THEN 'PARTIALLY_PAID'
                  ELSE 'ISSUED' END AS status
              FROM b)
            """;

    @Inject
    EntityManager em;

    @Inject
    IssuanceService issuance;

    @Inject
    LedgerEvents events;

    @Inject
    Clock clock;

    @Inject
    fr.centrale.billing.repository.IssuerSettingsRepository settings;

    @Inject
    fr.centrale.billing.repository.BordereauRepository bordereaux;

    @Inject
    LedgerChains chains;

    @Inject
    BordereauChains bordereauChains;

    @Transactional
    public PageResponse<TitreView> list(UUID debtorId, String issuer, Integer year, TitreStatus status, Boolean overdue,
                                        PageRequest page) {
        return list(debtorId, issuer, year, status, overdue, null, page);
    }

    /** As above, of one kind only (the mandats 673 of docs/rules.md, R-7, say). */
    @Transactional
    public PageResponse<TitreView> list(UUID debtorId, String issuer, Integer year, TitreStatus status, Boolean overdue,
                                        TitreKind kind, PageRequest page) {
        readOnly();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind.name());
        }
        if (debtorId != null) {
            where.add("debtor_id = :debtor");
            params.put("debtor", debtorId);
        }
        if (issuer != null && !issuer.isBlank()) {
            where.add("issuer = :issuer");
            params.put("issuer", issuer.trim().toUpperCase());
        }
        if (year != null) {
            where.add("fiscal_year = :year");
            params.put("year", year);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        if (overdue != null) {
            where.add((overdue ? "" : "NOT ") + "(status IN ('ISSUED', 'PARTIALLY_PAID') AND kind = 'ORIGINAL' AND due_on < :today)");
            params.put("today", ParisClock.today(clock));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        var count = em.createNativeQuery(BALANCES + "SELECT count(*) FROM s" + filter);
        var ids = em.createNativeQuery(BALANCES + "SELECT id FROM s" + filter + " ORDER BY issued_on DESC, number DESC LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            ids.setParameter(k, v);
        });
        ids.setParameter("limit", page.size()).setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<UUID> found = ids.getResultList();
        List<TitreView> items = views(found);
        return new PageResponse<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
    }

    /** One titre in three statements (the titre with its lines, its payments, its corrections). */
    @Transactional
    public TitreView get(UUID id) {
        readOnly();
        List<TitreView> found = views(List.of(id));
        if (found.isEmpty()) {
            throw ProblemException.notFound("Titre", id);
        }
        return found.get(0);
    }

    /** Partial and full payments; overpaying is refused. The titre's row lock serialises concurrent payments. */
    @Transactional
    public TitreView pay(UUID id, PaymentRequest request) {
        Titre t = lock(id);
        if (t.kind != TitreKind.ORIGINAL) {
            throw ProblemException.rule("NOT_PAYABLE", "A " + t.kind + " titre is a credit, not a claim");
        }
        TitreView current = view(t);
        if (current.status() == TitreStatus.CANCELLED) {
            throw ProblemException.conflict("TITRE_CANCELLED", "Titre " + t.number + " is cancelled");
        }
        if (request.amount().compareTo(current.remainingAmount()) > 0) {
            throw ProblemException.rule("OVERPAYMENT", "A payment of " + request.amount() + " € exceeds the "
                    + current.remainingAmount() + " € that remain due on titre " + t.number, "amount");
        }
        if (request.paidOn().isBefore(t.issuedOn)) {
            throw ProblemException.rule("PAYMENT_BEFORE_ISSUE", "Titre " + t.number + " was issued on " + t.issuedOn, "paidOn");
        }
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.titreId = t.id;
        p.amount = request.amount().setScale(2);
        p.paidOn = request.paidOn();
        p.reference = request.reference();
        p.createdAt = Instant.now();
        // Chained after the payments of the titre's issuer and fiscal year (README, "Tamper evidence").
        LedgerChains.Link link = chains.append(ChainRecords.paymentsOf(t), position -> ChainRecords.payment(p, position));
        p.chainPosition = link.position();
        p.chainHash = link.hash();
        em.persist(p);
        em.flush();
        events.record(t.id, "PAYMENT");
        return view(t);
    }

    /**
     * A cancellation (the whole unpaid amount) or a reduction (part of it): a new titre with its own number,
     * referencing the original. What was paid cannot be cancelled here (that is a refund).
     */
    @Transactional
    public TitreView cancel(UUID id, CancellationRequest request) {
        Titre original = lock(id);
        if (original.kind != TitreKind.ORIGINAL) {
            throw ProblemException.rule("NOT_CANCELLABLE", "Only an original titre is cancelled or reduced");
        }
        TitreView current = view(original);
        BigDecimal unpaid = current.remainingAmount();
        if (unpaid.signum() == 0) {
            throw ProblemException.conflict("NOTHING_TO_CANCEL", "Nothing remains unpaid on titre " + original.number);
        }
        BigDecimal amount = request.amount() == null ? unpaid : request.amount().setScale(2);
        if (amount.compareTo(unpaid) > 0) {
            throw ProblemException.rule("CANCELLATION_EXCEEDS_UNPAID", "Only " + unpaid + " € remain unpaid on titre "
                    + original.number, "amount");
        }
        boolean whole = current.paidAmount().signum() == 0 && amount.compareTo(original.total.subtract(current.cancelledAmount())) == 0;
        LocalDate today = ParisClock.today(clock);
        // docs/rules.md, R-7: a titre of a closed fiscal year is corrected by a mandat 673 of the current year.
        TitreKind kind = Corrections.kind(original.fiscalYear, today, whole);
        // The TTC corrected, split back per rate into HT and VAT in proportion to the original (Vat.split).
        List<Vat.RateTotal> shares = Vat.split(amount, Vat.byRate(original.lines.stream().map(TitreService::amounts).toList()));
        IssuerSnapshot issuer = new IssuerSnapshot(original.issuer, original.issuerName, original.issuerSiret, original.issuerStreet,
                original.issuerPostalCode, original.issuerCity, 0, original.issuerCourt);
        Titre t = issuance.newTitre(UUID.randomUUID(), kind, issuer, today, today);
        // The correction states the debtor as the original did, whatever changed since.
        IssuanceService.setDebtor(t, new DebtorSnapshot(original.debtorId, original.debtorName, original.debtorSiret,
                original.debtorStreet, original.debtorPostalCode, original.debtorCity, original.debtorChorusEj,
                original.debtorChorusService));
        String what = (kind == TitreKind.MANDATE_673 ? "Mandat (compte 673) : " : "") + (whole ? "Annulation" : "Réduction");
        t.object = what + " du titre n° " + original.number + " — " + original.object;
        Vat.RateTotal sum = Vat.total(shares);
        t.total = amount;
        t.totalHt = sum.ht();
        t.totalVat = sum.vat();
        t.cancelsTitreId = original.id;
        t.reason = request.reason();
        int n = 0;
        for (Vat.RateTotal share : shares) {
            TitreLine line = new TitreLine();
            line.id = UUID.randomUUID();
            line.titre = t;
            line.lineNo = ++n;
            line.label = what + " du titre n° " + original.number + " : " + request.reason()
                    + (shares.size() > 1 ? " (TVA " + share.rate().stripTrailingZeros().toPlainString() + " %)" : "");
            line.amount = share.ht();
            line.vatRate = share.rate();
            line.vatAmount = share.vat();
            line.amountTtc = share.ttc();
            line.taxation = share.rate().signum() == 0 ? BillableItem.Taxation.NET_OF_TAX : BillableItem.Taxation.BEFORE_VAT;
            t.lines.add(line);
        }
        bordereaux.listCorrection(t); // docs/rules.md, R-6: a bordereau of its own (a mandat 673: none, R-7)
        t.bordereau = t.bordereauId == null ? null : em.find(fr.centrale.billing.Bordereau.class, t.bordereauId);
        // Chained after the previous record of its number series (README, "Tamper evidence").
        t.chainHash = chains.append(ChainRecords.seriesOf(t), position -> ChainRecords.titre(t)).hash();
        em.persist(t);
        em.flush();
        if (t.bordereauId != null) {
            // Its bordereau is complete: chained now, after its titre is written and before the feed (README, "Tamper evidence").
            bordereauChains.close(List.of(t.bordereauId));
        }
        events.record(t.id, "ISSUED");
        events.record(original.id, whole ? "CANCELLATION" : "REDUCTION");
        return view(t);
    }

    /** The mirroring feed: events after {@code after}, in commit order. */
    @Transactional
    public TitreEventView events(long after, int limit) {
        readOnly();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT position, titre_id, type, occurred_at FROM titre_event WHERE position > ?1 ORDER BY position LIMIT ?2""")
                .setParameter(1, after).setParameter(2, limit + 1).getResultList();
        boolean more = rows.size() > limit;
        rows = rows.subList(0, Math.min(limit, rows.size()));
        // The titres of the page read together (titre_event.titre_id references titre: each one exists).
        Map<UUID, TitreView> titres = new HashMap<>();
        List<UUID> ids = rows.stream().map(row -> (UUID) row[1]).distinct().toList();
        for (int from = 0; from < ids.size(); from += VIEW_CHUNK) {
            views(ids.subList(from, Math.min(ids.size(), from + VIEW_CHUNK))).forEach(v -> titres.put(v.id(), v));
        }
        List<TitreEventView.Event> items = new ArrayList<>();
        long last = after;
        for (Object[] row : rows) {
            long position = ((Number) row[0]).longValue();
            UUID titreId = (UUID) row[1];
            Instant at = row[3] instanceof Timestamp ts ? ts.toInstant() : (Instant) row[3];
            items.add(new TitreEventView.Event(position, titreId, (String) row[2], at, titres.get(titreId)));
            last = position;
        }
        return new TitreEventView(items, last, more);
    }

    /** Every titre of a debtor, a fiscal year and an issuer (each optional), for the CSV export. */
    @Transactional
    public List<TitreView> all(UUID debtorId, Integer year, String issuer) {
        readOnly();
        StringBuilder q = new StringBuilder("select t.id from Titre t where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (debtorId != null) {
            q.append(" and t.debtorId = :debtor");
            params.put("debtor", debtorId);
        }
        if (year != null) {
            q.append(" and t.fiscalYear = :year");
            params.put("year", year);
        }
        if (issuer != null && !issuer.isBlank()) {
            q.append(" and t.issuer = :issuer");
            params.put("issuer", issuer.trim().toUpperCase());
        }
        q.append(" order by t.issuer, t.fiscalYear, t.serial");
        var query = em.createQuery(q.toString(), UUID.class); // the ids only: views() reads the titres
        params.forEach(query::setParameter);
        List<UUID> ids = query.getResultList();
        List<TitreView> views = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += VIEW_CHUNK) {
            views.addAll(views(ids.subList(from, Math.min(ids.size(), from + VIEW_CHUNK))));
        }
        return views;
    }

    /** Titres read per query when many are shown (a page, an export): a bound on the IN list. */
    private static final int VIEW_CHUNK = 500;

    public TitreView view(Titre t) {
        return views(List.of(t.id)).get(0);
    }

    /**
     * The views of the titres that exist among {@code ids}, in the order given, with three queries whatever their
     * number: the titres with their lines, their payments, and the id and total of the titres that cancel or reduce
     * them (not the correcting titres themselves, whose lines would be read one titre at a time).
     */
    private List<TitreView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Titre> titres = new HashMap<>();
        em.createQuery("select distinct t from Titre t left join fetch t.lines left join fetch t.bordereau where t.id in :ids", Titre.class)
                .setParameter("ids", ids).getResultList().forEach(t -> titres.put(t.id, t));
        if (titres.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Payment>> payments = new HashMap<>();
        em.createQuery("from Payment where titreId in :ids order by paidOn, createdAt", Payment.class)
                .setParameter("ids", ids).getResultList()
                .forEach(p -> payments.computeIfAbsent(p.titreId, k -> new ArrayList<>()).add(p));
        Map<UUID, List<Correction>> corrections = new HashMap<>();
        em.createQuery("select c.cancelsTitreId, c.id, c.total from Titre c where c.cancelsTitreId in :ids order by c.createdAt, c.serial",
                        Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(c -> corrections.computeIfAbsent((UUID) c[0], k -> new ArrayList<>())
                        .add(new Correction((UUID) c[1], (BigDecimal) c[2])));
        return ids.stream().filter(titres::containsKey).map(id -> view(titres.get(id), payments.getOrDefault(id, List.of()),
                corrections.getOrDefault(id, List.of()), bordereau(titres.get(id)))).toList();
    }

    /** The bordereau de titres that lists it (docs/rules.md, R-6), read with it; none for a mandat 673. */
    private static TitreView.BordereauRef bordereau(Titre t) {
        return t.bordereau == null ? null : new TitreView.BordereauRef(t.bordereau.id, t.bordereau.number);
    }

    /** A titre that cancels or reduces another one, as that one's view needs it. */
    private record Correction(UUID id, BigDecimal total) {
    }

    /**
     * Makes the current transaction a read: what it loads is read-only and it is never flushed, at commit neither
     * (no flush-time cascade to the lines). Only for transactions that change nothing.
     */
    private void readOnly() {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    private TitreView view(Titre t, List<Payment> payments, List<Correction> corrections, TitreView.BordereauRef bordereau) {
        BigDecimal paid = payments.stream().map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cancelled = corrections.stream().map(c -> c.total).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<UUID> correctedBy = corrections.stream().map(c -> c.id).toList();
        Balance balance = Balance.of(t.kind, t.total, paid, cancelled);
        boolean overdue = balance.overdue(t.kind, t.dueOn, ParisClock.today(clock));
        List<TitreView.Line> lines = t.lines.stream().map(l -> new TitreView.Line(l.label, l.basis, l.periodStart, l.periodEnd,
                l.months, l.annualAmount, l.amount, l.sourceType, l.sourceId, l.sequence, l.vatRate, l.vatAmount, l.amountTtc,
                l.taxation, l.legalBasis)).toList();
        List<TitreView.RateTotal> byRate = Vat.byRate(t.lines.stream().map(TitreService::amounts).toList()).stream()
                .map(r -> new TitreView.RateTotal(r.rate(), r.ht(), r.vat(), r.ttc())).toList();
        return new TitreView(t.id, t.number, t.kind, t.issuer,
                new TitreView.Party(t.issuer, t.issuerName, t.issuerSiret, t.issuerStreet, t.issuerPostalCode, t.issuerCity, t.issuerCourt),
                new TitreView.Debtor(t.debtorId, t.debtorName, t.debtorSiret, t.debtorStreet, t.debtorPostalCode, t.debtorCity,
                        t.debtorChorusEj, t.debtorChorusService),
                t.fiscalYear, t.issuedOn, t.dueOn, t.object, lines, t.total, balance.paid(), balance.cancelled(), balance.remaining(),
                balance.status(), overdue, t.cancelsTitreId, t.reason, correctedBy.isEmpty() ? null : correctedBy,
                payments.stream().map(p -> new TitreView.PaymentView(p.id, p.amount, p.paidOn, p.reference)).toList(),
                t.totalHt, t.totalVat, byRate, bordereau);
    }

    /** A line's figures as issued. */
    static Vat.LineAmounts amounts(TitreLine l) {
        return new Vat.LineAmounts(l.amount, l.vatRate, l.vatAmount, l.amountTtc, l.taxation);
    }

    /**
     * What the titre prints: the titre, the issuer settings revision frozen at its issue (docs/rules.md, R-4), and the
     * titre it corrects, if any.
     */
    @Transactional
    public fr.centrale.billing.document.TitreDocument document(UUID id) {
        readOnly();
        Titre t = require(id);
        fr.centrale.billing.IssuerSettings revision = settings.ofTitre(t.settingsRevisionId, t.issuer, t.issuedOn)
                .orElseThrow(() -> new IllegalStateException("No issuer settings for titre " + t.number));
        Titre original = t.cancelsTitreId == null ? null : require(t.cancelsTitreId);
        fr.centrale.billing.Bordereau bordereau = t.bordereauId == null ? null : em.find(fr.centrale.billing.Bordereau.class, t.bordereauId);
        return fr.centrale.billing.document.TitreDocuments.of(t, revision, original, bordereau == null ? null : bordereau.number);
    }

    Titre require(UUID id) {
        Titre t = em.find(Titre.class, id);
        if (t == null) {
            throw ProblemException.notFound("Titre", id);
        }
        return t;
    }

    /** Locks the titre's row against concurrent payments and corrections (a read lock: the row is never updated). */
    private Titre lock(UUID id) {
        if (em.createNativeQuery("SELECT id FROM titre WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList().isEmpty()) {
            throw ProblemException.notFound("Titre", id);
        }
        return require(id);
    }
}
