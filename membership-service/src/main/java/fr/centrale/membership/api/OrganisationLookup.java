package fr.centrale.membership.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Up to {@link #MAX_IDS} organisation ids to read at once. */
@Schema(description = "The organisations to read, by id (at most 1000)")
public record OrganisationLookup(
        @NotNull @NotEmpty @Size(max = MAX_IDS) @Schema(required = true, maxItems = MAX_IDS,
                example = "[\"3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a15\"]") List<@NotNull UUID> ids) {

    public static final int MAX_IDS = 1000;
}
