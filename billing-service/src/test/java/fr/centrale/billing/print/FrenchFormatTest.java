package fr.centrale.billing.print;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchFormatTest {

    /** Spaces written as "_" (narrow no-break, thousands) and "~" (no-break, before the euro sign). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1152.08 | 1_152,08~€",
            "2500 | 2_500,00~€",
            "0.5 | 0,50~€",
            "0 | 0,00~€",
            "999.99 | 999,99~€",
            "1000 | 1_000,00~€",
            "1234567.891 | 1_234_567,89~€",
            "1152.085 | 1_152,09~€",
            "-1152.08 | -1_152,08~€",
            "-0.5 | -0,50~€",
            "-0.001 | 0,00~€",
    })
    void euros(String amount, String expected) {
        assertThat(FrenchFormat.euros(new BigDecimal(amount)))
                .isEqualTo(expected.replace('_', '\u202F').replace('~', '\u00A0'));
    }

    @Test
    void eurosOfNothingIsEmpty() {
        assertThat(FrenchFormat.euros(null)).isEmpty();
    }

    @Test
    void decimals() {
        assertThat(FrenchFormat.decimal(new BigDecimal("5.53"), 2)).isEqualTo("5,53");
        assertThat(FrenchFormat.decimal(new BigDecimal("7.9"), 2)).isEqualTo("7,90");
        assertThat(FrenchFormat.decimal(new BigDecimal("12"), 0)).isEqualTo("12");
    }

    @Test
    void dates() {
        assertThat(FrenchFormat.date(LocalDate.of(2025, 1, 2))).isEqualTo("02/01/2025");
        assertThat(FrenchFormat.date(LocalDate.of(2025, 12, 31))).isEqualTo("31/12/2025");
        assertThat(FrenchFormat.date(null)).isEmpty();
    }

    @Test
    void siret() {
        assertThat(FrenchFormat.siret("20007246000013")).isEqualTo("200\u00A0072\u00A0460\u00A000013");
        assertThat(FrenchFormat.siret("200 072 460 00013")).isEqualTo("200\u00A0072\u00A0460\u00A000013");
        assertThat(FrenchFormat.siret("12345")).isEqualTo("12345");
        assertThat(FrenchFormat.siret(null)).isEmpty();
    }
}
