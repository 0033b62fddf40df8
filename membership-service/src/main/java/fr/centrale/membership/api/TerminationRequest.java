package fr.centrale.membership.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Notification of a termination")
public record TerminationRequest(
        @NotNull @Schema(required = true, example = "2025-03-15") LocalDate notifiedOn,
        @Schema(description = "Chosen effective date; at the earliest the notice period after notification (default)",
                example = "2025-06-30") LocalDate effectiveOn) {
}
