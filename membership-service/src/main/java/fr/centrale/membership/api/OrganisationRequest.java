package fr.centrale.membership.api;

import fr.centrale.common.organisation.Category;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A new organisation")
public record OrganisationRequest(
        @NotBlank @Size(max = 255) @Schema(required = true, example = "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane") String name,
        @NotBlank @Schema(required = true, description = "14 digits, spaces allowed; Luhn-checked", example = "200 072 460 00013") String siret,
        @NotNull @Schema(required = true) Category category,
        @PositiveOrZero @Schema(description = "Inhabitants (communes)", example = "110000") Integer population,
        @PositiveOrZero @Schema(description = "Beds/places or employees, where a grid sizes by it", example = "350") Integer headcount,
        @Pattern(regexp = "\\d[0-9AB]\\d{7}", message = "must be a 9-character FINESS number") @Schema(example = "620100057") String finess,
        @NotNull @Valid @Schema(required = true) Address address,
        @Valid Chorus chorus,
        @Size(max = 50) List<@NotNull @Valid ContactRequest> contacts) {
}
