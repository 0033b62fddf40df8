package fr.centrale.membership.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipTermsTest {

    /** D-1: "reçu après le 31 octobre" read literally: a bulletin received on 31 October still owes the year. */
    @ParameterizedTest
    @CsvSource({"2023-01-01, 2023", "2023-10-30, 2023", "2023-10-31, 2023", "2023-11-01, 2024", "2023-12-11, 2024", "2023-12-31, 2024"})
    void aBulletinReceivedAfter31OctoberOwesNothingForItsYear(LocalDate receivedOn, int firstFeeYear) {
        assertThat(MembershipTerms.firstFeeYear(receivedOn)).isEqualTo(firstFeeYear);
    }

    /** D-1 and D-7: "avant le 31 octobre": 30 October is the last day; later, one more renewal. */
    @ParameterizedTest
    @CsvSource({"2024-01-10, 2024-12-31", "2024-10-15, 2024-12-31", "2024-10-30, 2024-12-31",
            "2024-10-31, 2025-12-31", "2024-11-05, 2025-12-31", "2024-12-31, 2025-12-31"})
    void aNonRenewalEndsTheMembershipOn31December(LocalDate receivedOn, LocalDate endsOn) {
        assertThat(MembershipTerms.endAfterNonRenewal(receivedOn)).isEqualTo(endsOn);
    }

    @ParameterizedTest
    @CsvSource({"2025-03-15, 1, 2025-04-15", "2025-01-31, 1, 2025-02-28", "2025-03-15, 3, 2025-06-15", "2025-03-15, 0, 2025-03-15"})
    void aTerminationTakesEffectAfterTheNotice(LocalDate notifiedOn, int months, LocalDate earliest) {
        assertThat(MembershipTerms.earliestTermination(notifiedOn, months)).isEqualTo(earliest);
    }
}
