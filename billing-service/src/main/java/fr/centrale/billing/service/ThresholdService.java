package fr.centrale.billing.service;

import fr.centrale.billing.api.ThresholdView;
import fr.centrale.billing.domain.IssuingThreshold;
import fr.centrale.common.time.ParisClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The issuing thresholds per issuer and date (docs/rules.md, R-2), table {@code issuer_threshold}: an issuer
 * without an entry in force has the default of 15 €.
 */
@ApplicationScoped
public class ThresholdService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Every issuer's threshold in force on {@code date} (one query). */
    @Transactional
    public IssuanceService.Thresholds on(LocalDate date) {
        Map<String, List<IssuingThreshold.Entry>> all = new HashMap<>();
        for (Object[] row : rows("SELECT issuer, valid_from, amount FROM issuer_threshold", null)) {
            all.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(entry(row));
        }
        Map<String, BigDecimal> inForce = new HashMap<>();
        all.forEach((issuer, entries) -> inForce.put(issuer, IssuingThreshold.inForce(entries, date)));
        return issuer -> inForce.getOrDefault(issuer, IssuingThreshold.DEFAULT);
    }

    @Transactional
    public ThresholdView get(String issuer) {
        List<IssuingThreshold.Entry> entries = new ArrayList<>();
        for (Object[] row : rows("SELECT issuer, valid_from, amount FROM issuer_threshold WHERE issuer = ?1 ORDER BY valid_from", issuer)) {
            entries.add(entry(row));
        }
        return new ThresholdView(issuer, IssuingThreshold.inForce(entries, ParisClock.today(clock)),
                entries.stream().map(e -> new ThresholdView.Entry(e.validFrom(), e.amount())).toList());
    }

    /** Records (or replaces, when it is not yet in force) the entry of {@code validFrom}. */
    @Transactional
    public ThresholdView set(String issuer, LocalDate validFrom, BigDecimal amount) {
        // Serialises concurrent changes of one issuer (no lost update between two PUTs of the same date).
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "issuer_threshold:" + issuer)
                .getSingleResult();
        em.createNativeQuery("""
                        INSERT INTO issuer_threshold (issuer, valid_from, amount) VALUES (?1, ?2, ?3)
                        ON CONFLICT (issuer, valid_from) DO UPDATE SET amount = EXCLUDED.amount, created_at = now()""")
                .setParameter(1, issuer).setParameter(2, validFrom).setParameter(3, amount).executeUpdate();
        return get(issuer);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String issuer) {
        var q = em.createNativeQuery(sql);
        if (issuer != null) {
            q.setParameter(1, issuer);
        }
        return q.getResultList();
    }

    private static IssuingThreshold.Entry entry(Object[] row) {
        LocalDate from = row[1] instanceof Date d ? d.toLocalDate() : (LocalDate) row[1];
        return new IssuingThreshold.Entry(from, ((BigDecimal) row[2]).setScale(2));
    }
}
