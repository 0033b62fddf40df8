package fr.centrale.convention.api;

import fr.centrale.convention.BeneficiaryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(description = "A beneficiary at risk of reaching, or having reached, its maximum amount (docs/rules.md, section 7)")
public record AlertView(UUID conventionId, UUID organisationId, String organisationName, BeneficiaryStatus status,
                        BigDecimal consumedAmount, BigDecimal maximumAmount,
                        @Schema(description = "consumed / maximum", example = "0.84") BigDecimal ratio,
                        @Schema(description = "Who must tell the purchasing body") UUID notifyOrganisationId,
                        String notifyOrganisationName, String message) {
}
