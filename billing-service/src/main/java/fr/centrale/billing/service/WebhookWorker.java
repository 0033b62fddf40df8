package fr.centrale.billing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.centrale.billing.api.TitreEventView;
import fr.centrale.billing.api.WebhookEnvelope;
import fr.centrale.billing.domain.WebhookSignature;
import fr.centrale.billing.domain.WebhookSubscription;
import fr.centrale.billing.repository.WebhookRepository.Subscriber;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers the titre feed to one subscriber, in feed order, from its cursor: each event is POSTed (signed), and the
 * cursor moves onto it only after a 2xx answer; a failure stops the subscriber on that event until the back-off's
 * next attempt (never skipping ahead). A subscriber is delivered by one worker at a time across every replica: the
 * worker holds a PostgreSQL session advisory lock on it for the whole delivery, on a connection of its own, which the
 * database releases if the replica dies.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    /** The advisory lock space of webhook subscribers (the first key of pg_try_advisory_lock(int, int)). */
    static final int LOCK_SPACE = 0x57484B31; // "WHK1"
    private static final int PAGE = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TitreService titres;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private volatile boolean stopping;

    void stop() {
        stopping = true;
    }

    /**
     * Delivers what waits for {@code subscriber}, unless another worker (here or on another replica) is at it.
     *
     * @return false when another worker holds the subscriber
     */
    public boolean deliver(UUID subscriber) {
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, subscriber)) {
                return false;
            }
            try {
                deliverLocked(subscriber);
            } finally {
                unlock(lock, subscriber);
            }
            return true;
        } catch (SQLException e) {
            LOG.warnf(e, "Webhook subscriber %s: no delivery this time (database)", subscriber);
            return true;
        }
    }

    private void deliverLocked(UUID id) {
        while (!stopping) {
            Optional<Subscriber> found = deliveries.subscriber(id);
            if (found.isEmpty() || !found.get().enabled()) {
                return;
            }
            Subscriber s = found.get();
            if (s.nextAttemptAt() != null && s.nextAttemptAt().isAfter(clock.instant())) {
                return;
            }
            TitreEventView page = titres.events(s.cursor(), PAGE);
            if (page.items().isEmpty()) {
                return;
            }
            String secret = secrets.open(s.secret());
            long cursor = s.cursor();
            long passed = cursor;
            for (TitreEventView.Event event : page.items()) {
                if (stopping) {
                    return;
                }
                if (!WebhookSubscription.wants(s.eventTypes(), event.type())) {
                    passed = event.position();
                    continue;
                }
                if (passed > cursor) {
                    if (!deliveries.passOver(id, cursor, passed)) {
                        return;
                    }
                    cursor = passed;
                }
                if (send(s, secret, cursor, event) == WebhookDeliveries.Next.STOP) {
                    return;
                }
                cursor = event.position();
                passed = cursor;
            }
            if (passed > cursor && !deliveries.passOver(id, cursor, passed)) {
                return;
            }
            if (!page.more()) {
                return;
            }
        }
    }

    private WebhookDeliveries.Next send(Subscriber s, String secret, long cursor, TitreEventView.Event event) {
        String type = WebhookSubscription.webhookType(event.type());
        String webhookId = WebhookSubscription.messageId(s.id(), event.position());
        byte[] body;
        try {
            body = json.writeValueAsBytes(new WebhookEnvelope(type, event.occurredAt(), event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook of position " + event.position(), e);
        }
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();
        WebhookSender.Answer answer = sender.post(s.url(), webhookId, timestamp, WebhookSignature.sign(secret, webhookId, timestamp, body), body);
        if (!answer.succeeded() && (stopping || Thread.currentThread().isInterrupted())) {
            return WebhookDeliveries.Next.STOP; // cut short by the shutdown: tried again by the next start, not counted
        }
        WebhookDeliveries.Next next = deliveries.record(s.id(), cursor, event.position(), event.type(), webhookId, started,
                clock.instant(), answer);
        if (!answer.succeeded()) {
            LOG.infof("Webhook subscriber %s: position %d not delivered (%s %s)", s.id(), event.position(),
                    answer.status() == null ? "no answer" : "HTTP " + answer.status(), answer.status() == null ? answer.excerpt() : "");
        }
        return next;
    }

    private static boolean tryLock(Connection c, UUID subscriber) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, subscriber.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, UUID subscriber) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, subscriber.toString());
            s.executeQuery().close();
        }
    }
}
