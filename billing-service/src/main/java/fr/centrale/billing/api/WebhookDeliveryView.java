package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "The delivery of one feed event to one subscriber (a replay delivers the event again in a new delivery)")
public record WebhookDeliveryView(
        long id,
        UUID subscriberId,
        @Schema(description = "The feed position of the event", example = "1188") long position,
        @Schema(description = "The webhook type", example = "titre.payment") String type,
        @Schema(description = "The webhook-id header: the same for every attempt and replay of this event to this subscriber",
                example = "msg_3b0f6c2e9d414f55a0c75e1d2c3b4a59_1188") String webhookId,
        @Schema(description = "SUCCEEDED (a 2xx answer); RETRYING; FAILING (failing for 24 h, still tried hourly); "
                + "SUPERSEDED (a replay or a change of cursor replaced it before it succeeded)") Status status,
        @Schema(example = "3") int attempts,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        @Schema(description = "While RETRYING or FAILING") Instant nextAttemptAt,
        Instant deliveredAt,
        @Schema(description = "The HTTP status of the last answer; none after a timeout or a refused connection", example = "503")
        Integer lastHttpStatus,
        @Schema(description = "The first 500 characters of the last answer, or why there was none",
                example = "timed out: no answer within 10 s") String lastResponse) {

    public enum Status { RETRYING, FAILING, SUCCEEDED, SUPERSEDED }
}
