package fr.centrale.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.centrale.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creating POSTs (API.md): the same key with the same body answers the
 * first result again, with another body 409. The key is recorded in the same transaction as the
 * creation, so a refused or failed request leaves no key behind, and two concurrent requests with
 * one key create one resource (the second waits on the key's row, then replays).
 * Each service owns a table {@code idempotency_record} (see its Flyway migrations).
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    /** Resolved lazily: services without a database (the gateway) carry this bean but never call it. */
    @Inject
    Instance<EntityManager> entityManager;

    @Inject
    ObjectMapper mapper;

    /**
     * Runs {@code create} once per key and answers 201 with its result and a Location built by
     * {@code location}.
     */
    @Transactional
    public <T> Response create(String key, String operation, Object request, Supplier<T> create,
                               Function<T, URI> location) {
        if (key == null || key.isBlank()) {
            T created = create.get();
            return Response.created(location.apply(created)).entity(created).build();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "at most " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        EntityManager em = entityManager.get();
        int inserted = em.createNativeQuery("""
                        INSERT INTO idempotency_record (operation, idempotency_key, request_hash)
                        VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, operation).setParameter(2, key).setParameter(3, hash)
                .executeUpdate();
        if (inserted == 0) {
            return replay(key, operation, hash);
        }
        T created = create.get();
        URI uri = location.apply(created);
        em.createNativeQuery("""
                        UPDATE idempotency_record SET status = 201, location = ?1, response_body = ?2
                        WHERE operation = ?3 AND idempotency_key = ?4""")
                .setParameter(1, uri.toString()).setParameter(2, write(created))
                .setParameter(3, operation).setParameter(4, key)
                .executeUpdate();
        return Response.created(uri).entity(created).build();
    }

    private Response replay(String key, String operation, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                        SELECT request_hash, status, location, response_body FROM idempotency_record
                        WHERE operation = ?1 AND idempotency_key = ?2""")
                .setParameter(1, operation).setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.conflict("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used with another request body");
        }
        return Response.status(((Number) row[1]).intValue())
                .location(URI.create((String) row[2]))
                .type(MediaType.APPLICATION_JSON)
                .entity(row[3])
                .header("Idempotent-Replayed", "true")
                .build();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the response", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
