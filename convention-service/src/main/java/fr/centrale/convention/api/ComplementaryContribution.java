package fr.centrale.convention.api;

import fr.centrale.common.billing.BillableItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "What an amendment makes the debtor owe, and the billable items it added to the schedule")
public record ComplementaryContribution(
        @Schema(description = "ANNUAL_DIFFERENCE (tier change), ONE_OFF (fee) or NEW_MARKET") String kind,
        @Schema(description = "Annual difference, fee, or the new market's annual contribution") BigDecimal amount,
        @Schema(description = "When the first one falls due") LocalDate dueOn,
        List<BillableItem> items) {
}
