package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.common.billing.BillableItem.Taxation;
import fr.centrale.membership.MembershipFee;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The membership fees of one year, HT")
public record FeeScheduleView(String purchasingBody, int year, BigDecimal medicoSocial, BigDecimal other,
                              @Schema(description = "NET_OF_TAX or BEFORE_VAT (docs/rules.md, R-1)") Taxation taxation,
                              @Schema(description = "VAT rate in percent when BEFORE_VAT", example = "20.00") BigDecimal vatRate,
                              @Schema(description = "The decision that fixed these fees (docs/rules.md, R-5)",
                                      example = "délibération du conseil d'administration du RESAH du 29/09/2022") String decision) {

    public static FeeScheduleView of(String bodyCode, MembershipFee f) {
        return new FeeScheduleView(bodyCode, f.year, f.medicoSocial.setScale(2, RoundingMode.HALF_UP),
                f.other.setScale(2, RoundingMode.HALF_UP), f.taxation, f.vatRate, f.decision);
    }
}
