package fr.centrale.membership.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FranchiseTest {

    private final Franchise fibre = new Franchise(LocalDate.of(2022, 1, 19), 2);

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "2022-01-18, null", "2022-01-19, 2024-01-18", "2023-09-18, 2024-01-18", "2024-01-18, 2024-01-18", "2024-01-19, null"})
    void membersWhoJoinedInTheFirstTwoYearsHaveAFranchise(LocalDate startsOn, LocalDate until) {
        assertThat(fibre.until(startsOn)).isEqualTo(until);
    }
}
