package fr.centrale.billing.service;

import fr.centrale.billing.api.WaivedItemView;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The items waived below their issuer's threshold (docs/rules.md, R-2), table {@code waived_item}. */
@ApplicationScoped
public class WaivedItemService {

    @Inject
    EntityManager em;

    @Transactional
    public PageResponse<WaivedItemView> list(String issuer, UUID debtorId, UUID runId, LocalDate from, LocalDate to, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (issuer != null && !issuer.isBlank()) {
            where.add("issuer = :issuer");
            params.put("issuer", issuer.trim().toUpperCase());
        }
        if (debtorId != null) {
            where.add("debtor_id = :debtor");
            params.put("debtor", debtorId);
        }
        if (runId != null) {
            where.add("run_id = :run");
            params.put("run", runId);
        }
        if (from != null) {
            where.add("waived_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("waived_on <= :to");
            params.put("to", to);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        var count = em.createNativeQuery("SELECT count(*) FROM waived_item" + filter);
        var rows = em.createNativeQuery("""
                SELECT source_type, source_id, sequence, issuer, debtor_id, label, issue_on, waived_on, amount_ht, amount_ttc,
                       threshold, run_id FROM waived_item""" + filter
                + " ORDER BY waived_on DESC, created_at DESC, source_type, source_id, sequence LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        rows.setParameter("limit", page.size()).setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        List<WaivedItemView> items = found.stream().map(r -> new WaivedItemView((String) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                (String) r[3], (UUID) r[4], (String) r[5], date(r[6]), date(r[7]), (BigDecimal) r[8], (BigDecimal) r[9],
                (BigDecimal) r[10], (UUID) r[11])).toList();
        return new PageResponse<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
