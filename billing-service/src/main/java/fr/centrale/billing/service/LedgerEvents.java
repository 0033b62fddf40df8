package fr.centrale.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Records what happened to a titre for the mirroring feed. The position comes from one counter row,
 * locked until the writing transaction ends: positions are therefore visible in order, without gaps,
 * and a reader that resumes after position n never misses one nor sees one twice.
 */
@ApplicationScoped
public class LedgerEvents {

    @Inject
    EntityManager em;

    /** Must run inside the transaction that changes the ledger. */
    public void record(UUID titreId, String type) {
        Object position = em.createNativeQuery("UPDATE feed_counter SET position = position + 1 WHERE id = 1 RETURNING position")
                .getSingleResult();
        em.createNativeQuery("INSERT INTO titre_event (position, titre_id, type) VALUES (?1, ?2, ?3)")
                .setParameter(1, ((Number) position).longValue()).setParameter(2, titreId).setParameter(3, type)
                .executeUpdate();
    }
}
