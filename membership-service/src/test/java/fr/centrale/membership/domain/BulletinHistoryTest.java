package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/rules.md, R-15. Seed 000: after the RESAH board's new tariffs of 29/09/2022, "il est nécessaire de mettre à jour
 * le bulletin d'adhésion conclu avec le RESAH" — the membership of 04/07/2022 goes on, on a new bulletin.
 */
class BulletinHistoryTest {

    private static final BulletinHistory.Bulletin FIRST =
            new BulletinHistory.Bulletin(LocalDate.of(2022, 7, 4), new ChorusReferences("EJ-2022", "DSI"));
    private static final BulletinHistory.Bulletin UPDATED =
            new BulletinHistory.Bulletin(LocalDate.of(2023, 12, 11), new ChorusReferences("EJ-2023", "DSI"));

    @Test
    void theBulletinInForceIsTheLatestDatedOnOrBeforeTheDay() {
        var history = new BulletinHistory(List.of(UPDATED, FIRST)); // any order
        assertThat(history.inForceOn(LocalDate.of(2023, 1, 2))).isEqualTo(FIRST);
        assertThat(history.inForceOn(LocalDate.of(2023, 12, 10))).isEqualTo(FIRST);
        assertThat(history.inForceOn(LocalDate.of(2023, 12, 11))).isEqualTo(UPDATED);
        assertThat(history.inForceOn(LocalDate.of(2024, 1, 2))).isEqualTo(UPDATED);
        assertThat(history.inForceOn(LocalDate.of(2022, 1, 1))).isEqualTo(FIRST); // before any: the first one
        assertThat(history.latest()).isEqualTo(UPDATED);
    }

    @Test
    void aNewBulletinFollowsTheLatestAndPrecedesTheEnd() {
        var history = new BulletinHistory(List.of(FIRST, UPDATED));
        history.checkNew(LocalDate.of(2024, 12, 1), null);
        history.checkNew(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31));
        assertRefused(() -> history.checkNew(LocalDate.of(2023, 12, 11), null), "BULLETIN_NOT_AFTER_LATEST");
        assertRefused(() -> history.checkNew(LocalDate.of(2023, 1, 1), null), "BULLETIN_NOT_AFTER_LATEST");
        assertRefused(() -> history.checkNew(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 12, 31)), "MEMBERSHIP_ENDED");
    }

    private static void assertRefused(Runnable check, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.errors().get(0).field()).isEqualTo("receivedOn");
        });
    }
}
