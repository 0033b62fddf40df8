package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.convention.AmendmentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
                            String chorusServiceCode,
                            @Schema(description = "ADD_BENEFICIARY where beneficiaries pay their own shares: every "
                                    + "beneficiary's share as restated, followed by titres issued from `effectiveOn` "
                                    + "(docs/rules.md, R-11)") List<ShareRequest> shares,
                            @Schema(description = "Who pays the complementary contribution, when it is not the signatory "
                                    + "(docs/rules.md, R-11)") UUID complementPayerId,
                            @Schema(description = "NEW_SUBSEQUENT_MARKET: the number of the subsequent market it opened "
                                    + "(docs/rules.md, R-9)", example = "2") Integer subsequentMarket) {
}
