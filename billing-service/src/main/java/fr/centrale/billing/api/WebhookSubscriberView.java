package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A webhook subscriber and how far its deliveries have come")
public record WebhookSubscriberView(
        UUID id,
        @Schema(example = "https://sig.pasdecalais.fr/centrale/webhooks") String url,
        String description,
        @Schema(description = "The feed event types it receives; [] for every type", example = "[\"ISSUED\", \"PAYMENT\"]") List<String> eventTypes,
        boolean enabled,
        @Schema(description = "UP_TO_DATE: every event delivered; DELIVERING: events wait (they go out within seconds); "
                + "RETRYING: the event after the cursor failed and is tried again at nextAttemptAt; FAILING: it has failed for 24 h "
                + "and is still tried hourly; DISABLED") Status status,
        @Schema(description = "The last feed position delivered (or filtered out); 0 before the first", example = "1187") long cursor,
        @Schema(description = "The last position of the feed", example = "1190") long feedPosition,
        @Schema(description = "When the failing event is tried again, while RETRYING or FAILING") Instant nextAttemptAt,
        @Schema(description = "The signing secret (whsec_...): in the answer to the creation ONLY, never shown again. "
                + "Keep it in the receiving system.", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status { UP_TO_DATE, DELIVERING, RETRYING, FAILING, DISABLED }
}
