package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import fr.centrale.convention.BeneficiaryStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, UUID conventionId, UUID organisationId, BigDecimal amount, LocalDate orderedOn,
                        String reference, BigDecimal consumedAmount, BigDecimal maximumAmount,
                        BeneficiaryStatus beneficiaryStatus, AlertView alert,
                        @Schema(description = "The subsequent market it counts against (docs/rules.md, R-9), under offers "
                                + "billed per subsequent market", example = "1") Integer subsequentMarket,
                        @Schema(description = "What that market may still receive after this order (HT), when it has a "
                                + "maximum; 0 when this order exhausted it", example = "12500.00") BigDecimal marketRemainingAmount) {
}
