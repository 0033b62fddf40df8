package fr.centrale.billing.service;

import fr.centrale.billing.BillingRun;
import fr.centrale.common.time.ParisClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * The daily run, as of today in Europe/Paris (cron {@code centrale.billing.cron}, "off" to disable). Every
 * titre whose issue date has come is issued: the first of a source on its start date, the yearly ones on
 * the Q1 run day, and after downtime whatever fell due meanwhile. Several replicas may run it: the
 * issuance is exactly-once.
 */
@ApplicationScoped
public class BillingScheduler {

    private static final Logger LOG = Logger.getLogger(BillingScheduler.class);

    @Inject
    BillingRunService runs;

    @Inject
    Clock clock;

    @Scheduled(identity = "daily-billing-run", cron = "{centrale.billing.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        var run = runs.run(ParisClock.today(clock), false, BillingRun.Trigger.SCHEDULER);
        LOG.infof("Daily billing run %s as of %s: %s, %d issued, %d already issued, %d failed", run.id(), run.asOf(),
                run.status(), run.issuedCount(), run.alreadyIssuedCount(), run.failedCount());
    }
}
