package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.convention.PricingModel;
import fr.centrale.convention.domain.ConventionSchedule.Complement;
import fr.centrale.convention.domain.SubsequentMarkets.Market;
import fr.centrale.convention.domain.SubsequentMarkets.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md, R-9. Seed 000 (RESAH 2021-046-001), article 1: "dans la limite du montant maximum qu'il s'engage à
 * renseigner en annexe. Ce montant constitue le maximum du marché subséquent passé au titre de la présente convention";
 * article 3.1: "A défaut de conclusion d'un avenant à la présente convention et au marché subséquent avant l'atteinte du
 * montant maximum [...], le marché subséquent épuise ses effets"; article 4.1: "une contribution financière annuelle, par
 * année d'exécution de chaque marché subséquent".
 */
class SubsequentMarketsTest {

    private static final UUID CONVENTION = UUID.fromString("9b2f3c4d-0000-4000-8000-000000000003");
    private static final UUID CA = UUID.fromString("0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b12");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private static Market market(int seq, String start, String end, String maximum, String consumed, String exhaustedOn) {
        return new Market(seq, d(start), d(end), maximum == null ? null : m(maximum), m(consumed),
                exhaustedOn == null ? null : d(exhaustedOn));
    }

    @Test
    void anOrderCountsUntilTheMaximum_reachingItExhausts_exceedingItIsRefused() {
        Market first = market(1, "2022-03-01", "2026-02-28", "100000.00", "60000.00", null);
        assertThat(SubsequentMarkets.order(first, m("39999.99"))).isEqualTo(Outcome.COUNTED);
        assertThat(SubsequentMarkets.order(first, m("40000.00"))).isEqualTo(Outcome.EXHAUSTS);
        assertThat(SubsequentMarkets.order(first, m("40000.01"))).isEqualTo(Outcome.EXCEEDS);
        assertThat(first.remaining()).isEqualByComparingTo("40000.00");
        // A market carried forward without a stated maximum is never exhausted.
        Market noMaximum = market(1, "2022-03-01", "2026-02-28", null, "60000.00", null);
        assertThat(SubsequentMarkets.order(noMaximum, m("1000000.00"))).isEqualTo(Outcome.COUNTED);
        assertThat(noMaximum.remaining()).isNull();
    }

    @Test
    void theMarketInForceIsTheEarliestOneNotExhaustedThatCoversTheDay() {
        Market first = market(1, "2022-03-01", "2026-02-28", "100000.00", "60000.00", null);
        Market second = market(2, "2023-09-01", "2026-02-28", "120000.00", "0.00", null);
        assertThat(SubsequentMarkets.inForce(List.of(first, second), d("2023-10-01"))).contains(first);
        assertThat(SubsequentMarkets.inForce(List.of(first, second), d("2022-02-28"))).isEmpty();
        Market exhausted = market(1, "2022-03-01", "2026-02-28", "100000.00", "100000.00", "2023-06-15");
        assertThat(SubsequentMarkets.inForce(List.of(exhausted, second), d("2023-10-01"))).contains(second);
        // Before the next market starts, nothing is in force once the first is exhausted.
        assertThat(SubsequentMarkets.inForce(List.of(exhausted, second), d("2023-07-01"))).isEmpty();
    }

    @Test
    void anExhaustedMarketIsBilledUpToTheEndOfTheExecutionYearInProgress() {
        // Execution years from 01/03/2022: year 2 runs 01/03/2023–29/02/2024.
        assertThat(SubsequentMarkets.contributionEnd(d("2022-03-01"), d("2026-02-28"), d("2023-06-15"))).isEqualTo(d("2024-02-29"));
        assertThat(SubsequentMarkets.contributionEnd(d("2022-03-01"), d("2026-02-28"), d("2023-03-01"))).isEqualTo(d("2024-02-29"));
        assertThat(SubsequentMarkets.contributionEnd(d("2022-03-01"), d("2026-02-28"), d("2023-02-28"))).isEqualTo(d("2023-02-28"));
        assertThat(SubsequentMarkets.contributionEnd(d("2022-03-01"), d("2026-02-28"), null)).isEqualTo(d("2026-02-28"));
        // The last year is cut at the market's end.
        assertThat(SubsequentMarkets.contributionEnd(d("2022-03-01"), d("2025-12-31"), d("2025-06-01"))).isEqualTo(d("2025-12-31"));
        assertThat(SubsequentMarkets.executionYears(d("2022-03-01"), d("2026-02-28"), d("2024-02-29")))
                .extracting(SubsequentMarkets.Year::billed).containsExactly(true, true, false, false);
    }

    /**
     * CA de Béthune-Bruay, 2021-047-001 (Communauté d'agglomération, 2 500 € a year), market 1 from 01/03/2022 to
     * 28/02/2026 exhausted on 15/06/2023; market 2 opened by amendment from 01/09/2023: market 1 is billed for its years 1
     * and 2 only, market 2 for each of its own execution years.
     */
    @Test
    void theFirstMarketStopsAfterTheYearInProgress_theNextOneIsBilledOverItsOwnYears() {
        LocalDate contributionEnd = SubsequentMarkets.contributionEnd(d("2022-03-01"), d("2026-02-28"), d("2023-06-15"));
        var terms = new ConventionSchedule.Terms(CONVENTION, "RESAH", "Contribution", PricingModel.FULL_YEAR, 30,
                d("2022-03-01"), d("2026-02-28"), m("2500.00"), CA, List.of(), "Grille", contributionEnd, List.of());
        Complement second = new Complement(1, Complement.Kind.NEW_MARKET, CA, d("2023-09-01"), d("2023-09-01"),
                m("2500.00"), d("2023-09-01"), d("2026-02-28"), "Avenant n° 1 — nouveau marché subséquent");
        List<BillableItem> items = ConventionSchedule.items(terms, List.of(second), Q1RunDay.DEFAULT);
        assertThat(items).extracting(BillableItem::sequence).containsExactly(1, 2, 1001, 1002, 1003);
        assertThat(items).extracting(BillableItem::issueOn).containsExactly(d("2022-03-01"), d("2023-01-02"),
                d("2023-09-01"), d("2024-01-02"), d("2025-01-02"));
        assertThat(items.get(1).periodEnd()).isEqualTo(d("2024-02-29"));
        assertThat(items).extracting(BillableItem::amount).allSatisfy(a -> assertThat(a).isEqualByComparingTo("2500.00"));

        // Not exhausted: the first market runs on to its end (four years).
        var running = new ConventionSchedule.Terms(CONVENTION, "RESAH", "Contribution", PricingModel.FULL_YEAR, 30,
                d("2022-03-01"), d("2026-02-28"), m("2500.00"), CA, List.of(), "Grille");
        assertThat(ConventionSchedule.items(running, List.of(), Q1RunDay.DEFAULT)).hasSize(4);
    }
}
