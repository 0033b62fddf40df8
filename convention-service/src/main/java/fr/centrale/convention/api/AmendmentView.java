package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.convention.AmendmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmendmentView(UUID id, UUID conventionId, int number, AmendmentType type, LocalDate effectiveOn,
                            LocalDate signedOn, UUID organisationId, LocalDate startsOn, LocalDate endsOn,
                            BigDecimal maximumAmount, BigDecimal amount, BigDecimal previousAnnualAmount,
                            BigDecimal newAnnualAmount, String newTier,
                            ComplementaryContribution complementaryContribution,
                            @Schema(description = "The amendment's own Chorus Pro EJ (docs/rules.md, R-3), when it states one")
                            String chorusLegalCommitment,
                            @Schema(description = "The amendment's own Chorus Pro service code, when it states one")
                            String chorusServiceCode) {
}
