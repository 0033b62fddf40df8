package fr.centrale.convention.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

public record SignatureRequest(
        @NotNull @Schema(required = true, example = "2024-01-10") LocalDate signedOn,
        @Size(max = 50) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "Sets or corrects the convention's Chorus Pro engagement juridique (docs/rules.md, R-3); "
                + "absent: unchanged", example = "EJ-2022-000123") String chorusLegalCommitment,
        @Size(max = 100) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "Sets or corrects the convention's Chorus Pro service code; absent: unchanged",
                example = "SERV-ACHATS") String chorusServiceCode) {
}
