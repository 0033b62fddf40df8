package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.convention.Beneficiary;
import fr.centrale.convention.BeneficiaryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record BeneficiaryView(UUID organisationId, String organisationName, String category, LocalDate startsOn,
                              BigDecimal maximumAmount, BigDecimal share, BigDecimal consumedAmount,
                              BigDecimal remainingAmount, BeneficiaryStatus status, LocalDate lapsedOn,
                              Integer addedByAmendment,
                              @Schema(description = "Its own end when an amendment added it until a date of its own "
                                      + "(docs/rules.md, R-13); absent: the convention's") LocalDate endsOn) {

    public static BeneficiaryView of(Beneficiary b, BigDecimal atRiskThreshold) {
        BigDecimal remaining = b.maximumAmount == null ? null : b.maximumAmount.subtract(b.consumedAmount);
        return new BeneficiaryView(b.organisationId, b.organisationName, b.category, b.startsOn, b.maximumAmount,
                b.share, b.consumedAmount, remaining, b.statusWith(atRiskThreshold), b.lapsedOn, b.amendmentNumber,
                b.endsOn);
    }
}
