package fr.centrale.billing.service;

import fr.centrale.billing.BillingRun;
import fr.centrale.billing.api.BillingRunView;
import fr.centrale.billing.client.DebtorLookup;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.client.IssuerSnapshot;
import fr.centrale.billing.client.SourceDirectory;
import fr.centrale.billing.repository.LedgerBatchRepository.ItemKey;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A billing run (invoicing as a difference, after Kill Bill): read the billable items of both schedules
 * up to {@code asOf}, and issue those that have no titre yet. Repeating a run, running two at once, or
 * resuming after a crash therefore issues each titre exactly once; a source that fails mid-run leaves the
 * titres issued so far complete, marks the run PARTIAL, and the next run issues the rest.
 *
 * <p>At scale (a Q1 run issues every membership fee and yearly contribution at once) the work is split
 * between two threads: a reader pages through the feeds, drops the items already issued (one query per
 * page) and reads the debtors of the others (one membership-service lookup per page), while the calling
 * thread issues what the reader prepared, {@code centrale.billing.batch-size} items per transaction
 * ({@link IssuanceService#issueBatch}). A batch that fails is issued again one item at a time, so that a
 * bad item is reported alone and the others are issued.
 */
@ApplicationScoped
public class BillingRunService {

    private static final Logger LOG = Logger.getLogger(BillingRunService.class);
    private static final int PAGE = 500;
    private static final String MEMBERSHIP_SERVICE = "membership-service";
    private static final String CONVENTION_SERVICE = "convention-service";
    /** Pages the reader may prepare ahead of the issuing. */
    private static final int READ_AHEAD = 2;
    /** Item failures named in a run's message; the others are counted. */
    private static final int PROBLEMS_NAMED = 20;

    @Inject
    SourceDirectory sources;

    @Inject
    DebtorLookup debtorLookup;

    @Inject
    IssuanceService issuance;

    @Inject
    ThresholdService thresholds;

    @Inject
    BordereauChains bordereauChains;

    @ConfigProperty(name = "centrale.billing.batch-size", defaultValue = "500")
    int batchSize;

    private interface Feed {
        BillableItemPage page(LocalDate through, UUID after, int size);
    }

    /** What the reader hands to the issuing thread. */
    private sealed interface Step {
    }

    /** A page of items due: to issue (with their snapshots), found already issued, or failed before issuing. */
    private record Prepared(List<IssuanceService.Issue> toIssue, List<BillableItem> wouldIssue, int already,
                            List<String> failures) implements Step {
    }

    /** A source read to its end, or not (then {@code problem} says why). */
    private record SourceRead(String source, boolean complete, String problem) implements Step {
    }

    /** The reader is done (failure: what stopped it unexpectedly). */
    private record Done(RuntimeException failure) implements Step {
    }

    /** What a run has done so far (issuing thread only). */
    private static final class Tally {
        int issued;
        int already;
        int waived;
        int failed;
        final List<String> sourceProblems = new ArrayList<>();
        final List<String> itemProblems = new ArrayList<>();
        int unnamedProblems;
        final List<BillableItem> wouldIssue = new ArrayList<>();

        void itemProblem(String problem) {
            if (itemProblems.size() < PROBLEMS_NAMED) {
                itemProblems.add(problem);
            } else {
                unnamedProblems++;
            }
        }

        String message() {
            List<String> all = new ArrayList<>(sourceProblems);
            all.addAll(itemProblems);
            if (unnamedProblems > 0) {
                all.add("and " + unnamedProblems + " more item(s) failed");
            }
            return all.isEmpty() ? null : String.join("; ", all);
        }
    }

    public BillingRunView run(LocalDate asOf, boolean dryRun, BillingRun.Trigger trigger) {
        UUID runId = dryRun ? null : start(asOf, trigger);
        long started = System.nanoTime();
        Tally tally = new Tally();
        Map<String, Boolean> complete = new HashMap<>();
        BlockingQueue<Step> steps = new ArrayBlockingQueue<>(READ_AHEAD);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "billing-run-reader");
            t.setDaemon(true);
            return t;
        });
        long waited = 0;
        // docs/rules.md, R-2: the thresholds in force on the run's issue date, read once.
        IssuanceService.Thresholds inForce = dryRun ? IssuanceService.Thresholds.DEFAULT : thresholds.on(asOf);
        // docs/rules.md, R-4: the issuer settings revisions in force on the run's issue date, read once.
        IssuanceService.Revisions revisions = dryRun ? issuer -> null : issuance.revisionsOn(asOf);
        boolean ended = false;
        try {
            reader.execute(() -> readAll(asOf, dryRun, runId, steps));
            while (true) {
                long waiting = System.nanoTime();
                Step step = take(steps);
                waited += System.nanoTime() - waiting;
                if (step instanceof Prepared p) {
                    tally.already += p.already();
                    tally.failed += p.failures().size();
                    p.failures().forEach(tally::itemProblem);
                    tally.wouldIssue.addAll(p.wouldIssue());
                    issueAll(p.toIssue(), asOf, runId, inForce, revisions, tally);
                } else if (step instanceof SourceRead r) {
                    complete.put(r.source(), r.complete());
                    if (r.problem() != null) {
                        tally.sourceProblems.add(r.problem());
                    }
                } else if (step instanceof Done d) {
                    if (d.failure() != null) {
                        throw d.failure();
                    }
                    break;
                }
            }
            ended = true;
        } finally {
            reader.shutdownNow();
            if (!ended && runId != null) {
                closeBordereaux(runId); // the run stops here: what it issued is final (README, "Tamper evidence")
            }
        }
        boolean membershipRead = complete.getOrDefault(MEMBERSHIP_SERVICE, false);
        boolean conventionRead = complete.getOrDefault(CONVENTION_SERVICE, false);
        BillingRun.Status status;
        if (!membershipRead && !conventionRead && tally.issued + tally.already == 0) {
            status = BillingRun.Status.FAILED;
        } else if (!membershipRead || !conventionRead || tally.failed > 0) {
            status = BillingRun.Status.PARTIAL;
        } else {
            status = BillingRun.Status.COMPLETED;
        }
        String message = tally.message();
        if (dryRun) {
            return new BillingRunView(null, asOf, status, trigger, true, tally.wouldIssue.size(), tally.already,
                    tally.failed, message, null, null, tally.wouldIssue, 0);
        }
        LOG.infof("Billing run %s as of %s: %s, %d issued, %d waived, %d already issued, %d failed in %.1f s (%.1f s waiting for the sources)",
                runId, asOf, status, tally.issued, tally.waived, tally.already, tally.failed, (System.nanoTime() - started) / 1e9, waited / 1e9);
        return finish(runId, status, tally, message);
    }

    public BillingRunView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BillingRun run = BillingRun.findById(id);
            if (run == null) {
                throw ProblemException.notFound("Billing run", id);
            }
            return BillingRunView.of(run);
        });
    }

    public PageResponse<BillingRunView> list(PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = BillingRun.<BillingRun>findAll(Sort.by("startedAt").descending().and("id"));
            List<BillingRunView> items = query.page(page.page(), page.size()).list().stream().map(BillingRunView::of).toList();
            return new PageResponse<>(items, page.page(), page.size(), query.count());
        });
    }

    /** A run that was RUNNING when the service stopped (kill -9, crash) will never finish: say so. */
    void markInterruptedRuns(@Observes StartupEvent event) {
        int n = QuarkusTransaction.requiringNew().call(() -> BillingRun.update(
                "status = ?1, message = ?2, finishedAt = ?3 where status = ?4", BillingRun.Status.INTERRUPTED,
                "The service stopped during this run; the next run issues what it did not", Instant.now(),
                BillingRun.Status.RUNNING));
        if (n > 0) {
            LOG.warnf("%d billing run(s) were interrupted by a stop; the next run completes them", n);
        }
        // Their bordereaux hold what they committed, which is final: chained now (README, "Tamper evidence").
        bordereauChains.closeEnded();
    }

    /** Chains the bordereaux of a run that stopped on a failure (in a transaction of its own; a failure here is logged). */
    private void closeBordereaux(UUID runId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> bordereauChains.closeRun(runId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Billing run %s: its bordereaux could not be chained now; the next start chains them", runId);
        }
    }

    // ---- the reader thread ----

    /** Reads both sources to the end (or until they fail), handing each page over as it is prepared. */
    private void readAll(LocalDate asOf, boolean dryRun, UUID runId, BlockingQueue<Step> steps) {
        RuntimeException failure = null;
        try {
            Map<UUID, Optional<DebtorSnapshot>> debtors = new HashMap<>();
            Map<String, Optional<IssuerSnapshot>> issuers = new HashMap<>();
            read(MEMBERSHIP_SERVICE, sources::membershipItems, asOf, dryRun, runId, debtors, issuers, steps);
            read(CONVENTION_SERVICE, sources::conventionItems, asOf, dryRun, runId, debtors, issuers, steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the issuing thread stopped first: nobody is waiting
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            steps.put(new Done(failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one source to its end, or until it fails (a 503: the run is then PARTIAL). */
    private void read(String source, Feed feed, LocalDate asOf, boolean dryRun, UUID runId,
                      Map<UUID, Optional<DebtorSnapshot>> debtors, Map<String, Optional<IssuerSnapshot>> issuers,
                      BlockingQueue<Step> steps) throws InterruptedException {
        UUID cursor = null;
        do {
            Prepared prepared;
            try {
                BillableItemPage page;
                try {
                    page = feed.page(asOf, cursor, PAGE);
                } catch (ProblemException e) {
                    LOG.warnf("Billing run %s: %s could not be read: %s", runId, source, e.getMessage());
                    steps.put(new SourceRead(source, false, source + " could not be read: " + e.getMessage()));
                    return;
                }
                prepared = prepare(page.items(), asOf, dryRun, debtors, issuers);
                cursor = page.nextCursor();
            } catch (ProblemException e) {
                if (e.status() != 503) {
                    throw e;
                }
                LOG.warnf("Billing run %s: %s", runId, e.getMessage());
                steps.put(new SourceRead(source, false, e.getMessage()));
                return;
            }
            steps.put(prepared);
        } while (cursor != null);
        steps.put(new SourceRead(source, true, null));
    }

    /**
     * The page's items due by {@code asOf} less those already issued (one query); for a real run, each
     * with its debtor and issuer (the debtors not seen yet in this run read in one lookup).
     *
     * @throws ProblemException 503 when membership-service cannot give the debtors or issuers
     */
    private Prepared prepare(List<BillableItem> page, LocalDate asOf, boolean dryRun,
                             Map<UUID, Optional<DebtorSnapshot>> debtors, Map<String, Optional<IssuerSnapshot>> issuers) {
        Map<ItemKey, BillableItem> due = new LinkedHashMap<>();
        for (BillableItem item : page) {
            if (item != null && !item.issueOn().isAfter(asOf)) {
                due.putIfAbsent(ItemKey.of(item), item);
            }
        }
        Set<ItemKey> issued = due.isEmpty() ? Set.of() : issuance.issuedAmong(due.values());
        List<BillableItem> open = due.entrySet().stream().filter(e -> !issued.contains(e.getKey())).map(Map.Entry::getValue).toList();
        int already = due.size() - open.size();
        if (dryRun) {
            return new Prepared(List.of(), open, already, List.of());
        }
        Set<UUID> unseen = new LinkedHashSet<>();
        for (BillableItem item : open) {
            if (item.debtorId() != null && !debtors.containsKey(item.debtorId())) {
                unseen.add(item.debtorId());
            }
        }
        if (!unseen.isEmpty()) {
            Map<UUID, DebtorSnapshot> found = debtorLookup.debtors(unseen);
            unseen.forEach(id -> debtors.put(id, Optional.ofNullable(found.get(id))));
        }
        List<IssuanceService.Issue> toIssue = new ArrayList<>(open.size());
        List<String> failures = new ArrayList<>();
        for (BillableItem item : open) {
            Optional<DebtorSnapshot> debtor = item.debtorId() == null ? Optional.empty() : debtors.get(item.debtorId());
            Optional<IssuerSnapshot> issuer = item.issuer() == null ? Optional.empty()
                    : issuers.computeIfAbsent(item.issuer(), sources::issuer);
            if (debtor.isEmpty()) {
                failures.add(describe(item) + ": debtor " + item.debtorId() + " is unknown to membership-service");
            } else if (issuer.isEmpty()) {
                failures.add(describe(item) + ": purchasing body " + item.issuer() + " is unknown");
            } else {
                toIssue.add(new IssuanceService.Issue(item, debtor.get(), issuer.get()));
            }
        }
        return new Prepared(toIssue, List.of(), already, failures);
    }

    // ---- the issuing thread ----

    /** Issues the items a batch at a time; a batch that fails is issued again one item at a time. */
    private void issueAll(List<IssuanceService.Issue> items, LocalDate asOf, UUID runId, IssuanceService.Thresholds inForce,
                          IssuanceService.Revisions revisions, Tally tally) {
        int size = Math.max(1, batchSize);
        for (int from = 0; from < items.size(); from += size) {
            List<IssuanceService.Issue> batch = items.subList(from, Math.min(items.size(), from + size));
            try {
                IssuanceService.BatchOutcome outcome = issuance.issueBatch(batch, asOf, runId, inForce, revisions);
                tally.issued += outcome.issued();
                tally.already += outcome.alreadyIssued();
                tally.waived += outcome.waived();
            } catch (RuntimeException e) {
                LOG.warnf("Billing run %s: a batch of %d item(s) failed (%s); issuing them one by one", runId, batch.size(),
                        rootMessage(e));
                issueOneByOne(batch, asOf, runId, inForce, revisions, tally);
            }
        }
    }

    private void issueOneByOne(List<IssuanceService.Issue> batch, LocalDate asOf, UUID runId,
                               IssuanceService.Thresholds inForce, IssuanceService.Revisions revisions, Tally tally) {
        for (IssuanceService.Issue i : batch) {
            try {
                switch (issuance.issue(i.item(), i.debtor(), i.issuer(), asOf, runId, inForce, revisions)) {
                    case ISSUED -> tally.issued++;
                    case WAIVED -> tally.waived++;
                    case ALREADY_ISSUED -> tally.already++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Billing run %s: %s could not be issued", runId, describe(i.item()));
                tally.failed++;
                tally.itemProblem(describe(i.item()) + ": " + rootMessage(e));
            }
        }
    }

    private static Step take(BlockingQueue<Step> steps) {
        try {
            return steps.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the billable items", e);
        }
    }

    private static String describe(BillableItem item) {
        return item.sourceType() + " " + item.sourceId() + " #" + item.sequence();
    }

    /** The innermost cause's message (a constraint the database refused, say), without the stack. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private UUID start(LocalDate asOf, BillingRun.Trigger trigger) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BillingRun run = new BillingRun();
            run.id = UUID.randomUUID();
            run.asOf = asOf;
            run.trigger = trigger;
            run.status = BillingRun.Status.RUNNING;
            run.startedAt = Instant.now();
            run.persist();
            return run.id;
        });
    }

    private BillingRunView finish(UUID runId, BillingRun.Status status, Tally tally, String message) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // docs/rules.md, R-6: the run's bordereaux are complete; each is chained as the run ends (README, "Tamper evidence").
            bordereauChains.closeRun(runId);
            BillingRun run = BillingRun.findById(runId);
            run.status = status;
            run.issuedCount = tally.issued;
            run.alreadyIssuedCount = tally.already;
            run.waivedCount = tally.waived;
            run.failedCount = tally.failed;
            run.message = message == null ? null : message.substring(0, Math.min(message.length(), 4000));
            run.finishedAt = Instant.now();
            return BillingRunView.of(run);
        });
    }
}
