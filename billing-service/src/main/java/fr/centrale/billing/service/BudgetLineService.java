package fr.centrale.billing.service;

import fr.centrale.billing.BudgetLine;
import fr.centrale.billing.api.AttachmentRequest;
import fr.centrale.billing.api.BudgetLineRequest;
import fr.centrale.billing.api.BudgetLineView;
import fr.centrale.billing.api.ForecastView;
import fr.centrale.billing.domain.BudgetFigures;
import fr.centrale.billing.domain.Vat;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A debtor's budget lines (docs/rules.md, R-17) and what they are billed: the forecast of the debtor's year
 * ({@link ForecastService}) restricted to the sources attached to the line.
 */
@ApplicationScoped
public class BudgetLineService {

    @Inject
    EntityManager em;

    @Inject
    ForecastService forecasts;

    /** A source attached to a budget line. */
    public record Attached(UUID budgetLineId, String sourceType, UUID sourceId) {
    }

    @Transactional
    public BudgetLineView create(UUID debtorId, BudgetLineRequest r) {
        Long same = em.createQuery("select count(b) from BudgetLine b where b.debtorId = ?1 and b.fiscalYear = ?2 "
                        + "and b.operationCode = ?3 and b.imputation = ?4", Long.class)
                .setParameter(1, debtorId).setParameter(2, r.fiscalYear()).setParameter(3, r.operationCode().trim())
                .setParameter(4, r.imputation().trim()).getSingleResult();
        if (same > 0) {
            throw ProblemException.conflict("BUDGET_LINE_EXISTS", "The debtor already has budget line " + r.operationCode().trim()
                    + " " + r.imputation().trim() + " for " + r.fiscalYear());
        }
        BudgetLine b = new BudgetLine();
        b.id = UUID.randomUUID();
        b.debtorId = debtorId;
        b.operationCode = r.operationCode().trim();
        b.imputation = r.imputation().trim();
        b.fiscalYear = r.fiscalYear();
        b.credits = r.credits().setScale(2);
        b.label = r.label();
        b.createdAt = Instant.now();
        em.persist(b);
        return view(b, List.of(), null);
    }

