package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.convention.BeneficiaryStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, UUID conventionId, UUID organisationId, BigDecimal amount, LocalDate orderedOn,
                        String reference, BigDecimal consumedAmount, BigDecimal maximumAmount,
                        BeneficiaryStatus beneficiaryStatus, AlertView alert) {
}
