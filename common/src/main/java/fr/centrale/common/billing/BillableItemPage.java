package fr.centrale.common.billing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "A page of the billing feed; pass nextCursor as `after` for the next page, null when done")
public record BillableItemPage(List<BillableItem> items, UUID nextCursor) {
}
