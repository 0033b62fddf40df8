package fr.centrale.convention.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A SIRET listed as a potential beneficiary of an offer (docs/rules.md, R-12)")
public record EligibleBeneficiaryRequest(
        @NotNull @Pattern(regexp = "[0-9]{14}", message = "must be a SIRET: 14 digits")
        @Schema(required = true, example = "20004132100018") String siret,
        @Size(max = 255) @Schema(description = "The name the list gives it", example = "CA de Béthune-Bruay, Artois Lys Romane")
        String name) {
}
