package fr.centrale.membership.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A person to deal with (personal data)")
public record ContactRequest(
        @NotBlank @Size(max = 255) @Schema(required = true, example = "Claire Martin") String name,
        @Size(max = 255) @Schema(example = "Directrice des systèmes d'information") String role,
        @Email @Size(max = 320) @Schema(example = "claire.martin@pasdecalais.fr") String email,
        @Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "must be a phone number") @Schema(example = "03 21 21 62 62") String phone) {
}
