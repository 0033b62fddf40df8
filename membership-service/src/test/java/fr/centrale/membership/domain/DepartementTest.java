package fr.centrale.membership.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DepartementTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "62411, 62", "62000, 62", "59000, 59", "75011, 75", "01000, 01",
            "20000, 2A", "20190, 2A", "20200, 2B", "20600, 2B", "97400, 974", "98800, 988",
            "6241, null", "ABCDE, null"})
    void thePostalCodeGivesTheDepartement(String postalCode, String departement) {
        assertThat(Departement.ofPostalCode(postalCode)).isEqualTo(departement);
    }
}
