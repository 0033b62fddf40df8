package fr.centrale.billing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed webhook delivery is tried again. The delay doubles from {@code first} after each failed
 * attempt, up to {@code max}; the delivery is never abandoned: once {@code giveUpAfter} has passed since its
 * first attempt it is reported FAILING, and still tried every {@code max}. The subscriber receives nothing
 * after that event until it succeeds (or an admin replays or disables it): deliveries never skip ahead.
 *
 * <p>With the defaults (5 s, 1 h, 24 h): 5 s, 10 s, 20 s, 40 s, 80 s, 160 s, 320 s, 640 s, 1 280 s, 2 560 s, then
 * every hour; the 10 first retries span about 1 h 25 min, the status turns FAILING 24 h after the first attempt.
 */
public record WebhookRetry(Duration first, Duration max, Duration giveUpAfter) {

    public static final WebhookRetry DEFAULT = new WebhookRetry(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    public enum Status {
        /** Failed, tried again at the next attempt time. */
        RETRYING,
        /** Failed for at least {@code giveUpAfter}: an alert for a human; still tried every {@code max}. */
        FAILING
    }

    public WebhookRetry {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays: 0 < first <= max, giveUpAfter >= 0");
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first): first × 2^(n-1), at most max. */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be 1 or more");
        }
        Duration delay = first;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The status of a delivery that has just failed, first tried at {@code firstAttempt}. */
    public Status statusAfterFailure(Instant firstAttempt, Instant now) {
        return Duration.between(firstAttempt, now).compareTo(giveUpAfter) >= 0 ? Status.FAILING : Status.RETRYING;
    }
}
