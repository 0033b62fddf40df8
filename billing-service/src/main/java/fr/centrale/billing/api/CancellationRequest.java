package fr.centrale.billing.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A cancellation (whole unpaid amount) or a reduction (part of it)")
public record CancellationRequest(
        @NotBlank @Size(max = 1000) @Schema(required = true, example = "Erreur de catégorie : établissement médico-social") String reason,
        @Positive @Digits(integer = 12, fraction = 2) @Schema(description = "Reduction amount; absent = cancel what remains unpaid", example = "300.00") BigDecimal amount) {
}
