package fr.centrale.convention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A convention (CSAC, convention d'adhésion à un accord-cadre): a signatory's access to one offer. */
@Entity
@Table(name = "convention")
public class Convention extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Its number, stated on every titre's legal basis (docs/rules.md, R-5): given at creation or CONV-yyyy-nnnnnn. */
    public String number;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "offer_id")
    public Offer offer;
    @Column(name = "signatory_id")
    public UUID signatoryId;
    @Column(name = "signatory_name")
    public String signatoryName;
    @Enumerated(EnumType.STRING)
    public ConventionMode mode;
    /** DRAFT, ACTIVE, TERMINATED or LAPSED as recorded; ENDED is read from the dates. */
    @Enumerated(EnumType.STRING)
    public ConventionStatus status;

    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "signed_on")
    public LocalDate signedOn;

    /** The annual amount at signature: from the grid, or negotiated when the grid says "on quote". */
    @Column(name = "annual_amount")
    public BigDecimal annualAmount;
    @Column(name = "negotiated")
    public boolean negotiated;
    public String tier;
    @Column(name = "grid_row")
    public String gridRow;
    /** The tariff after amendments (tier changes). */
    @Column(name = "current_annual_amount")
    public BigDecimal currentAnnualAmount;
    @Column(name = "current_tier")
    public String currentTier;

    @Column(name = "act_number")
    public String actNumber;
    @Column(name = "act_date")
    public LocalDate actDate;
    @Column(name = "act_body")
    public String actBody;
    @Column(name = "budget_operation")
    public String budgetOperation;
    @Column(name = "budget_account")
    public String budgetAccount;

    @Column(name = "termination_notified_on")
    public LocalDate terminationNotifiedOn;
    @Column(name = "termination_effective_on")
    public LocalDate terminationEffectiveOn;
    @Column(name = "lapsed_on")
    public LocalDate lapsedOn;

    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("rank")
    public List<Beneficiary> beneficiaries = new ArrayList<>();

    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL)
    @OrderBy("number")
    public List<Amendment> amendments = new ArrayList<>();

    /** Its subsequent markets by number (docs/rules.md, R-9), for offers billed per subsequent market; empty otherwise. */
    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL)
    @OrderBy("seq")
    public List<SubsequentMarket> markets = new ArrayList<>();

    /** docs/rules.md, R-3: the commitment's own Chorus Pro engagement juridique and service code, null when none. */
    @Column(name = "chorus_legal_commitment")
    public String chorusLegalCommitment;
    @Column(name = "chorus_service_code")
    public String chorusServiceCode;

    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    /** Earliest beneficiary start (docs/rules.md, section 5); later beneficiaries do not move it. */
    public LocalDate executionStart() {
        return beneficiaries.stream().filter(b -> b.amendmentNumber == null).map(b -> b.startsOn)
                .min(LocalDate::compareTo).orElseThrow();
    }

    /** The last day anything can be billed: the end date, or an earlier termination or lapse. */
    public LocalDate effectiveEnd() {
        LocalDate end = endsOn;
        if (terminationEffectiveOn != null && terminationEffectiveOn.isBefore(end)) {
            end = terminationEffectiveOn;
        }
        if (lapsedOn != null && lapsedOn.isBefore(end)) {
            end = lapsedOn;
        }
        return end;
    }

    public ConventionStatus statusOn(LocalDate today) {
        if (status == ConventionStatus.ACTIVE && endsOn.isBefore(today)) {
            return ConventionStatus.ENDED;
        }
        return status;
    }

    public boolean beneficiariesPayTheirShare() {
        return beneficiaries.stream().anyMatch(b -> b.share != null);
    }
}
