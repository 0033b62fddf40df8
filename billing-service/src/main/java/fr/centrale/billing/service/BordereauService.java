package fr.centrale.billing.service;

import fr.centrale.billing.Bordereau;
import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.api.BordereauView;
import fr.centrale.billing.api.TitreView;
import fr.centrale.billing.document.BordereauDocument;
import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.billing.domain.Vat;
import fr.centrale.billing.repository.IssuerSettingsRepository;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading the bordereaux de titres (docs/rules.md, R-6); they are written with their titres (BordereauRepository).
 */
@ApplicationScoped
public class BordereauService {

    /** Its titres in number order, with the number of the titre a correction corrects. */
    private static final String ENTRIES = """
            SELECT t.id, t.number, t.kind, o.number, t.debtor_id, t.debtor_name, t.debtor_siret, t.object, t.total_ht,
                   t.total_vat, t.total, t.issuer_name, t.issuer_siret, t.issuer_street, t.issuer_postal_code, t.issuer_city,
                   t.issuer_court
              FROM titre t LEFT JOIN titre o ON o.id = t.cancels_titre_id
             WHERE t.bordereau_id = ?1
             ORDER BY t.serial""";

    @Inject
    EntityManager em;

    @Inject
    IssuerSettingsRepository settings;

    /** Newest first, by issuer and fiscal year (each optional). */
    @Transactional
    public PageResponse<BordereauView> list(String issuer, Integer year, PageRequest page) {
        readOnly();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (issuer != null && !issuer.isBlank()) {
            where.append(" and b.issuer = :issuer");
            params.put("issuer", issuer.trim().toUpperCase());
        }
        if (year != null) {
            where.append(" and b.fiscalYear = :year");
            params.put("year", year);
        }
        var count = em.createQuery("select count(b) from Bordereau b" + where, Long.class);
        var found = em.createQuery("from Bordereau b" + where + " order by b.issuedOn desc, b.number desc", Bordereau.class)
                .setFirstResult(page.offset()).setMaxResults(page.size());
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            found.setParameter(k, v);
        });
        List<Bordereau> bordereaux = found.getResultList();
        Map<UUID, List<TitreView.RateTotal>> rates = rates(bordereaux.stream().map(b -> b.id).toList());
        List<BordereauView> items = bordereaux.stream().map(b -> view(b, rates.getOrDefault(b.id, List.of()), null)).toList();
        return new PageResponse<>(items, page.page(), page.size(), count.getSingleResult());
    }

    /** The bordereau with its titres. */
    @Transactional
    public BordereauView get(UUID id) {
        readOnly();
        Bordereau b = require(id);
        List<BordereauView.Entry> entries = new ArrayList<>();
        for (Object[] r : rows(id)) {
            entries.add(new BordereauView.Entry((UUID) r[0], (String) r[1], TitreKind.valueOf((String) r[2]), (String) r[3],
                    (UUID) r[4], (String) r[5], (String) r[6], (String) r[7], (BigDecimal) r[8], (BigDecimal) r[9],
                    (BigDecimal) r[10]));
        }
        return view(b, rates(List.of(id)).getOrDefault(id, List.of()), entries);
    }

    /** What the bordereau prints: its titres, totals, and the officer of the settings revision it froze. */
    @Transactional
    public BordereauDocument document(UUID id) {
        readOnly();
        Bordereau b = require(id);
        List<Object[]> rows = rows(id);
        Object[] first = rows.isEmpty() ? null : rows.get(0);
        // The issuer as its titres froze it (a bordereau is never empty: its first titre opened it).
        TitreDocument.Party issuer = first == null ? new TitreDocument.Party(b.issuer, b.issuer, null, null, null, null, null)
                : new TitreDocument.Party(b.issuer, (String) first[11], (String) first[12], (String) first[13], (String) first[14],
                (String) first[15], (String) first[16]);
        List<BordereauDocument.Row> lines = rows.stream().map(r -> new BordereauDocument.Row((String) r[1], kindLabel((String) r[2]),
                (String) r[3], (String) r[5], (String) r[6], (String) r[7], (BigDecimal) r[8], (BigDecimal) r[9], (BigDecimal) r[10]))
                .toList();
        List<Vat.RateTotal> byRate = rates(List.of(id)).getOrDefault(id, List.of()).stream()
                .map(r -> new Vat.RateTotal(r.rate(), r.ht(), r.vat(), r.ttc())).toList();
        return new BordereauDocument(b.number, b.fiscalYear, b.issuedOn, issuer, b.runId == null ? null : b.runId.toString(),
                b.correctionTitreId == null || first == null ? null : (String) first[3], lines, b.titreCount, b.totalHt, b.totalVat,
                b.totalTtc, byRate, revision(b).content());
    }

    private static String kindLabel(String kind) {
        return switch (TitreKind.valueOf(kind)) {
            case ORIGINAL -> "Titre de recettes";
            case CANCELLATION -> "Titre d'annulation";
            case REDUCTION -> "Titre de réduction";
            case MANDATE_673 -> "Mandat 673";
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(UUID id) {
        return em.createNativeQuery(ENTRIES).setParameter(1, id).getResultList();
    }

    private BordereauView view(Bordereau b, List<TitreView.RateTotal> rates, List<BordereauView.Entry> titres) {
        SettingsContent content = revision(b).content();
        return new BordereauView(b.id, b.number, b.issuer, b.fiscalYear, b.issuedOn, b.source, b.runId, b.correctionTitreId,
                content.officer(), content.delegate(), b.titreCount, b.totalHt, b.totalVat, b.totalTtc, rates, titres);
    }

    private IssuerSettings revision(Bordereau b) {
        return settings.ofTitre(b.settingsRevisionId, b.issuer, b.issuedOn)
                .orElseThrow(() -> new IllegalStateException("No issuer settings for bordereau " + b.number));
    }

    private Map<UUID, List<TitreView.RateTotal>> rates(List<UUID> ids) {
        Map<UUID, List<TitreView.RateTotal>> rates = new HashMap<>();
        if (ids.isEmpty()) {
            return rates;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT bordereau_id, vat_rate, total_ht, total_vat, total_ttc FROM bordereau_rate
                         WHERE bordereau_id IN (:ids) ORDER BY vat_rate""")
                .setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            rates.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new TitreView.RateTotal((BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4]));
        }
        return rates;
    }

    private Bordereau require(UUID id) {
        Bordereau b = em.find(Bordereau.class, id);
        if (b == null) {
            throw ProblemException.notFound("Bordereau", id);
        }
        return b;
    }

    private void readOnly() {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
