package fr.centrale.billing.service;

import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.api.ForecastView;
import fr.centrale.billing.api.TitreView;
import fr.centrale.billing.client.SourceDirectory;
import fr.centrale.common.billing.BillableItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a debtor owes for a fiscal year, per purchasing body and source: the titres already issued that year
 * (net of their corrections) and the billable items still to issue that year. This is the figure a
 * département votes in its budget.
 */
@ApplicationScoped
public class ForecastService {

    @Inject
    EntityManager em;

    @Inject
    TitreService titres;

    @Inject
    IssuanceService issuance;

    @Inject
    SourceDirectory sources;

    public ForecastView forecast(UUID debtorId, int year) {
        // Read the sources first, outside any transaction: an HTTP call never holds a database connection.
        List<BillableItem> upcoming = sources.itemsOfDebtor(debtorId, LocalDate.of(year, 12, 31)).stream()
                .filter(i -> i.issueOn().getYear() == year).toList();
        return QuarkusTransaction.requiringNew().call(() -> build(debtorId, year, upcoming));
    }

    private ForecastView build(UUID debtorId, int year, List<BillableItem> upcoming) {
        List<ForecastView.Line> lines = new ArrayList<>();
        List<Titre> issued = em.createQuery("from Titre where debtorId = ?1 and fiscalYear = ?2 and kind = ?3 order by serial",
                        Titre.class).setParameter(1, debtorId).setParameter(2, year).setParameter(3, TitreKind.ORIGINAL)
                .getResultList();
        for (Titre t : issued) {
            TitreView v = titres.view(t);
            TitreView.Line first = v.lines().get(0);
            lines.add(new ForecastView.Line(t.issuer, first.sourceType(), first.sourceId(), first.sequence(), t.object, t.issuedOn,
                    t.total.subtract(v.cancelledAmount()), true, t.number));
        }
        for (BillableItem item : upcoming) {
            if (!issuance.isIssued(item)) {
                lines.add(new ForecastView.Line(item.issuer(), item.sourceType().name(), item.sourceId(), item.sequence(),
                        item.label(), item.issueOn(), item.amount(), false, null));
            }
        }
        lines.sort(Comparator.comparing(ForecastView.Line::issueOn).thenComparing(ForecastView.Line::issuer));
        Map<String, BigDecimal[]> byIssuer = new TreeMap<>();
        BigDecimal issuedTotal = zero();
        BigDecimal toIssue = zero();
        for (ForecastView.Line l : lines) {
            BigDecimal[] sums = byIssuer.computeIfAbsent(l.issuer(), k -> new BigDecimal[]{zero(), zero()});
            if (l.issued()) {
                sums[0] = sums[0].add(l.amount());
                issuedTotal = issuedTotal.add(l.amount());
            } else {
                sums[1] = sums[1].add(l.amount());
                toIssue = toIssue.add(l.amount());
            }
        }
        List<ForecastView.IssuerTotal> totals = byIssuer.entrySet().stream()
                .map(e -> new ForecastView.IssuerTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[0].add(e.getValue()[1])))
                .toList();
        return new ForecastView(debtorId, year, issuedTotal.add(toIssue), issuedTotal, toIssue, totals, lines);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
