package fr.centrale.convention.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * docs/rules.md, R-9: a subsequent market of RESAH 2021-046-001 or 2021-047-001 is an object of its own, with its start,
 * end and maximum. Seed 000 (2021-046-001), article 1: "dans la limite du montant maximum qu'il s'engage à renseigner en
 * annexe. Ce montant constitue le maximum du marché subséquent passé au titre de la présente convention"; article 3.1:
 * "A défaut de conclusion d'un avenant [...] avant l'atteinte du montant maximum [...], le marché subséquent épuise ses
 * effets"; article 4.1: "une contribution financière annuelle, par année d'exécution de chaque marché subséquent".
 * <p>
 * Orders count against the market in force; the order that reaches its maximum exhausts it, and one that would exceed it
 * is refused (seed 000, 3.1: "le signataire et les bénéficiaires s'engagent à respecter le montant maximum"). An
 * exhausted market's contribution stops after the execution year in progress: the years after it are not billed.
 */
public final class SubsequentMarkets {

    /**
     * A subsequent market: {@code seq} 1 is the convention's own, 2, 3, … are opened by NEW_SUBSEQUENT_MARKET amendments.
     * {@code maximum} is HT over the market's whole duration, null when none was stated (markets carried forward from
     * before R-9 whose beneficiaries did not all state one): such a market is never exhausted.
     */
    public record Market(int seq, LocalDate start, LocalDate end, BigDecimal maximum, BigDecimal consumed,
                         LocalDate exhaustedOn) {

        /** What orders may still reach, null without a maximum. */
        public BigDecimal remaining() {
            return maximum == null ? null : maximum.subtract(consumed);
        }

        public boolean exhausted() {
            return exhaustedOn != null;
        }

        public boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** What an order does to the market it counts against. */
    public enum Outcome {
        /** Counted; the market stays open. */
        COUNTED,
        /** Counted, and it reaches the maximum: the market is exhausted ("épuise ses effets") on the order's date. */
        EXHAUSTS,
        /** It would exceed the maximum: refused, nothing recorded. */
        EXCEEDS
    }

    /** An execution year of a market, and whether its contribution is billed. */
    public record Year(int k, LocalDate start, LocalDate end, boolean billed) {
    }

    private SubsequentMarkets() {
    }

    /**
     * The market an order placed on {@code day} counts against: among the markets whose period covers the day and that
     * are not exhausted, the earliest opened (the next market takes over when the previous one is exhausted).
     */
    public static Optional<Market> inForce(List<Market> markets, LocalDate day) {
        return markets.stream().filter(m -> m.covers(day) && !m.exhausted()).min(Comparator.comparingInt(Market::seq));
    }

    /** The effect of an order of {@code amount} on {@code market}. */
    public static Outcome order(Market market, BigDecimal amount) {
        if (market.maximum() == null) {
            return Outcome.COUNTED;
        }
        int cmp = market.consumed().add(amount).compareTo(market.maximum());
        return cmp > 0 ? Outcome.EXCEEDS : cmp == 0 ? Outcome.EXHAUSTS : Outcome.COUNTED;
    }

    /**
     * The last day the market's contribution covers: {@code end} (its end, already cut at the convention's end or
     * termination), or, when it was exhausted on {@code exhaustedOn} (or the convention lapsed that day), the end of the
     * execution year in progress that day ("épuise ses effets": nothing is billed for the years after it).
     */
    public static LocalDate contributionEnd(LocalDate start, LocalDate end, LocalDate exhaustedOn) {
        if (exhaustedOn == null || exhaustedOn.isAfter(end)) {
            return end;
        }
        if (exhaustedOn.isBefore(start)) {
            return start.minusDays(1);
        }
        return ExecutionYears.containing(start, end, exhaustedOn).end();
    }

    /** The market's execution years over [start, end], each saying whether it is billed (up to {@code contributionEnd}). */
    public static List<Year> executionYears(LocalDate start, LocalDate end, LocalDate contributionEnd) {
        return ExecutionYears.of(start, end).stream()
                .map(y -> new Year(y.k(), y.start(), y.end(), !y.start().isAfter(contributionEnd))).toList();
    }
}
