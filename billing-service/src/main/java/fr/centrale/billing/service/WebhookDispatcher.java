package fr.centrale.billing.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@code centrale.webhooks.every} (a few seconds; "off" to stop), starts a {@link WebhookWorker} for each
 * subscriber with something to deliver, at most {@code centrale.webhooks.concurrency} at a time: a slow subscriber
 * holds one worker and delays nobody else. A subscriber still being delivered is not started twice here, and the
 * worker's advisory lock keeps other replicas off it.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @ConfigProperty(name = "centrale.webhooks.concurrency", defaultValue = "4")
    int concurrency;

    @Inject
    WebhookWorker worker;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Clock clock;

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private ExecutorService pool;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "webhook-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        worker.stop();
        pool.shutdownNow();
    }

    @Scheduled(identity = "webhook-delivery", every = "{centrale.webhooks.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warn("Webhook delivery round failed; the next one tries again", e);
        }
    }

    /** Starts a worker for each subscriber due that is not being delivered; the futures end with their deliveries. */
    public List<Future<?>> dispatch() {
        List<Future<?>> started = new ArrayList<>();
        for (UUID id : deliveries.due(clock.instant())) {
            if (running.add(id)) {
                try {
                    started.add(pool.submit(() -> {
                        try {
                            worker.deliver(id);
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "Webhook subscriber %s: delivery stopped", id);
                        } finally {
                            running.remove(id);
                        }
                    }));
                } catch (RuntimeException rejected) {
                    running.remove(id);
                    throw rejected;
                }
            }
        }
        return started;
    }

    /** One round, waiting for its end (tests, and an operator's nudge). */
    public void deliverDue() {
        for (Future<?> f : dispatch()) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
