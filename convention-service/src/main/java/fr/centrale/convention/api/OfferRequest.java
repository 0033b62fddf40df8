package fr.centrale.convention.api;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.organisation.Category;
import fr.centrale.convention.PricingModel;
import fr.centrale.convention.domain.Eligibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@Schema(description = "An offer (framework agreement, lot, formula) with its tariff grid; also the body of a new version")
public record OfferRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,63}", message = "must be 2 to 64 capitals, digits, _ or -")
        @Schema(required = true, example = "RESAH-2021-008-LOT3") String code,
        @NotBlank @Pattern(regexp = "[A-Z0-9_-]{2,32}", message = "must be a purchasing body code: 2 to 32 capitals, digits, _ or -")
        @Schema(required = true, example = "RESAH") String purchasingBody,
        @NotBlank @Size(max = 64) @Schema(required = true, example = "2021-008") String frameworkAgreement,
        @Size(max = 32) @Schema(example = "3") String lot,
        @Size(max = 100) @Schema(example = "Sécurité") String formula,
        @NotBlank @Size(max = 500)
        @Schema(required = true, example = "Prestations d'assistance à la maîtrise d'œuvre informatique — Lot 3 : POSTES UTILISATEURS")
        String title,
        @Schema(description = "End of the framework agreement; conventions never run past it", example = "2024-08-27") LocalDate endsOn,
        @Positive @Max(1200) @Schema(description = "Longest execution of a convention", example = "48") Integer maxDurationMonths,
        @NotNull @Schema(required = true) PricingModel pricingModel,
        @Schema(description = "Billed per subsequent market, each with its own execution years (2021-046-001, 2021-047-001)")
        Boolean billedPerSubsequentMarket,
        @NotNull @Min(0) @Max(365) @Schema(required = true, example = "30") Integer paymentTermDays,
        @Min(0) @Max(36) @Schema(description = "Notice of a termination (CAIH: 3); default 0", example = "0") Integer terminationNoticeMonths,
        @Schema(description = "Each beneficiary may have a maximum amount over the whole duration") Boolean hasMaximumAmounts,
        @Schema(description = "Beneficiaries may pay their own share instead of the signatory (D-13)") Boolean beneficiariesMayPay,
        @Schema(description = "The signatory must hold a membership of the purchasing body") Boolean membershipRequired,
        @Size(max = 16) @Schema(description = "Categories allowed to sign; absent = every category") Set<@NotNull Category> eligibleCategories,
        @Size(max = 2000) @Schema(example = "RESAH members and former beneficiaries of market 2016-042") String eligibilityNote,
        @Valid OfferFees fees,
        @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Grids by size class (CAIH): a group pays the sum of its establishments capped at this amount",
                example = "1500.00") BigDecimal groupCap,
        @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Grids by size class (CAIH): what a local authority pays (D-4)", example = "1500.00")
        BigDecimal localAuthorityAmount,
        @NotNull @Size(min = 1, max = 100) @Schema(required = true, description = "The grid, in the order rows are tried")
        List<@NotNull @Valid TariffRowRequest> tariffs,
        @Schema(description = "Whether the grid's amounts are net of tax (no VAT applies: RESAH, La Fibre) or before VAT "
                + "(CAIH, \"€ HT\"); default NET_OF_TAX (docs/rules.md, R-1)", example = "BEFORE_VAT")
        BillableItem.Taxation taxation,
        @Size(max = 20) @Schema(description = "VAT rates by date: required (at least one) when `taxation` is BEFORE_VAT, refused "
                + "otherwise", example = "[{\"validFrom\": \"2014-01-01\", \"rate\": 20.00}]")
        List<@NotNull @Valid VatRateView> vatRates,
        @Schema(description = "Open only to a list of SIRETs (docs/rules.md, R-12; managed under "
                + "/api/v1/offers/{id}/eligible-beneficiaries): LISTED (only listed organisations sign or benefit), "
                + "MEMBER_OR_LISTED (a member of the purchasing body, or a listed former beneficiary); absent: no list")
        Eligibility.ListKind eligibilityList) {
}
