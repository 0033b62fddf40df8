package fr.centrale.convention.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md, R-3: "each membership (bulletin) and each convention (and an amendment, when it states one) carries its
 * own EJ number and service code; the organisation's values are only defaults. A titre carries those of its source."
 */
class ChorusReferencesTest {

    private static final ChorusReferences CONVENTION = new ChorusReferences("EJ-2022-000123", "SERV-ACHATS");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void withoutAmendmentTheConventionsOwnApply() {
        assertThat(ChorusReferences.on(d("2024-01-02"), CONVENTION, List.of())).isEqualTo(CONVENTION);
        assertThat(ChorusReferences.on(d("2024-01-02"), ChorusReferences.NONE, List.of())).isEqualTo(ChorusReferences.NONE);
    }

    @Test
    void anAmendmentsOwnApplyFromItsEffectiveDate() {
        var amendment = new ChorusReferences.FromAmendment(d("2024-09-01"), new ChorusReferences("EJ-2024-000456", "SERV-DSI"));
        assertThat(ChorusReferences.on(d("2024-08-31"), CONVENTION, List.of(amendment))).isEqualTo(CONVENTION);
        assertThat(ChorusReferences.on(d("2024-09-01"), CONVENTION, List.of(amendment)))
                .isEqualTo(new ChorusReferences("EJ-2024-000456", "SERV-DSI"));
        assertThat(ChorusReferences.on(d("2025-01-02"), ChorusReferences.NONE, List.of(amendment)))
                .isEqualTo(new ChorusReferences("EJ-2024-000456", "SERV-DSI"));
    }

    @Test
    void eachReferenceIsReplacedOnlyWhereTheAmendmentStatesOne_laterAmendmentsWin() {
        var ejOnly = new ChorusReferences.FromAmendment(d("2024-09-01"), new ChorusReferences("EJ-2024-000456", null));
        var later = new ChorusReferences.FromAmendment(d("2025-03-01"), new ChorusReferences("EJ-2025-000789", "SERV-DSI"));
        // Given out of order: the effective dates decide.
        List<ChorusReferences.FromAmendment> both = List.of(later, ejOnly);
        assertThat(ChorusReferences.on(d("2024-10-01"), CONVENTION, both))
                .isEqualTo(new ChorusReferences("EJ-2024-000456", "SERV-ACHATS"));
        assertThat(ChorusReferences.on(d("2025-03-01"), CONVENTION, both))
                .isEqualTo(new ChorusReferences("EJ-2025-000789", "SERV-DSI"));
    }
}
