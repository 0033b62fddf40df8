package fr.centrale.membership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Postal address; the postal code gives the département")
public record Address(
        @NotBlank @Size(max = 255) @Schema(required = true, example = "100 avenue de Londres, CS 40548") String street,
        @NotBlank @Pattern(regexp = "\\d{5}", message = "must be 5 digits") @Schema(required = true, example = "62411") String postalCode,
        @NotBlank @Size(max = 255) @Schema(required = true, example = "Béthune cedex") String city) {
}
