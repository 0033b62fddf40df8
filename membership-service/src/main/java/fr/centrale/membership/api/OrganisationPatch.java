package fr.centrale.membership.api;

import fr.centrale.common.organisation.Category;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Fields to change; absent fields are left as they are. "
        + "`version` (or If-Match) guards against overwriting someone else's change.")
public record OrganisationPatch(
        @Size(min = 1, max = 255) String name,
        String siret,
        Category category,
        @PositiveOrZero Integer population,
        @PositiveOrZero Integer headcount,
        @Pattern(regexp = "\\d[0-9AB]\\d{7}", message = "must be a 9-character FINESS number") String finess,
        @Valid Address address,
        @Valid Chorus chorus,
        @Schema(description = "The version read; a stale one gets 409", example = "0") Long version) {
}
