package fr.centrale.membership.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Chorus Pro references printed on titres (EJ and service code)")
public record Chorus(
        @Size(max = 50) @Schema(description = "Numéro d'engagement juridique", example = "1300012345") String legalCommitment,
        @Size(max = 100) @Schema(description = "Code service", example = "DSI-FINANCES") String serviceCode) {
}
