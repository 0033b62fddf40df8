package fr.centrale.membership.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"13000501000025", "130 005 010 00025", "200 072 460 00013", "20007246000013", "200\u00A0072\u00A0460\u00A000013"})
    void realSiretsOfTheSeedsAreValidWhateverTheSpaces(String siret) {
        assertThat(Siret.isValid(siret)).isTrue();
    }

    @Test
    void aWrongDigitFailsTheLuhnChecksum() {
        assertThat(Siret.problemWith("20007246000014")).contains("Luhn");
    }

    @Test
    void theSirenIsCheckedOnItsOwn() {
        // 14 digits that pass Luhn as a whole while the SIREN 200072461 does not.
        String siret = "20007246100011";
        assertThat(Siret.luhn(siret.substring(0, 9))).isFalse();
        assertThat(Siret.luhn(siret)).isTrue();
        assertThat(Siret.problemWith(siret)).contains("SIREN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1300050100002", "130005010000255", "13000501000O25", "abc"})
    void aSiretHasFourteenDigits(String siret) {
        assertThat(Siret.problemWith(Siret.normalize(siret))).isEqualTo("a SIRET has 14 digits");
    }

    @Test
    void laPosteEstablishmentsAddUpToAMultipleOfFive() {
        assertThat(Siret.isValid("356 000 000 49837")).isTrue();   // digit sum 45
        assertThat(Siret.luhn("35600000049837")).isFalse();         // a plain Luhn check would refuse it
        assertThat(Siret.problemWith("35600000049838")).contains("multiple of 5");
    }

    @Test
    void nullIsInvalid() {
        assertThat(Siret.isValid(null)).isFalse();
    }
}
