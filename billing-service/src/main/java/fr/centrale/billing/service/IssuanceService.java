package fr.centrale.billing.service;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.client.IssuerSnapshot;
import fr.centrale.billing.domain.ChainKey;
import fr.centrale.billing.domain.IssuingThreshold;
import fr.centrale.billing.domain.Vat;
import fr.centrale.billing.repository.BordereauRepository;
import fr.centrale.billing.repository.IssuerSettingsRepository;
import fr.centrale.billing.repository.LedgerBatchRepository;
import fr.centrale.billing.repository.LedgerBatchRepository.ItemKey;
import fr.centrale.common.billing.BillableItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues the titre of a billable item exactly once, an item at a time ({@link #issue}) or a batch at a
 * time ({@link #issueBatch}, what billing runs use), each in a transaction of its own:
 * <ol>
 * <li>the item's key {@code (sourceType, sourceId, sequence)} is claimed first; if another run holds or
 *     has committed it, nothing else happens (a concurrent claimant waits for the holder to finish);</li>
 * <li>the next number of the issuer's series for the fiscal year is taken in the same transaction, so a
 *     rollback or a crash gives it back and numbers never skip;</li>
 * <li>the titre freezes the debtor's and issuer's details as they are now, and names the issuer settings revision
 *     in force on its issue date (docs/rules.md, R-4: officer and mentions).</li>
 * </ol>
 */
@ApplicationScoped
public class IssuanceService {

    @Inject
    EntityManager em;

    @Inject
    LedgerEvents events;

    @Inject
    LedgerBatchRepository ledger;

    @Inject
    IssuerSettingsRepository settings;

    @Inject
    BordereauRepository bordereaux;

    @Inject
    LedgerChains chains;

    /** One item to issue, with the debtor and issuer its titre freezes. */
    public record Issue(BillableItem item, DebtorSnapshot debtor, IssuerSnapshot issuer) {
    }

    /**
     * What a batch did: titres issued, items found already issued or waived (by an earlier or concurrent run), and
     * items waived below their issuer's threshold by this one (docs/rules.md, R-2).
     */
    public record BatchOutcome(int issued, int alreadyIssued, int waived) {
    }

    /** What became of one item. */
    public enum Outcome { ISSUED, ALREADY_ISSUED, WAIVED }

    /** The threshold in force for each issuer on the run's issue date (docs/rules.md, R-2). */
    @FunctionalInterface
    public interface Thresholds {
        BigDecimal of(String issuer);

        Thresholds DEFAULT = issuer -> IssuingThreshold.DEFAULT;
    }

    /**
     * The issuer settings revision each issuer's titres freeze (docs/rules.md, R-4), read once for a run: every titre of
     * a run, issued on its {@code asOf}, names the same revision.
     */
    @FunctionalInterface
    public interface Revisions {
        UUID of(String issuer);
    }

    /** The revisions in force on {@code on} (one query). */
    @Transactional
    public Revisions revisionsOn(LocalDate on) {
        return settings.revisionIdsOn(on)::apply;
    }

    /** The series of titres (ORIGINAL, CANCELLATION, REDUCTION) and that of mandats 673 (docs/rules.md, R-7). */
    static final String TITRES = "";
    static final String MANDATES = "M673";

    /**
     * Issues the item's titre, or records it as waived when what it would claim is below its issuer's threshold;
     * nothing when it was already issued or waived.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome issue(BillableItem item, DebtorSnapshot debtor, IssuerSnapshot issuer, LocalDate issuedOn,
                         UUID runId, Thresholds thresholds, Revisions revisions) {
        Vat.LineAmounts amounts = amounts(item);
        BigDecimal threshold = thresholds.of(issuer.code());
        boolean waived = IssuingThreshold.waived(amounts.ttc(), threshold);
        UUID titreId = waived ? null : UUID.randomUUID();
        Set<ItemKey> owned = ledger.claim(List.of(new LedgerBatchRepository.Claim(ItemKey.of(item), titreId)));
        if (owned.isEmpty()) {
            return Outcome.ALREADY_ISSUED;
        }
        if (waived) {
            ledger.insertWaivers(List.of(new LedgerBatchRepository.Waiver(item, amounts.ht(), amounts.ttc(), threshold)),
                    runId, issuedOn);
            return Outcome.WAIVED;
        }
        Titre t = original(new Issue(item, debtor, issuer), titreId, nextNumber(issuer.code(), issuedOn.getYear(), TITRES),
                issuedOn, runId);
        t.settingsRevisionId = revisions.of(t.issuer);
        bordereaux.listRun(List.of(t), runId); // docs/rules.md, R-6: on the run's bordereau, after the titre's number
        t.chainHash = chains.append(ChainRecords.seriesOf(t), position -> ChainRecords.titre(t)).hash();
        em.persist(t);
        em.flush();
        events.record(t.id, "ISSUED");
        return Outcome.ISSUED;
    }

    /**
     * Issues a batch of items in one transaction, with the same guarantees as {@link #issue} for each: the
     * items' keys are claimed first (in a fixed order, so that two runs claiming overlapping batches never
     * wait for each other in a cycle; an item another run holds is waited for, then skipped if it
     * committed), then each issuer's series gives all the batch's numbers in one statement (the row stays
     * locked until commit: numbers in issue order, a rollback gives them all back), then the titres, their
     * lines and their events are written one statement per table.
     *
     * <p>Any failure rolls the whole batch back: the caller then issues its items one by one
     * ({@link #issue}), so that a bad item is reported alone and the others are issued.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BatchOutcome issueBatch(List<Issue> batch, LocalDate issuedOn, UUID runId, Thresholds thresholds, Revisions revisions) {
        Map<ItemKey, Issue> byKey = new LinkedHashMap<>();
        for (Issue i : batch) {
            byKey.putIfAbsent(ItemKey.of(i.item()), i);
        }
        Map<ItemKey, UUID> titreIds = new HashMap<>();
        Map<ItemKey, LedgerBatchRepository.Waiver> waivers = new HashMap<>();
        List<LedgerBatchRepository.Claim> claims = new ArrayList<>();
        for (Map.Entry<ItemKey, Issue> e : byKey.entrySet()) {
            Vat.LineAmounts amounts = amounts(e.getValue().item());
            BigDecimal threshold = thresholds.of(e.getValue().issuer().code());
            UUID id = null;
            if (IssuingThreshold.waived(amounts.ttc(), threshold)) {
                waivers.put(e.getKey(), new LedgerBatchRepository.Waiver(e.getValue().item(), amounts.ht(), amounts.ttc(), threshold));
            } else {
                id = UUID.randomUUID();
                titreIds.put(e.getKey(), id);
            }
            claims.add(new LedgerBatchRepository.Claim(e.getKey(), id));
        }
        Set<ItemKey> owned = ledger.claim(LedgerBatchRepository.inClaimOrder(claims));
        List<ItemKey> mine = byKey.keySet().stream().filter(k -> owned.contains(k) && titreIds.containsKey(k)).toList();
        List<LedgerBatchRepository.Waiver> waived = byKey.keySet().stream().filter(k -> owned.contains(k) && waivers.containsKey(k))
                .map(waivers::get).toList();

        // Series in a fixed order too (concurrent batches of several issuers), numbers in feed order.
        int year = issuedOn.getYear();
        Map<String, List<ItemKey>> byIssuer = new TreeMap<>();
        for (ItemKey key : mine) {
            byIssuer.computeIfAbsent(byKey.get(key).issuer().code(), code -> new ArrayList<>()).add(key);
        }
        Map<ItemKey, Integer> serials = new HashMap<>();
        byIssuer.forEach((code, keys) -> {
            int next = ledger.takeNumbers(code, year, keys.size());
            for (ItemKey key : keys) {
                serials.put(key, next++);
            }
        });

        List<Titre> titres = new ArrayList<>(mine.size());
        for (ItemKey key : mine) {
            Titre t = original(byKey.get(key), titreIds.get(key), serials.get(key), issuedOn, runId);
            t.settingsRevisionId = revisions.of(t.issuer);
            titres.add(t);
        }
        bordereaux.listRun(titres, runId); // docs/rules.md, R-6: on the run's bordereaux, after the titres' numbers
        chain(titres);
        ledger.insert(titres, runId);
        ledger.insertWaivers(waived, runId, issuedOn);
        ledger.recordEvents(titres.stream().map(t -> t.id).toList(), "ISSUED");
        return new BatchOutcome(titres.size(), batch.size() - titres.size() - waived.size(), waived.size());
    }

    /**
     * Each titre's chain hash (README, "Tamper evidence"): the titres of each series in serial order (the order they
     * are numbered in), after the series' head; two statements for the batch.
     */
    private void chain(List<Titre> titres) {
        Map<ChainKey, List<Titre>> bySeries = new TreeMap<>();
        for (Titre t : titres) {
            bySeries.computeIfAbsent(ChainRecords.seriesOf(t), k -> new ArrayList<>()).add(t);
        }
        Map<ChainKey, List<LedgerChains.Record>> records = new LinkedHashMap<>();
        bySeries.forEach((series, list) -> {
            list.sort(java.util.Comparator.comparingInt(t -> t.serial));
            records.put(series, list.stream().<LedgerChains.Record>map(t -> position -> ChainRecords.titre(t)).toList());
        });
        Map<ChainKey, List<LedgerChains.Link>> links = chains.appendAll(records);
        bySeries.forEach((series, list) -> {
            List<LedgerChains.Link> l = links.get(series);
            for (int i = 0; i < list.size(); i++) {
                list.get(i).chainHash = l.get(i).hash();
            }
        });
    }

    /** The keys among the items' that already have their titre (one query for the lot). */
    @Transactional
    public Set<ItemKey> issuedAmong(Collection<BillableItem> items) {
        return ledger.issuedAmong(items.stream().map(ItemKey::of).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Whether the item already has its titre (for dry runs). */
    public boolean isIssued(BillableItem item) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM issued_item WHERE source_type = ?1 AND source_id = ?2 AND sequence = ?3""")
                .setParameter(1, item.sourceType().name()).setParameter(2, item.sourceId()).setParameter(3, item.sequence())
                .getResultList().isEmpty();
    }

    /**
     * A titre with its number taken from the issuer's series of the fiscal year of {@code issuedOn}: the mandats 673
     * have a series of their own (docs/rules.md, R-7).
     */
    Titre newTitre(UUID id, TitreKind kind, IssuerSnapshot issuer, LocalDate issuedOn, LocalDate dueOn) {
        String series = kind == TitreKind.MANDATE_673 ? MANDATES : TITRES;
        Titre t = titre(id, kind, issuer, issuedOn, dueOn, nextNumber(issuer.code(), issuedOn.getYear(), series));
        if (kind == TitreKind.MANDATE_673) {
            t.number = number(issuer.code() + "-" + issuedOn.getYear() + "-" + MANDATES, t.serial);
        }
        t.settingsRevisionId = settings.revisionIdFor(issuer.code(), issuedOn);
        return t;
    }

    /** A titre numbered {@code serial} in the issuer's series of the fiscal year of {@code issuedOn}. */
    private static Titre titre(UUID id, TitreKind kind, IssuerSnapshot issuer, LocalDate issuedOn, LocalDate dueOn, int serial) {
        int year = issuedOn.getYear();
        Titre t = new Titre();
        t.id = id;
        t.kind = kind;
        t.issuer = issuer.code();
        t.fiscalYear = year;
        t.serial = serial;
        t.number = number(issuer.code(), year, serial);
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

    /** RESAH-2025-000042: the issuer, the fiscal year, the serial on at least six digits. */
    static String number(String issuer, int year, int serial) {
        return number(issuer + "-" + year, serial);
    }

    /** RESAH-2025-M673-000001: the series' prefix, the serial on at least six digits. */
    private static String number(String prefix, int serial) {
        String digits = Integer.toString(serial);
        StringBuilder number = new StringBuilder(prefix.length() + 8).append(prefix).append('-');
        for (int i = digits.length(); i < 6; i++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }

    /** The titre of a billable item, numbered {@code serial}: debtor and issuer frozen as given, one line. */
    private static Titre original(Issue issue, UUID titreId, int serial, LocalDate issuedOn, UUID runId) {
        BillableItem item = issue.item();
        Titre t = titre(titreId, TitreKind.ORIGINAL, issue.issuer(), issuedOn, issuedOn.plusDays(item.paymentTermDays()), serial);
        setDebtor(t, issue.debtor());
        // docs/rules.md, R-3: the commitment's Chorus Pro references; the organisation's are only defaults.
        if (item.chorusLegalCommitment() != null && !item.chorusLegalCommitment().isBlank()) {
            t.debtorChorusEj = item.chorusLegalCommitment();
        }
        if (item.chorusServiceCode() != null && !item.chorusServiceCode().isBlank()) {
            t.debtorChorusService = item.chorusServiceCode();
        }
        Vat.LineAmounts amounts = amounts(item);
        t.object = item.label();
        t.total = amounts.ttc();
        t.totalHt = amounts.ht();
        t.totalVat = amounts.vat();
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
        line.amount = amounts.ht();
        line.vatRate = amounts.rate();
        line.vatAmount = amounts.vat();
        line.amountTtc = amounts.ttc();
        line.taxation = amounts.taxation();
        line.legalBasis = item.legalBasis();
        line.sourceType = item.sourceType().name();
        line.sourceId = item.sourceId();
        line.sequence = item.sequence();
        line.itemKind = item.kind().name();
        t.lines.add(line);
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

    /** The item's figures: HT, VAT and TTC (docs/rules.md, R-1). */
    public static Vat.LineAmounts amounts(BillableItem item) {
        return Vat.line(item.amount(), item.taxation(), item.vatRate());
    }

    /** The next number of the series; the row stays locked until the transaction ends. */
    private int nextNumber(String issuer, int year, String series) {
        Object next = em.createNativeQuery("""
                        INSERT INTO number_series (issuer, fiscal_year, series, last_number) VALUES (?1, ?2, ?3, 1)
                        ON CONFLICT (issuer, fiscal_year, series) DO UPDATE SET last_number = number_series.last_number + 1
                        RETURNING last_number""")
                .setParameter(1, issuer).setParameter(2, year).setParameter(3, series)
                .getSingleResult();
        return ((Number) next).intValue();
    }
}
