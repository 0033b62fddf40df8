package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The body POSTed to a subscriber: the Standard Webhooks envelope around one event of the titre feed. */
@Schema(description = "A webhook's body: {type, timestamp, data}, data being the event exactly as the pull feed gives it")
public record WebhookEnvelope(
        @Schema(example = "titre.issued") String type,
        @Schema(description = "When the event happened (its occurredAt)") Instant timestamp,
        TitreEventView.Event data) {
}
