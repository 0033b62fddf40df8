package fr.centrale.billing.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Which revision of an issuer's settings is in force on a date (docs/rules.md, R-4 and R-5: the officer and the
 * mentions are "data, dated"): the one with the latest {@code validFrom} on or before the date; of two valid from
 * the same day, the later revision (a correction made the same day wins). Revisions are never changed: an edit
 * is a new revision, so a titre that names the revision in force at its issue states the same thing for ever.
 */
public final class SettingsRevisions {

    /** What the choice needs of a revision. */
    public record Dated(UUID id, int revision, LocalDate validFrom) {
    }

    private SettingsRevisions() {
    }

    public static Optional<Dated> inForce(Collection<Dated> revisions, LocalDate on) {
        return revisions.stream()
                .filter(r -> !r.validFrom().isAfter(on))
                .max(Comparator.comparing(Dated::validFrom).thenComparingInt(Dated::revision));
    }

    /** The number of the next revision: one more than the highest (1 for the first). */
    public static int next(Collection<Dated> revisions) {
        return revisions.stream().mapToInt(Dated::revision).max().orElse(0) + 1;
    }
}
