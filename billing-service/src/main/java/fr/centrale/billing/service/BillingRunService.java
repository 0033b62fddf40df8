package fr.centrale.billing.service;

import fr.centrale.billing.BillingRun;
import fr.centrale.billing.api.BillingRunView;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.client.IssuerSnapshot;
import fr.centrale.billing.client.SourceDirectory;
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
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A billing run (invoicing as a difference, after Kill Bill): read the billable items of both schedules
 * up to {@code asOf}, and issue those that have no titre yet, each in its own transaction. Repeating a
 * run, running two at once, or resuming after a crash therefore issues each titre exactly once; a source
 * that fails mid-run leaves the titres issued so far complete, marks the run PARTIAL, and the next run
 * issues the rest.
 */
@ApplicationScoped
public class BillingRunService {

    private static final Logger LOG = Logger.getLogger(BillingRunService.class);
    private static final int PAGE = 500;

    @Inject
    SourceDirectory sources;

    @Inject
    IssuanceService issuance;

    private interface Feed {
        BillableItemPage page(LocalDate through, UUID after, int size);
    }

    /** What a run has done so far. */
    private static final class Tally {
        int issued;
        int already;
        int failed;
        final List<String> problems = new ArrayList<>();
        final List<BillableItem> wouldIssue = new ArrayList<>();
        final Map<UUID, Optional<DebtorSnapshot>> debtors = new HashMap<>();
        final Map<String, Optional<IssuerSnapshot>> issuers = new HashMap<>();
    }

    public BillingRunView run(LocalDate asOf, boolean dryRun, BillingRun.Trigger trigger) {
        UUID runId = dryRun ? null : start(asOf, trigger);
        Tally tally = new Tally();
        boolean membershipRead = read("membership-service", sources::membershipItems, asOf, dryRun, runId, tally);
        boolean conventionRead = read("convention-service", sources::conventionItems, asOf, dryRun, runId, tally);
        BillingRun.Status status;
        if (!membershipRead && !conventionRead && tally.issued + tally.already == 0) {
            status = BillingRun.Status.FAILED;
        } else if (!membershipRead || !conventionRead || tally.failed > 0) {
            status = BillingRun.Status.PARTIAL;
        } else {
            status = BillingRun.Status.COMPLETED;
        }
        String message = tally.problems.isEmpty() ? null : String.join("; ", tally.problems);
        if (dryRun) {
            return new BillingRunView(null, asOf, status, trigger, true, tally.wouldIssue.size(), tally.already,
                    tally.failed, message, null, null, tally.wouldIssue);
        }
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
    }

    /** Reads one source to the end; false when it could not be read to the end. */
    private boolean read(String source, Feed feed, LocalDate asOf, boolean dryRun, UUID runId, Tally tally) {
        UUID cursor = null;
        do {
            BillableItemPage page;
            try {
                page = feed.page(asOf, cursor, PAGE);
            } catch (ProblemException e) {
                tally.problems.add(source + " could not be read: " + e.getMessage());
                LOG.warnf("Billing run %s: %s could not be read: %s", runId, source, e.getMessage());
                return false;
            }
            for (BillableItem item : page.items()) {
                if (item.issueOn().isAfter(asOf)) {
                    continue;
                }
                try {
                    handle(item, asOf, dryRun, runId, tally);
                } catch (ProblemException e) {
                    if (e.status() == 503) {
                        tally.problems.add(e.getMessage());
                        return false;
                    }
                    tally.failed++;
                    tally.problems.add(item.sourceType() + " " + item.sourceId() + " #" + item.sequence() + ": " + e.getMessage());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return true;
    }

    private void handle(BillableItem item, LocalDate asOf, boolean dryRun, UUID runId, Tally tally) {
        if (dryRun) {
            if (QuarkusTransaction.requiringNew().call(() -> issuance.isIssued(item))) {
                tally.already++;
            } else {
                tally.wouldIssue.add(item);
            }
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> issuance.isIssued(item))) {
            tally.already++;
            return;
        }
        DebtorSnapshot debtor = tally.debtors.computeIfAbsent(item.debtorId(), sources::debtor)
                .orElseThrow(() -> ProblemException.rule("UNKNOWN_DEBTOR", "debtor " + item.debtorId() + " is unknown to membership-service"));
        IssuerSnapshot issuer = tally.issuers.computeIfAbsent(item.issuer(), sources::issuer)
                .orElseThrow(() -> ProblemException.rule("UNKNOWN_ISSUER", "purchasing body " + item.issuer() + " is unknown"));
        if (issuance.issue(item, debtor, issuer, asOf, runId).isPresent()) {
            tally.issued++;
        } else {
            tally.already++;
        }
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
            BillingRun run = BillingRun.findById(runId);
            run.status = status;
            run.issuedCount = tally.issued;
            run.alreadyIssuedCount = tally.already;
            run.failedCount = tally.failed;
            run.message = message == null ? null : message.substring(0, Math.min(message.length(), 4000));
            run.finishedAt = Instant.now();
            return BillingRunView.of(run);
        });
    }
}
