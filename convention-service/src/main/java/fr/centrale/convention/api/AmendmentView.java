package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.convention.AmendmentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmendmentView(UUID id, UUID conventionId, int number, AmendmentType type, LocalDate effectiveOn,
                            LocalDate signedOn, UUID organisationId, LocalDate startsOn, LocalDate endsOn,
                            BigDecimal maximumAmount, BigDecimal amount, BigDecimal previousAnnualAmount,
                            BigDecimal newAnnualAmount, String newTier,
                            ComplementaryContribution complementaryContribution) {
}
