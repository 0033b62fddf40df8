package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRetryTest {

    private final WebhookRetry retry = WebhookRetry.DEFAULT;

    @Test
    void theDelayDoublesFromFiveSecondsUpToAnHour() {
        List<Long> seconds = new ArrayList<>();
        for (int n = 1; n <= 14; n++) {
            seconds.add(retry.delayAfter(n).toSeconds());
        }
        assertThat(seconds).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L, 3600L, 3600L);
        assertThat(retry.delayAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDeliveryFailingContinuouslyIsTriedForMoreThan24HoursAndThenStillHourly() {
        Instant first = Instant.parse("2025-01-02T08:00:00Z");
        Instant at = first;
        int failed = 0;
        while (retry.statusAfterFailure(first, at) == WebhookRetry.Status.RETRYING) {
            failed++;
            at = at.plus(retry.delayAfter(failed));
        }
        assertThat(Duration.between(first, at)).isGreaterThanOrEqualTo(Duration.ofHours(24)).isLessThan(Duration.ofHours(25));
        assertThat(failed).as("attempts before FAILING").isBetween(30, 40);
        assertThat(retry.delayAfter(failed + 1)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void failingOnlyOnce24HoursHavePassed() {
        Instant first = Instant.parse("2025-01-02T08:00:00Z");
        assertThat(retry.statusAfterFailure(first, first)).isEqualTo(WebhookRetry.Status.RETRYING);
        assertThat(retry.statusAfterFailure(first, first.plus(Duration.ofHours(24)).minusSeconds(1))).isEqualTo(WebhookRetry.Status.RETRYING);
        assertThat(retry.statusAfterFailure(first, first.plus(Duration.ofHours(24)))).isEqualTo(WebhookRetry.Status.FAILING);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> retry.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookRetry(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookRetry(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
