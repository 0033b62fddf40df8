package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A billing run: issue every billable item due on or before asOf that has no titre yet")
public record BillingRunRequest(
        @Schema(description = "Default: today (Europe/Paris)", example = "2025-01-02") LocalDate asOf,
        @Schema(description = "Answer what would be issued, write nothing", defaultValue = "false") Boolean dryRun) {
}
