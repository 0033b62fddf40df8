package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.billing.BillingRun;
import fr.centrale.common.billing.BillableItem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingRunView(UUID id, LocalDate asOf, BillingRun.Status status, BillingRun.Trigger trigger,
                             boolean dryRun, int issuedCount, int alreadyIssuedCount, int failedCount, String message,
                             Instant startedAt, Instant finishedAt,
                             List<BillableItem> wouldIssue,
                             @Schema(description = "Items below their issuer's threshold, recorded as waived by this run, never issued "
                                     + "(docs/rules.md, R-2); listed at /api/v1/waived-items?runId=", example = "3")
                             int waivedCount) {

    public static BillingRunView of(BillingRun r) {
        return new BillingRunView(r.id, r.asOf, r.status, r.trigger, false, r.issuedCount, r.alreadyIssuedCount,
                r.failedCount, r.message, r.startedAt, r.finishedAt, null, r.waivedCount);
    }
}
