package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.organisation.Category;
import fr.centrale.convention.Offer;
import fr.centrale.convention.PricingModel;
import fr.centrale.convention.domain.Eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An offer as the API shows it. {@code offerVersion} counts the versions of its terms under one code;
 * conventions keep the version they were signed under, so a superseded version stays readable by id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(UUID id, String code, int offerVersion, boolean superseded, String purchasingBody,
                        String frameworkAgreement, String lot, String formula, String title, String displayName,
                        LocalDate endsOn, Integer maxDurationMonths, PricingModel pricingModel,
                        boolean billedPerSubsequentMarket, int paymentTermDays, int terminationNoticeMonths,
                        boolean hasMaximumAmounts, boolean beneficiariesMayPay, boolean membershipRequired,
                        List<Category> eligibleCategories, String eligibilityNote, OfferFees fees,
                        BigDecimal groupCap, BigDecimal localAuthorityAmount, List<TariffRowView> tariffs,
                        @Schema(description = "Whether the grid's amounts are net of tax (no VAT applies) or before VAT "
                                + "(docs/rules.md, R-1); amounts, grids and maximum amounts are HT either way")
                        BillableItem.Taxation taxation,
                        @Schema(description = "VAT rates by date when `taxation` is BEFORE_VAT; absent otherwise")
                        List<VatRateView> vatRates,
                        @Schema(description = "Open only to a list of SIRETs (docs/rules.md, R-12): LISTED or "
                                + "MEMBER_OR_LISTED; absent: no list") Eligibility.ListKind eligibilityList) {

    public static OfferView of(Offer o) {
        List<Category> eligible = o.eligibleCategories == null || o.eligibleCategories.isBlank() ? null
                : Arrays.stream(o.eligibleCategories.split(",")).map(String::trim).map(Category::valueOf).sorted().toList();
        OfferFees fees = new OfferFees(o.addBeneficiaryFee, o.increaseMaximumFee, o.increaseMaximumDueAtSignature,
                o.tierChangeComplement);
        return new OfferView(o.id, o.code, o.offerVersion, o.superseded, o.purchasingBody, o.frameworkAgreement, o.lot,
                o.formula, o.title, o.displayName(), o.endsOn, o.maxDurationMonths, o.pricingModel,
                o.billedPerSubsequentMarket, o.paymentTermDays, o.terminationNoticeMonths, o.hasMaximumAmounts,
                o.beneficiariesMayPay, o.membershipRequired, eligible, o.eligibilityNote, fees, o.groupCap,
                o.localAuthorityAmount, o.tariffs.stream().map(TariffRowView::of).toList(), o.taxation,
                o.rates().isEmpty() ? null : o.rates().stream().map(r -> new VatRateView(r.validFrom(), r.rate())).toList(),
                o.eligibilityList);
    }
}
