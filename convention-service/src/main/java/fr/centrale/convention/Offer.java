package fr.centrale.convention;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.convention.domain.Eligibility;
import fr.centrale.convention.domain.TariffGrid;
import fr.centrale.convention.domain.Vat;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A framework agreement (accord-cadre), lot and formula that a purchasing body lends, with its tariff
 * grid. An offer in use is never changed in a way that alters amounts: a new version is added instead
 * ({@code code} stays, {@code version} grows, the older one is {@code superseded}).
 */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Natural code, accepted wherever an id is: RESAH-2021-008-LOT3, CAIH-SO360. */
    public String code;
    @Column(name = "purchasing_body")
    public String purchasingBody;
    @Column(name = "framework_agreement")
    public String frameworkAgreement;
    public String lot;
    public String formula;
    public String title;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "max_duration_months")
    public Integer maxDurationMonths;
    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model")
    public PricingModel pricingModel;
    /** Billed per subsequent market (2021-046-001, 2021-047-001): a new market has its own execution years. */
    @Column(name = "billed_per_subsequent_market")
    public boolean billedPerSubsequentMarket;
    @Column(name = "payment_term_days")
    public int paymentTermDays;
    @Column(name = "termination_notice_months")
    public int terminationNoticeMonths;
    /** Whether each beneficiary has a maximum amount over the whole duration. */
    @Column(name = "has_maximum_amounts")
    public boolean hasMaximumAmounts;
    /** Whether beneficiaries may pay their own share instead of the signatory (D-13). */
    @Column(name = "beneficiaries_may_pay")
    public boolean beneficiariesMayPay;
    /** Whether the signatory must hold a membership of the purchasing body (RESAH, La Fibre; not CAIH). */
    @Column(name = "membership_required")
    public boolean membershipRequired;
    /** Comma-separated categories allowed to sign; null = every category. */
    @Column(name = "eligible_categories")
    public String eligibleCategories;
    @Column(name = "eligibility_note")
    public String eligibilityNote;

    /** Complementary fees (docs/rules.md, section 6), null when the offer has none. */
    @Column(name = "add_beneficiary_fee")
    public BigDecimal addBeneficiaryFee;
    @Column(name = "increase_maximum_fee")
    public BigDecimal increaseMaximumFee;
    /** True when the maximum-raise fee falls due at the amendment's signature (2021-063-002), else at its effective date. */
    @Column(name = "increase_maximum_due_at_signature")
    public boolean increaseMaximumDueAtSignature;
    /** Whether a move to a higher tariff owes the annual difference (2021-046-001 art. 4.2). */
    @Column(name = "tier_change_complement")
    public boolean tierChangeComplement;

    /** CAIH: a group pays the sum of its establishments capped at this amount. */
    @Column(name = "group_cap")
    public BigDecimal groupCap;
    /** CAIH: a local authority pays this amount (D-4). */
    @Column(name = "local_authority_amount")
    public BigDecimal localAuthorityAmount;

    /** Whether the offer is open only to a list of SIRETs (docs/rules.md, R-12); null when it has no list. */
    @Enumerated(EnumType.STRING)
    @Column(name = "eligibility_list")
    public Eligibility.ListKind eligibilityList;

    /** Whether the amounts are net of tax or before VAT (docs/rules.md, R-1); grids stay HT either way. */
    @Enumerated(EnumType.STRING)
    public BillableItem.Taxation taxation = BillableItem.Taxation.NET_OF_TAX;

    /** VAT rates by date, for an offer stated before VAT (CAIH: 20 % from 2014-01-01). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "offer_vat_rate", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderBy("validFrom")
    public List<OfferVatRate> vatRates = new ArrayList<>();

    /**
     * Read where a grid is resolved or the offer shown, never for a convention's view: lazy, so that loading a
     * convention (and its offer) does not read the grid too. Offer reads fetch it with the offer.
     */
    @OneToMany(mappedBy = "offer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("rank")
    public List<TariffRow> tariffs = new ArrayList<>();

    /** Version of the offer's terms under the same code; a convention keeps the version it was signed under. */
    @Column(name = "offer_version")
    public int offerVersion;
    public boolean superseded;

    @Version
    public long version;

    public TariffGrid grid() {
        return new TariffGrid(tariffs.stream().map(TariffRow::toLine).toList(), groupCap, localAuthorityAmount);
    }

    /**
     * The VAT rates; none read for an offer net of tax (it has none: OfferService refuses them), so that reading a RESAH
     * offer or convention costs no statement more than before R-1.
     */
    public List<Vat.Rate> rates() {
        if (taxation != BillableItem.Taxation.BEFORE_VAT) {
            return List.of();
        }
        return vatRates.stream().map(r -> new Vat.Rate(r.validFrom, r.rate)).toList();
    }

    /** How titres and the catalogue name it: "RESAH 2021-008 lot 3". */
    public String displayName() {
        return purchasingBody + " " + frameworkAgreement + (lot == null ? "" : " lot " + lot)
                + (formula == null ? "" : " — " + formula);
    }
}
