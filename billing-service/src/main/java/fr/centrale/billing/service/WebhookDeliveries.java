package fr.centrale.billing.service;

import fr.centrale.billing.domain.WebhookRetry;
import fr.centrale.billing.repository.WebhookRepository;
import fr.centrale.billing.repository.WebhookRepository.DeliveryState;
import fr.centrale.billing.repository.WebhookRepository.OpenDelivery;
import fr.centrale.billing.repository.WebhookRepository.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery worker's transactions. Each one locks the subscriber's row and checks that its cursor is still
 * the one the worker started from: an admin's replay or deletion meanwhile wins, and the worker stops.
 */
@ApplicationScoped
public class WebhookDeliveries {

    @Inject
    WebhookRepository repository;

    @ConfigProperty(name = "centrale.webhooks.retry.first", defaultValue = "5S")
    Duration first;

    @ConfigProperty(name = "centrale.webhooks.retry.max", defaultValue = "1H")
    Duration max;

    @ConfigProperty(name = "centrale.webhooks.retry.failing-after", defaultValue = "24H")
    Duration failingAfter;

    /** The outcome of one attempt, for the worker: go on with the next event or stop. */
    public enum Next { CONTINUE, STOP }

    public WebhookRetry retry() {
        return new WebhookRetry(first, max, failingAfter);
    }

    @Transactional
    public Optional<Subscriber> subscriber(UUID id) {
        return repository.find(id, false);
    }

    @Transactional
    public List<UUID> due(Instant now) {
        return repository.due(now);
    }

    /** Events filtered out: the cursor passes over them without a POST. */
    @Transactional
    public boolean passOver(UUID subscriber, long expected, long position) {
        return repository.advance(subscriber, expected, position);
    }

    /**
     * Records an attempt to deliver the event at {@code position}: on success the cursor moves onto it; on failure the
     * subscriber waits until the next attempt of the back-off, blocked on this event.
     */
    @Transactional
    public Next record(UUID subscriber, long expected, long position, String type, String webhookId, Instant started, Instant ended,
                       WebhookSender.Answer answer) {
        Optional<Subscriber> locked = repository.find(subscriber, true);
        if (locked.isEmpty() || locked.get().cursor() != expected) {
            return Next.STOP; // deleted, or replayed meanwhile: what was sent is moot, the worker starts again from the cursor
        }
        Optional<OpenDelivery> open = repository.open(subscriber);
        if (open.isPresent() && open.get().position() != position) {
            repository.supersedeOpen(subscriber, ended);
            open = Optional.empty();
        }
        int attempts = open.map(OpenDelivery::attempts).orElse(0) + 1;
        Instant firstAttempt = open.map(OpenDelivery::firstAttemptAt).orElse(started);
        DeliveryState state;
        if (answer.succeeded()) {
            state = new DeliveryState(attempts, firstAttempt, started, null, ended, answer.status(), answer.excerpt(), "SUCCEEDED");
            repository.advance(subscriber, expected, position);
        } else {
            WebhookRetry retry = retry();
            Instant next = ended.plus(retry.delayAfter(attempts));
            state = new DeliveryState(attempts, firstAttempt, started, next, null, answer.status(), answer.excerpt(),
                    retry.statusAfterFailure(firstAttempt, ended).name());
            repository.retryAt(subscriber, next);
        }
        if (open.isPresent()) {
            repository.updateDelivery(open.get().id(), state);
        } else {
            repository.insertDelivery(subscriber, position, type, webhookId, state);
        }
        return answer.succeeded() && locked.get().enabled() ? Next.CONTINUE : Next.STOP;
    }
}
