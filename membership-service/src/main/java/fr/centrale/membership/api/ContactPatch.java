package fr.centrale.membership.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A correction of a contact's personal data (RGPD right of rectification, docs/rules.md, R-16): a value "
        + "replaces the current one, an empty string clears an optional field (role, email, phone), an absent field keeps it")
public record ContactPatch(
        @Size(max = 255) @Schema(description = "Must not be blank when given", example = "Claire Martin-Dubois") String name,
        @Size(max = 255) @Schema(example = "Directrice des systèmes d'information") String role,
        @Email @Size(max = 320) @Schema(example = "claire.martin-dubois@pasdecalais.fr") String email,
        @Pattern(regexp = "(\\+?[0-9 .()-]{6,20})?", message = "must be a phone number") @Schema(example = "03 21 21 62 63") String phone,
        @Schema(description = "The version read; a stale one gets 409 STALE_VERSION", example = "0") Long version) {
}
