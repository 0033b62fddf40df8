package fr.centrale.convention.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

public record SignatureRequest(@NotNull @Schema(required = true, example = "2024-01-10") LocalDate signedOn) {
}
