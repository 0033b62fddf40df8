package fr.centrale.billing.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A change to a webhook subscriber: only the fields sent change. Send the version read.")
public record WebhookSubscriberPatch(
        @Schema(description = "An http or https URL", maxLength = 2000, example = "https://sig.pasdecalais.fr/centrale/webhooks/v2") String url,
        @Schema(maxLength = 200) @Size(max = 200) String description,
        @Schema(description = "The feed event types it receives; [] for every type", example = "[\"ISSUED\"]") @Size(max = 20) List<String> eventTypes,
        @Schema(description = "False stops the deliveries (the cursor stays); true resumes them at once, after the cursor", example = "false")
        Boolean enabled,
        @Schema(description = "The version read (or If-Match); a stale one is refused with 409", example = "0") Long version) {
}
