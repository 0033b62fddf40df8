package fr.centrale.convention.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

public record TerminationRequest(@NotNull @Schema(required = true, example = "2024-11-15") LocalDate notifiedOn) {
}
