package fr.centrale.convention.service;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.convention.Amendment;
import fr.centrale.convention.Convention;
import fr.centrale.convention.SubsequentMarket;
import fr.centrale.convention.api.OrderRequest;
import fr.centrale.convention.api.SubsequentMarketView;
import fr.centrale.convention.domain.SubsequentMarkets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The subsequent markets of conventions under offers billed per subsequent market (docs/rules.md, R-9; the pure rules
 * live in {@link SubsequentMarkets}): market 1 opens with the convention, each NEW_SUBSEQUENT_MARKET amendment opens the
 * next one, orders count against the market in force.
 */
@ApplicationScoped
public class SubsequentMarketService {

    @Inject
    ConventionService conventionService;

    @Inject
    ConventionVisibility visibility;

    @Transactional
    public List<SubsequentMarketView> list(UUID conventionId) {
        conventionService.readOnly();
        Convention c = conventionService.readable(conventionId);
        // The market's consumption sums every beneficiary's orders: the holder's business, not a mere beneficiary's.
        boolean holder = visibility.showsLineOf(c, c.signatoryId);
        return c.markets.stream().map(m -> view(c, m, holder)).toList();
    }

    /** Market 1, opened with the convention: from its execution start to its end, with the maximum of its annex. */
    static void openFirst(Convention c, BigDecimal statedMaximum) {
        if (!c.offer.billedPerSubsequentMarket) {
            return;
        }
        BigDecimal maximum = statedMaximum;
        if (maximum == null && c.beneficiaries.stream().allMatch(b -> b.maximumAmount != null)) {
            maximum = c.beneficiaries.stream().map(b -> b.maximumAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        open(c, c.executionStart(), c.endsOn, maximum, null);
    }

    static SubsequentMarket open(Convention c, LocalDate startsOn, LocalDate endsOn, BigDecimal maximum, Integer amendment) {
        SubsequentMarket m = new SubsequentMarket();
        m.id = UUID.randomUUID();
        m.convention = c;
        m.seq = c.markets.size() + 1;
        m.startsOn = startsOn;
        m.endsOn = endsOn;
        m.maximumAmount = maximum == null ? null : maximum.setScale(2);
        m.consumedAmount = BigDecimal.ZERO.setScale(2);
        m.amendmentNumber = amendment;
        c.markets.add(m);
        return m;
    }

    /**
     * The market an order counts against: the one it names, else the market in force on its date (the earliest one not
     * exhausted); refused with 422 naming the field when there is none.
     */
    static SubsequentMarket marketFor(Convention c, OrderRequest request) {
        if (request.subsequentMarket() != null) {
            SubsequentMarket m = c.markets.stream().filter(x -> x.seq == request.subsequentMarket()).findFirst()
                    .orElseThrow(() -> ProblemException.rule("UNKNOWN_SUBSEQUENT_MARKET", "This convention has no subsequent market "
                            + request.subsequentMarket(), "subsequentMarket"));
            if (!domain(m).covers(request.orderedOn())) {
                throw ProblemException.rule("NO_SUBSEQUENT_MARKET_IN_FORCE", "Subsequent market " + m.seq + " runs from "
                        + m.startsOn + " to " + m.endsOn + ", not on " + request.orderedOn(), "orderedOn");
            }
            if (m.exhaustedOn != null) {
                throw exhausted(m, "subsequentMarket");
            }
            return m;
        }
        List<SubsequentMarkets.Market> markets = c.markets.stream().map(SubsequentMarketService::domain).toList();
        Optional<SubsequentMarkets.Market> inForce = SubsequentMarkets.inForce(markets, request.orderedOn());
        if (inForce.isEmpty()) {
            Optional<SubsequentMarket> covering = c.markets.stream()
                    .filter(m -> domain(m).covers(request.orderedOn())).reduce((first, second) -> second);
            throw covering.map(m -> exhausted(m, "orderedOn")).orElseGet(() -> ProblemException.rule("NO_SUBSEQUENT_MARKET_IN_FORCE",
                    "No subsequent market of this convention is in force on " + request.orderedOn(), "orderedOn"));
        }
        return c.markets.stream().filter(m -> m.seq == inForce.get().seq()).findFirst().orElseThrow();
    }

    private static ProblemException exhausted(SubsequentMarket m, String field) {
        return ProblemException.rule("SUBSEQUENT_MARKET_EXHAUSTED", "Subsequent market " + m.seq + " reached its maximum of "
                + m.maximumAmount + " € on " + m.exhaustedOn + " and \"épuise ses effets\": a NEW_SUBSEQUENT_MARKET amendment "
                + "opens the next one", field);
    }

    /** Counts an order against {@code m}: 422 ORDER_EXCEEDS_MAXIMUM beyond its maximum; the order reaching it exhausts it. */
    static void count(SubsequentMarket m, BigDecimal amount, LocalDate orderedOn) {
        switch (SubsequentMarkets.order(domain(m), amount)) {
            case EXCEEDS -> throw ProblemException.rule("ORDER_EXCEEDS_MAXIMUM", "This order of " + amount + " € would bring "
                    + "subsequent market " + m.seq + " to " + m.consumedAmount.add(amount) + " €, over its maximum of "
                    + m.maximumAmount + " € (remaining " + m.maximumAmount.subtract(m.consumedAmount) + " €), which cannot be "
                    + "exceeded", "amount");
            case EXHAUSTS -> {
                m.consumedAmount = m.consumedAmount.add(amount);
                m.exhaustedOn = orderedOn;
            }
            case COUNTED -> m.consumedAmount = m.consumedAmount.add(amount);
        }
    }

    /** The market opened by the {@code number}-th amendment, if any. */
    static Optional<SubsequentMarket> openedBy(Convention c, int number) {
        return c.markets.stream().filter(m -> Objects.equals(m.amendmentNumber, number)).findFirst();
    }

    /** The market's execution start: market 1 starts with the convention's execution (docs/rules.md, section 5). */
    static LocalDate startOf(Convention c, SubsequentMarket m) {
        return m.seq == 1 ? c.executionStart() : m.startsOn;
    }

    /**
     * The last day a market's contribution covers: its end (never after the convention's end or termination), or when it
     * was exhausted (or the convention lapsed) the end of the execution year in progress that day.
     */
    static LocalDate contributionEnd(Convention c, SubsequentMarket m) {
        LocalDate end = m.endsOn;
        if (c.endsOn.isBefore(end)) {
            end = c.endsOn;
        }
        if (c.terminationEffectiveOn != null && c.terminationEffectiveOn.isBefore(end)) {
            end = c.terminationEffectiveOn;
        }
        LocalDate start = startOf(c, m);
        if (end.isBefore(start)) {
            return end;
        }
        LocalDate exhaustedOn = m.exhaustedOn != null ? m.exhaustedOn : c.lapsedOn;
        return SubsequentMarkets.contributionEnd(start, end, exhaustedOn);
    }

    static SubsequentMarkets.Market domain(SubsequentMarket m) {
        return new SubsequentMarkets.Market(m.seq, m.startsOn, m.endsOn, m.maximumAmount, m.consumedAmount, m.exhaustedOn);
    }

    private static SubsequentMarketView view(Convention c, SubsequentMarket m, boolean holder) {
        BigDecimal annual = m.seq == 1 ? c.currentAnnualAmount : amountOf(c, m);
        LocalDate start = startOf(c, m);
        LocalDate end = m.endsOn.isAfter(c.endsOn) ? c.endsOn : m.endsOn;
        LocalDate contributionEnd = contributionEnd(c, m);
        List<SubsequentMarketView.Year> years = end.isBefore(start) ? List.of()
                : SubsequentMarkets.executionYears(start, end, contributionEnd).stream()
                .map(y -> new SubsequentMarketView.Year(y.k(), y.start(), y.end(), y.billed())).toList();
        BigDecimal remaining = m.maximumAmount == null ? null : m.maximumAmount.subtract(m.consumedAmount);
        return new SubsequentMarketView(c.id, m.seq, m.amendmentNumber, start, m.endsOn, annual, m.maximumAmount,
                holder ? m.consumedAmount : null, holder ? remaining : null, m.exhaustedOn != null, m.exhaustedOn,
                contributionEnd, years);
    }

    private static BigDecimal amountOf(Convention c, SubsequentMarket m) {
        return c.amendments.stream().filter(a -> Objects.equals(a.number, m.amendmentNumber)).map((Amendment a) -> a.amount)
                .findFirst().orElse(null);
    }

    /** Whether the beneficiaries' own maxima and lapses apply to an order under {@code m} (they are market 1's annex). */
    static boolean beneficiaryMaximaApply(SubsequentMarket m) {
        return m == null || m.seq == 1;
    }

    /** Whether a later market than the first is still open on {@code day}: the convention does not lapse then. */
    static boolean laterMarketOpen(Convention c, LocalDate day) {
        return c.markets.stream().anyMatch(m -> m.seq > 1 && m.exhaustedOn == null && !m.endsOn.isBefore(day));
    }
}
