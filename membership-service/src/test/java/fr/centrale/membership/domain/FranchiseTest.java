package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/rules.md, R-14. Seed 003, article 7: "Les adhérents ayant conclu la présente convention dans les deux premières
 * années suivant l'entrée en vigueur de la délibération n° 2022-03 en date du 19 janvier 2022, bénéficieront d'une
 * franchise de la participation financière afférente aux fournitures ou services qu'ils auront souscrits durant ces
 * deux premières années. Cette franchise de participation financière sera limitée à la durée des marchés conclus la
 * première année d'existence de la centrale." The very-high-speed market runs "jusque janvier 2027".
 */
class FranchiseTest {

    private final Franchise fibre = new Franchise(LocalDate.of(2022, 1, 19), 2, LocalDate.of(2027, 1, 31));

    /** Joined in the two years' window: no participation until the end of the first year's markets, not two years. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "2022-01-18, null", "2022-01-19, 2027-01-31", "2023-09-18, 2027-01-31", "2024-01-18, 2027-01-31", "2024-01-19, null"})
    void membersWhoJoinedInTheFirstTwoYearsHaveNoParticipationUntilTheFirstYearsMarketsEnd(LocalDate startsOn, LocalDate until) {
        assertThat(fibre.until(startsOn)).isEqualTo(until);
    }

    @Test
    void theWindowToSubscribeStillLastsTwoYears() {
        assertThat(fibre.windowEnd()).isEqualTo(LocalDate.of(2024, 1, 18));
    }

    /** A body that records no end keeps the franchise to the window's end (as before R-14). */
    @Test
    void withoutARecordedEndTheFranchiseEndsWithTheWindow() {
        assertThat(new Franchise(LocalDate.of(2022, 1, 19), 2).until(LocalDate.of(2023, 9, 18))).isEqualTo(LocalDate.of(2024, 1, 18));
    }

    @Test
    void anEndBeforeTheWindowOpensIsRefused() {
        assertThatCode(() -> Franchise.checkEnd(LocalDate.of(2022, 1, 19), LocalDate.of(2022, 1, 19))).doesNotThrowAnyException();
        assertThatCode(() -> Franchise.checkEnd(null, LocalDate.of(2027, 1, 31))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Franchise.checkEnd(LocalDate.of(2022, 1, 19), LocalDate.of(2022, 1, 18)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("FRANCHISE_END_BEFORE_WINDOW");
                    assertThat(e.errors().get(0).field()).isEqualTo("franchiseEndsOn");
                });
    }
}
