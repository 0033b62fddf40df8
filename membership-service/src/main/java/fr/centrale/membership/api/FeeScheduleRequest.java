package fr.centrale.membership.api;

import fr.centrale.common.billing.BillableItem.Taxation;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Yearly membership fees, in euros HT (net of tax unless `taxation` says BEFORE_VAT)")
public record FeeScheduleRequest(
        @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(required = true, example = "300.00") BigDecimal medicoSocial,
        @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(required = true, example = "600.00") BigDecimal other,
        @Schema(description = "docs/rules.md, R-1: NET_OF_TAX (no VAT applies; RESAH and La Fibre; the default) or "
                + "BEFORE_VAT (the amounts are HT and `vatRate` applies)", defaultValue = "NET_OF_TAX") Taxation taxation,
        @Digits(integer = 3, fraction = 2) @Schema(description = "VAT rate in percent, required when BEFORE_VAT, absent otherwise",
                example = "20.00") BigDecimal vatRate,
        @Size(max = 500) @Schema(description = "docs/rules.md, R-5: the decision that fixed these fees, printed in the titres' legal basis "
                + "after \"cotisation fixée par\"", example = "délibération du conseil d'administration du RESAH du 29/09/2022")
        String decision) {

    /** Fees net of tax (the schedule as before R-1). */
    public FeeScheduleRequest(BigDecimal medicoSocial, BigDecimal other) {
        this(medicoSocial, other, null, null, null);
    }
}
