package fr.centrale.billing.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A system to which every event of the titre feed is POSTed, signed (Standard Webhooks)")
public record WebhookSubscriberRequest(
        @Schema(description = "Where the events are POSTed: an http or https URL", required = true, maxLength = 2000,
                example = "https://sig.pasdecalais.fr/centrale/webhooks") String url,
        @Schema(description = "What the subscriber is, for the admins", maxLength = 200,
                example = "Département du Pas-de-Calais — miroir du grand livre (SIG finances)") @Size(max = 200) String description,
        @Schema(description = "The feed event types it receives (ISSUED, PAYMENT, CANCELLATION, REDUCTION); none: every type. "
                + "A filtered-out event is passed over without a POST.", example = "[\"ISSUED\", \"CANCELLATION\", \"REDUCTION\"]")
        @Size(max = 20) List<String> eventTypes,
        @Schema(description = "The first feed position to deliver; default 1 (the whole feed). A system that already mirrored "
                + "the pull feed up to position n starts at n + 1.", minimum = "1", defaultValue = "1", example = "1") Long fromPosition,
        @Schema(description = "False to register it without delivering yet", defaultValue = "true") Boolean enabled) {
}
