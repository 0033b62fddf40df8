package fr.centrale.billing.api;

import fr.centrale.common.billing.BillableItem;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "A membership or convention of the debtor, budgeted on the line (one line per source and fiscal year)")
public record AttachmentRequest(
        @NotNull @Schema(required = true, example = "CONVENTION") BillableItem.SourceType sourceType,
        @NotNull @Schema(required = true, example = "9b2f3c4d-0000-4000-8000-000000000001") UUID sourceId) {
}
