package fr.centrale.billing.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, R-5: the IBAN (ISO 13616) and BIC (ISO 9362) printed on a titre are checked. */
class IbanBicTest {

    @ParameterizedTest
    @ValueSource(strings = {"FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189", "fr7630006000011234567890189",
            "DE89370400440532013000", "GB29NWBK60161331926819", "BE68539007547034", "FR283000100794C751000000072"})
    void validIbans(String iban) {
        assertThat(Iban.problem(iban)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FR7630006000011234567890188|check digits do not match (ISO 13616 mod-97)",
            "FR763000600001123456789018|an IBAN of FR has 27 characters, not 26",
            "DE8937040044053201300|an IBAN of DE has 22 characters, not 21",
            "XX89370400440532013000|country XX has no IBAN this service knows (SEPA countries)",
            "FR76-3000-6000|must be a country code, two check digits, then letters and digits (ISO 13616)",
            "7630006000011234567890189|must be a country code, two check digits, then letters and digits (ISO 13616)",
            "' '|is required"})
    void invalidIbans(String iban, String why) {
        assertThat(Iban.problem(iban)).contains(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BDFEFRPPCCT", "BDFEFRPP", "deutdeff", "NWBKGB2L", "CEPAFRPP627"})
    void validBics(String bic) {
        assertThat(Bic.problem(bic)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BDFEFRPPC|has 8 or 11 characters (ISO 9362), not 9",
            "BDF1FRPPCCT|must be 4 letters (bank), 2 letters (country), 2 letters or digits (location) and an optional branch of 3 (ISO 9362)",
            "BDFEF1PPCCT|must be 4 letters (bank), 2 letters (country), 2 letters or digits (location) and an optional branch of 3 (ISO 9362)",
            "BDFEQQPPCCT|country QQ is not an ISO 3166 country code",
            "''|is required"})
    void invalidBics(String bic, String why) {
        assertThat(Bic.problem(bic)).contains(why);
    }
}