    @Transactional
    public PageResponse<BudgetLineView> list(UUID debtorId, Integer year, PageRequest page) {
        StringBuilder q = new StringBuilder(" from BudgetLine b where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (debtorId != null) {
            q.append(" and b.debtorId = :debtor");
            params.put("debtor", debtorId);
        }
        if (year != null) {
            q.append(" and b.fiscalYear = :year");
            params.put("year", year);
        }
        var count = em.createQuery("select count(b)" + q, Long.class);
        var rows = em.createQuery("select b" + q + " order by b.fiscalYear desc, b.operationCode, b.imputation, b.id", BudgetLine.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<BudgetLine> found = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<UUID, List<BudgetLineView.AttachmentView>> attachments = attachments(found.stream().map(b -> b.id).toList());
        List<BudgetLineView> items = found.stream().map(b -> view(b, attachments.getOrDefault(b.id, List.of()), null)).toList();
        return new PageResponse<>(items, page.page(), page.size(), count.getSingleResult());
    }

    /** The line, as it stands (no figures): for access checks before reading the sources. */
    @Transactional
    public BudgetLine require(UUID id) {
        BudgetLine b = em.find(BudgetLine.class, id);
        if (b == null) {
            throw ProblemException.notFound("Budget line", id);
        }
        return b;
    }

    /** The line with its figures: the debtor's items of the year read from the sources first, outside any transaction. */
    public BudgetLineView get(UUID id) {
        BudgetLine line = QuarkusTransaction.requiringNew().call(() -> require(id));
        List<BillableItem> upcoming = forecasts.upcoming(line.debtorId, line.fiscalYear);
        return QuarkusTransaction.requiringNew().call(() -> {
            BudgetLine b = require(id);
            List<BudgetLineView.AttachmentView> attached = attachments(List.of(id)).getOrDefault(id, List.of());
            Map<String, UUID> lineOf = new HashMap<>();
            attached.forEach(a -> lineOf.put(a.sourceType() + ":" + a.sourceId(), id));
            List<ForecastView.Line> lines = forecasts.lines(b.debtorId, b.fiscalYear, upcoming, lineOf);
            return view(b, attached, figures(b, lines));
        });
    }

    @Transactional
    public BudgetLineView attach(UUID id, AttachmentRequest r) {
        BudgetLine b = require(id);
        em.createNativeQuery("SELECT id FROM budget_line WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<UUID> elsewhere = em.createNativeQuery("""
                        SELECT budget_line_id FROM budget_line_attachment WHERE source_type = ?1 AND source_id = ?2 AND fiscal_year = ?3""")
                .setParameter(1, r.sourceType().name()).setParameter(2, r.sourceId()).setParameter(3, b.fiscalYear).getResultList();
        if (elsewhere.contains(id)) {
            throw ProblemException.conflict("ALREADY_ATTACHED", r.sourceType() + " " + r.sourceId() + " is already attached to this line");
        }
        if (!elsewhere.isEmpty()) {
            throw ProblemException.conflict("ATTACHED_ELSEWHERE", r.sourceType() + " " + r.sourceId()
                    + " is already budgeted on line " + elsewhere.get(0) + " for " + b.fiscalYear + ": detach it there first");
        }
        em.createNativeQuery("""
                        INSERT INTO budget_line_attachment (budget_line_id, source_type, source_id, fiscal_year) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, id).setParameter(2, r.sourceType().name()).setParameter(3, r.sourceId()).setParameter(4, b.fiscalYear)
                .executeUpdate();
        return view(b, attachments(List.of(id)).getOrDefault(id, List.of()), null);
    }

    @Transactional
    public void detach(UUID id, BillableItem.SourceType type, UUID sourceId) {
        require(id);
        int n = em.createNativeQuery("DELETE FROM budget_line_attachment WHERE budget_line_id = ?1 AND source_type = ?2 AND source_id = ?3")
                .setParameter(1, id).setParameter(2, type.name()).setParameter(3, sourceId).executeUpdate();
        if (n == 0) {
            throw ProblemException.notFound("Attachment", type + " " + sourceId);
        }
    }

    /** The sources attached to the debtor's lines of the year (in the caller's transaction). */
    List<Attached> attachedOf(UUID debtorId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.budget_line_id, a.source_type, a.source_id FROM budget_line_attachment a
                          JOIN budget_line b ON b.id = a.budget_line_id WHERE b.debtor_id = ?1 AND b.fiscal_year = ?2""")
                .setParameter(1, debtorId).setParameter(2, year).getResultList();
        return rows.stream().map(r -> new Attached((UUID) r[0], (String) r[1], (UUID) r[2])).toList();
    }

    /** The forecast per budget line of the debtor's year, and the lines attached to none (in the caller's transaction). */
    List<ForecastView.BudgetLineTotal> totals(UUID debtorId, int year, List<ForecastView.Line> lines) {
        List<BudgetLine> budget = em.createQuery("from BudgetLine where debtorId = ?1 and fiscalYear = ?2 order by operationCode, imputation",
                BudgetLine.class).setParameter(1, debtorId).setParameter(2, year).getResultList();
        if (budget.isEmpty()) {
            return List.of();
        }
        List<ForecastView.BudgetLineTotal> totals = new ArrayList<>();
        for (BudgetLine b : budget) {
            BudgetFigures f = figures(b, lines);
            totals.add(new ForecastView.BudgetLineTotal(b.id, b.operationCode, b.imputation, f.credits(), f.issued(), f.toIssue(),
                    f.proposed(), f.balance()));
        }
        BigDecimal[] rest = {Vat.ZERO, Vat.ZERO};
        lines.stream().filter(l -> l.budgetLineId() == null).forEach(l -> {
            int i = l.issued() ? 0 : 1;
            rest[i] = rest[i].add(l.amount());
        });
        if (rest[0].signum() != 0 || rest[1].signum() != 0) {
            totals.add(new ForecastView.BudgetLineTotal(null, null, null, null, rest[0], rest[1], rest[0].add(rest[1]), null));
        }
        return totals;
    }

    private static BudgetFigures figures(BudgetLine b, List<ForecastView.Line> lines) {
        BigDecimal issued = Vat.ZERO;
        BigDecimal toIssue = Vat.ZERO;
        for (ForecastView.Line l : lines) {
            if (Objects.equals(l.budgetLineId(), b.id)) {
                if (l.issued()) {
                    issued = issued.add(l.amount());
                } else {
                    toIssue = toIssue.add(l.amount());
                }
            }
        }
        return BudgetFigures.of(b.credits, issued, toIssue);
    }

    private Map<UUID, List<BudgetLineView.AttachmentView>> attachments(List<UUID> ids) {
        Map<UUID, List<BudgetLineView.AttachmentView>> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT budget_line_id, source_type, source_id FROM budget_line_attachment
                         WHERE budget_line_id IN (:ids) ORDER BY created_at, source_type, source_id""")
                .setParameter("ids", ids).getResultList();
        rows.forEach(r -> found.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                .add(new BudgetLineView.AttachmentView((String) r[1], (UUID) r[2])));
        return found;
    }

    private static BudgetLineView view(BudgetLine b, List<BudgetLineView.AttachmentView> attachments, BudgetFigures f) {
        return new BudgetLineView(b.id, b.debtorId, b.operationCode, b.imputation, b.fiscalYear, b.label, b.credits, attachments,
                f == null ? null : f.issued(), f == null ? null : f.toIssue(), f == null ? null : f.proposed(),
                f == null ? null : f.balance());
    }
}
