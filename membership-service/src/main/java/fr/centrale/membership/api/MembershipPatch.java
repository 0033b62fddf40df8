package fr.centrale.membership.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A correction of a membership's Chorus Pro references (docs/rules.md, R-3): a value replaces the current one, "
        + "an empty string clears it, an absent field keeps it")
public record MembershipPatch(
        @Size(max = 50) @Schema(description = "Chorus Pro engagement juridique (EJ)", example = "2300004512") String chorusLegalCommitment,
        @Size(max = 100) @Schema(description = "Chorus Pro code service", example = "DSI") String chorusServiceCode,
        @Schema(description = "The version read; a stale one gets 409 STALE_VERSION", example = "0") Long version) {
}
