package fr.centrale.billing.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the titres feed: events after a position, in commit order; resume from {@code lastPosition}. */
public record TitreEventView(List<Event> items, long lastPosition, boolean more) {

    public record Event(long position, UUID titreId, String type, Instant occurredAt, TitreView titre) {
    }
}
