package fr.centrale.billing.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Deliver again from a feed position: the subscriber's cursor goes back to just before it")
public record WebhookReplayRequest(
        @Schema(description = "The first position delivered again; at least 1 and at most the position after the cursor "
                + "(a replay never skips an undelivered event)", required = true, minimum = "1", example = "1200")
        @NotNull Long fromPosition) {
}
