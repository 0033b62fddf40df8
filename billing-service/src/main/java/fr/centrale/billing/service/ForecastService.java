package fr.centrale.billing.service;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.api.ForecastView;
import fr.centrale.billing.client.SourceDirectory;
import fr.centrale.billing.domain.Vat;
import fr.centrale.common.billing.BillableItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a debtor owes for a fiscal year, per purchasing body and source: the titres already issued that year
 * (net of their corrections) and the billable items still to issue that year, HT and TTC (docs/rules.md, R-1: the
 * items to issue get their VAT as their titre will). This is the figure a département votes in its budget.
 */
@ApplicationScoped
public class ForecastService {

    @Inject
    EntityManager em;

    @Inject
    IssuanceService issuance;

    @Inject
    SourceDirectory sources;

    @Inject
    BudgetLineService budgetLines;

    public ForecastView forecast(UUID debtorId, int year) {
        // Read the sources first, outside any transaction: an HTTP call never holds a database connection.
        List<BillableItem> upcoming = upcoming(debtorId, year);
        return QuarkusTransaction.requiringNew().call(() -> build(debtorId, year, upcoming));
    }

    /** The debtor's billable items that fall due in {@code year} (from the sources, outside any transaction). */
    List<BillableItem> upcoming(UUID debtorId, int year) {
        return sources.itemsOfDebtor(debtorId, LocalDate.of(year, 12, 31)).stream()
                .filter(i -> i.issueOn().getYear() == year).toList();
    }

    /** The forecast's lines: titres issued in {@code year} (net of corrections) and items still to issue. */
    List<ForecastView.Line> lines(UUID debtorId, int year, List<BillableItem> upcoming, Map<String, UUID> budgetLineOf) {
        List<ForecastView.Line> lines = new ArrayList<>();
        List<Titre> issued = new ArrayList<>(em.createQuery("select distinct t from Titre t left join fetch t.lines where t.debtorId = ?1 "
                        + "and t.fiscalYear = ?2 and t.kind = ?3", Titre.class)
                .setParameter(1, debtorId).setParameter(2, year).setParameter(3, TitreKind.ORIGINAL).getResultList());
        Map<UUID, BigDecimal[]> corrected = new HashMap<>();
        if (!issued.isEmpty()) {
            em.createQuery("select c.cancelsTitreId, sum(c.totalHt), sum(c.total) from Titre c where c.cancelsTitreId in :ids "
                            + "group by c.cancelsTitreId", Object[].class)
                    .setParameter("ids", issued.stream().map(t -> t.id).toList()).getResultList()
                    .forEach(r -> corrected.put((UUID) r[0], new BigDecimal[]{(BigDecimal) r[1], (BigDecimal) r[2]}));
        }
        issued.sort(Comparator.comparing((Titre t) -> t.issuer).thenComparing(t -> t.serial));
        for (Titre t : issued) {
            TitreLine first = t.lines.stream().min(Comparator.comparingInt(l -> l.lineNo)).orElseThrow();
            BigDecimal[] c = corrected.getOrDefault(t.id, new BigDecimal[]{Vat.ZERO, Vat.ZERO});
            lines.add(new ForecastView.Line(t.issuer, first.sourceType, first.sourceId, first.sequence, t.object, t.issuedOn,
                    t.total.subtract(c[1]), true, t.number, t.totalHt.subtract(c[0]),
                    budgetLineOf.get(first.sourceType + ":" + first.sourceId)));
        }
        for (BillableItem item : upcoming) {
            if (!issuance.isIssued(item)) {
                Vat.LineAmounts a = IssuanceService.amounts(item);
                lines.add(new ForecastView.Line(item.issuer(), item.sourceType().name(), item.sourceId(), item.sequence(),
                        item.label(), item.issueOn(), a.ttc(), false, null, a.ht(),
                        budgetLineOf.get(item.sourceType().name() + ":" + item.sourceId())));
            }
        }
        lines.sort(Comparator.comparing(ForecastView.Line::issueOn).thenComparing(ForecastView.Line::issuer));
        return lines;
    }

    private ForecastView build(UUID debtorId, int year, List<BillableItem> upcoming) {
        List<BudgetLineService.Attached> attached = budgetLines.attachedOf(debtorId, year);
        Map<String, UUID> lineOf = new HashMap<>();
        attached.forEach(a -> lineOf.put(a.sourceType() + ":" + a.sourceId(), a.budgetLineId()));
        List<ForecastView.Line> lines = lines(debtorId, year, upcoming, lineOf);
        Map<String, BigDecimal[]> byIssuer = new TreeMap<>();
        BigDecimal[] all = zeros();
        for (ForecastView.Line l : lines) {
            BigDecimal[] sums = byIssuer.computeIfAbsent(l.issuer(), k -> zeros());
            add(sums, l);
            add(all, l);
        }
        List<ForecastView.IssuerTotal> totals = byIssuer.entrySet().stream()
                .map(e -> {
                    BigDecimal[] v = e.getValue();
                    return new ForecastView.IssuerTotal(e.getKey(), v[0], v[1], v[0].add(v[1]), v[2], v[3], v[2].add(v[3]));
                }).toList();
        List<ForecastView.BudgetLineTotal> byLine = budgetLines.totals(debtorId, year, lines);
        return new ForecastView(debtorId, year, all[0].add(all[1]), all[0], all[1], totals, lines,
                all[2].add(all[3]), all[2], all[3], byLine.isEmpty() ? null : byLine);
    }

    /** issued TTC, to issue TTC, issued HT, to issue HT. */
    private static void add(BigDecimal[] sums, ForecastView.Line l) {
        int i = l.issued() ? 0 : 1;
        sums[i] = sums[i].add(l.amount());
        sums[i + 2] = sums[i + 2].add(l.amountHt());
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[]{Vat.ZERO, Vat.ZERO, Vat.ZERO, Vat.ZERO};
    }
}
