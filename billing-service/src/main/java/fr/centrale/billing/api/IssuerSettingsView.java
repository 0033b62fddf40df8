package fr.centrale.billing.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.domain.SettingsContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One revision of an issuer's settings (docs/rules.md, R-4, R-5), with the version to send to change them. */
@Schema(name = "IssuerSettings")
public record IssuerSettingsView(
        @Schema(description = "The revision's id: titres issued while it was in force reference it") UUID id,
        @Schema(description = "Issuer code", example = "RESAH") String issuer,
        @Schema(description = "Rank of this revision among the issuer's (1, 2, ...)", example = "1") int revision,
        @Schema(description = "In force from this date until the next revision's", example = "2026-12-03") LocalDate validFrom,
        @JsonUnwrapped SettingsContent content,
        @Schema(description = "The issuer's highest revision: send it back to change the settings (PATCH)", example = "1") long version,
        Instant createdAt,
        String createdBy) {

    public static IssuerSettingsView of(IssuerSettings s, long version) {
        return new IssuerSettingsView(s.id, s.issuer, s.revision, s.validFrom, s.content(), version, s.createdAt, s.createdBy);
    }
}
