package fr.centrale.membership.repository;

import fr.centrale.membership.api.ContactChangeView;
import fr.centrale.membership.domain.ContactChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The record of contacts' changes (docs/rules.md, R-16), in plain SQL: it outlives the contacts it tells about. */
@ApplicationScoped
public class ContactChangeRepository {

    @Inject
    EntityManager em;

    public void record(UUID contactId, UUID organisationId, String kind, String changedBy,
                       List<ContactChanges.FieldChange> fields) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO contact_change (id, contact_id, organisation_id, kind, changed_by, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, contactId).setParameter(3, organisationId).setParameter(4, kind)
                .setParameter(5, changedBy).setParameter(6, Timestamp.from(Instant.now())).executeUpdate();
        for (ContactChanges.FieldChange f : fields) {
            em.createNativeQuery("INSERT INTO contact_change_field (change_id, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, f.field()).setParameter(3, f.oldValue()).setParameter(4, f.newValue())
                    .executeUpdate();
        }
    }

    /** Erasure: the values of the contact's earlier changes go too; which fields changed, when and by whom stay. */
    public void forgetValues(UUID contactId) {
        em.createNativeQuery("""
                        UPDATE contact_change_field SET old_value = NULL, new_value = NULL
                        WHERE change_id IN (SELECT id FROM contact_change WHERE contact_id = ?1)""")
                .setParameter(1, contactId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<ContactChangeView> of(UUID contactId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT c.id, c.organisation_id, c.kind, c.changed_by, c.changed_at, f.field, f.old_value, f.new_value
                        FROM contact_change c LEFT JOIN contact_change_field f ON f.change_id = c.id
                        WHERE c.contact_id = ?1
                        ORDER BY c.seq, CASE f.field WHEN 'name' THEN 1 WHEN 'role' THEN 2 WHEN 'email' THEN 3 ELSE 4 END""")
                .setParameter(1, contactId).getResultList();
        Map<UUID, Object[]> heads = new LinkedHashMap<>();
        Map<UUID, List<ContactChangeView.Field>> fields = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            heads.putIfAbsent(id, row);
            List<ContactChangeView.Field> list = fields.computeIfAbsent(id, k -> new ArrayList<>());
            if (row[5] != null) {
                list.add(new ContactChangeView.Field((String) row[5], (String) row[6], (String) row[7]));
            }
        }
        List<ContactChangeView> changes = new ArrayList<>();
        heads.forEach((id, row) -> changes.add(new ContactChangeView(id, contactId, (UUID) row[1], (String) row[2],
                (String) row[3], toInstant(row[4]), fields.get(id))));
        return changes;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
