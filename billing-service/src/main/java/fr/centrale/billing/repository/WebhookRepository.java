package fr.centrale.billing.repository;

import fr.centrale.billing.api.WebhookDeliveryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The webhook tables (webhook_subscriber, webhook_delivery), in SQL: the delivery worker changes a subscriber's
 * cursor only with a conditional update, never by writing back a row it read earlier. Every method runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class WebhookRepository {

    /** One subscriber as stored. {@code eventTypes} empty: every type. */
    public record Subscriber(UUID id, String url, String description, Set<String> eventTypes, String secret, boolean enabled,
                             long cursor, Instant nextAttemptAt, long version, Instant createdAt, Instant updatedAt) {
    }

    /** The delivery in progress of a subscriber (RETRYING or FAILING). */
    public record OpenDelivery(long id, long position, int attempts, Instant firstAttemptAt, String status) {
    }

    /** What one attempt to deliver an event gave. */
    public record DeliveryState(int attempts, Instant firstAttemptAt, Instant lastAttemptAt, Instant nextAttemptAt,
                                Instant deliveredAt, Integer lastHttpStatus, String lastResponse, String status) {
    }

    private static final String SUBSCRIBER_COLUMNS = "id, url, description, event_types, secret, enabled, cursor_position, "
            + "next_attempt_at, version, created_at, updated_at";
    private static final String OPEN = "status IN ('RETRYING', 'FAILING')";

    @Inject
    EntityManager em;

    // ---- subscribers ----

    public void insert(Subscriber s) {
        em.createNativeQuery("INSERT INTO webhook_subscriber (" + SUBSCRIBER_COLUMNS + ") "
                        + "VALUES (:id, :url, :description, :types, :secret, :enabled, :cursor, NULL, 0, :now, :now)")
                .setParameter("id", s.id()).setParameter("url", s.url())
                .unwrap(NativeQuery.class).setParameter("description", s.description(), String.class)
                .setParameter("types", String.join(",", s.eventTypes())).setParameter("secret", s.secret())
                .setParameter("enabled", s.enabled()).setParameter("cursor", s.cursor()).setParameter("now", s.createdAt())
                .executeUpdate();
    }

    public Optional<Subscriber> find(UUID id, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + SUBSCRIBER_COLUMNS + " FROM webhook_subscriber WHERE id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(WebhookRepository::subscriber);
    }

    public List<Subscriber> list(int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + SUBSCRIBER_COLUMNS
                        + " FROM webhook_subscriber ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return rows.stream().map(WebhookRepository::subscriber).toList();
    }

    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM webhook_subscriber").getSingleResult()).longValue();
    }

    /** Changes what an admin may change; the version goes up by one. */
    public void update(UUID id, String url, String description, Set<String> eventTypes, boolean enabled, Instant nextAttemptAt,
                       Instant now) {
        em.createNativeQuery("UPDATE webhook_subscriber SET url = :url, description = :description, event_types = :types, "
                        + "enabled = :enabled, next_attempt_at = :next, version = version + 1, updated_at = :now WHERE id = :id")
                .setParameter("id", id).setParameter("url", url)
                .unwrap(NativeQuery.class).setParameter("description", description, String.class)
                .setParameter("types", String.join(",", eventTypes)).setParameter("enabled", enabled)
                .setParameter("next", nextAttemptAt, Instant.class).setParameter("now", now)
                .executeUpdate();
    }

    /** An admin's replay: the cursor goes back, the retry waits no more. */
    public void rewind(UUID id, long cursor, Instant now) {
        em.createNativeQuery("UPDATE webhook_subscriber SET cursor_position = :cursor, next_attempt_at = NULL, "
                        + "version = version + 1, updated_at = :now WHERE id = :id")
                .setParameter("id", id).setParameter("cursor", cursor).setParameter("now", now).executeUpdate();
    }

    public boolean delete(UUID id) {
        return em.createNativeQuery("DELETE FROM webhook_subscriber WHERE id = :id").setParameter("id", id).executeUpdate() == 1;
    }

    /**
     * The worker's move of the cursor from {@code expected} to {@code position}: nothing happens (false) if the cursor
     * is no longer {@code expected} (an admin replayed meanwhile) or the subscriber was deleted.
     */
    public boolean advance(UUID id, long expected, long position) {
        return em.createNativeQuery("UPDATE webhook_subscriber SET cursor_position = :position, next_attempt_at = NULL "
                        + "WHERE id = :id AND cursor_position = :expected")
                .setParameter("id", id).setParameter("expected", expected).setParameter("position", position)
                .executeUpdate() == 1;
    }

    public void retryAt(UUID id, Instant next) {
        em.createNativeQuery("UPDATE webhook_subscriber SET next_attempt_at = :next WHERE id = :id")
                .setParameter("id", id).setParameter("next", next).executeUpdate();
    }

    /** The enabled subscribers with an event after their cursor, and no retry waiting beyond {@code now}. */
    @SuppressWarnings("unchecked")
    public List<UUID> due(Instant now) {
        return em.createNativeQuery("""
                        SELECT id FROM webhook_subscriber
                        WHERE enabled AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                          AND cursor_position < (SELECT coalesce(max(position), 0) FROM titre_event)
                        ORDER BY coalesce(next_attempt_at, created_at), id""")
                .setParameter("now", now).getResultList();
    }

    /** The last position of the feed (committed events only), 0 when it is empty. */
    public long feedPosition() {
        return ((Number) em.createNativeQuery("SELECT coalesce(max(position), 0) FROM titre_event").getSingleResult()).longValue();
    }

    // ---- deliveries ----

    public Optional<OpenDelivery> open(UUID subscriber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, position, attempts, first_attempt_at, status FROM webhook_delivery "
                        + "WHERE subscriber_id = :s AND " + OPEN)
                .setParameter("s", subscriber).getResultList();
        return rows.stream().findFirst().map(r -> new OpenDelivery(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).intValue(), instant(r[3]), (String) r[4]));
    }

    /** The delivery in progress, if any, is replaced: a replay or a change of cursor made it moot. */
    public void supersedeOpen(UUID subscriber, Instant now) {
        em.createNativeQuery("UPDATE webhook_delivery SET status = 'SUPERSEDED', next_attempt_at = NULL "
                        + "WHERE subscriber_id = :s AND " + OPEN)
                .setParameter("s", subscriber).executeUpdate();
    }

    public void insertDelivery(UUID subscriber, long position, String type, String webhookId, DeliveryState state) {
        bind(em.createNativeQuery("""
                        INSERT INTO webhook_delivery (subscriber_id, position, event_type, webhook_id, status, attempts,
                            first_attempt_at, last_attempt_at, next_attempt_at, delivered_at, last_http_status, last_response)
                        VALUES (:s, :position, :type, :webhookId, :status, :attempts, :first, :last, :next, :delivered, :http, :answer)""")
                .setParameter("s", subscriber).setParameter("position", position).setParameter("type", type)
                .setParameter("webhookId", webhookId), state)
                .executeUpdate();
    }

    public void updateDelivery(long id, DeliveryState state) {
        bind(em.createNativeQuery("""
                        UPDATE webhook_delivery SET status = :status, attempts = :attempts, first_attempt_at = :first,
                            last_attempt_at = :last, next_attempt_at = :next, delivered_at = :delivered,
                            last_http_status = :http, last_response = :answer
                        WHERE id = :id""").setParameter("id", id), state)
                .executeUpdate();
    }

    private static Query bind(Query query, DeliveryState state) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object> q = query.unwrap(NativeQuery.class);
        return q.setParameter("status", state.status()).setParameter("attempts", state.attempts())
                .setParameter("first", state.firstAttemptAt(), Instant.class)
                .setParameter("last", state.lastAttemptAt(), Instant.class)
                .setParameter("next", state.nextAttemptAt(), Instant.class)
                .setParameter("delivered", state.deliveredAt(), Instant.class)
                .setParameter("http", state.lastHttpStatus(), Integer.class)
                .setParameter("answer", state.lastResponse(), String.class);
    }

    /** A subscriber's deliveries, newest first, of one status or all. */
    public List<WebhookDeliveryView> deliveries(UUID subscriber, String status, int limit, int offset) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> q = em.createNativeQuery("""
                        SELECT id, subscriber_id, position, event_type, webhook_id, status, attempts, first_attempt_at,
                               last_attempt_at, next_attempt_at, delivered_at, last_http_status, last_response
                        FROM webhook_delivery WHERE subscriber_id = :s AND (CAST(:status AS varchar) IS NULL OR status = :status)
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""").unwrap(NativeQuery.class);
        List<Object[]> rows = q.setParameter("s", subscriber).setParameter("status", status, String.class)
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return rows.stream().map(r -> new WebhookDeliveryView(((Number) r[0]).longValue(), (UUID) r[1], ((Number) r[2]).longValue(),
                fr.centrale.billing.domain.WebhookSubscription.webhookType((String) r[3]), (String) r[4],
                WebhookDeliveryView.Status.valueOf((String) r[5]), ((Number) r[6]).intValue(), instant(r[7]), instant(r[8]),
                instant(r[9]), instant(r[10]), r[11] == null ? null : ((Number) r[11]).intValue(), (String) r[12])).toList();
    }

    public long countDeliveries(UUID subscriber, String status) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object> q = em.createNativeQuery("SELECT count(*) FROM webhook_delivery WHERE subscriber_id = :s "
                + "AND (CAST(:status AS varchar) IS NULL OR status = :status)").unwrap(NativeQuery.class);
        return ((Number) q.setParameter("s", subscriber).setParameter("status", status, String.class).getSingleResult()).longValue();
    }

    private static Subscriber subscriber(Object[] r) {
        String types = (String) r[3];
        Set<String> eventTypes = new TreeSet<>();
        if (types != null && !types.isBlank()) {
            eventTypes.addAll(Arrays.asList(types.split(",")));
        }
        return new Subscriber((UUID) r[0], (String) r[1], (String) r[2], eventTypes, (String) r[4], (Boolean) r[5],
                ((Number) r[6]).longValue(), instant(r[7]), ((Number) r[8]).longValue(), instant(r[9]), instant(r[10]));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
