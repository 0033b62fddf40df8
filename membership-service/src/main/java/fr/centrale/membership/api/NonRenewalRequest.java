package fr.centrale.membership.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Receipt of a registered non-renewal letter")
public record NonRenewalRequest(
        @NotNull @Schema(required = true, example = "2024-10-15") LocalDate receivedOn) {
}
