package fr.centrale.convention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An avenant, numbered 1, 2, … within its convention, and the complementary contribution it created. */
@Entity
@Table(name = "amendment")
public class Amendment extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;
    public int number;
    @Enumerated(EnumType.STRING)
    public AmendmentType type;
    @Column(name = "effective_on")
    public LocalDate effectiveOn;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "maximum_amount")
    public BigDecimal maximumAmount;
    /** The amount the amendment states (NEW_SUBSEQUENT_MARKET: the new market's annual contribution). */
    public BigDecimal amount;

    /** ANNUAL_DIFFERENCE, ONE_OFF or NEW_MARKET; null when it creates no contribution. */
    @Column(name = "complement_kind")
    public String complementKind;
    @Column(name = "complement_amount")
    public BigDecimal complementAmount;
    @Column(name = "complement_due_on")
    public LocalDate complementDueOn;
    @Column(name = "previous_annual_amount")
    public BigDecimal previousAnnualAmount;
    @Column(name = "new_annual_amount")
    public BigDecimal newAnnualAmount;
    @Column(name = "new_tier")
    public String newTier;
    /** docs/rules.md, R-3: the commitment's own Chorus Pro engagement juridique and service code, null when none. */
    @Column(name = "chorus_legal_commitment")
    public String chorusLegalCommitment;
    @Column(name = "chorus_service_code")
    public String chorusServiceCode;

    /** docs/rules.md, R-11: who pays the complementary contribution; null: the signatory. */
    @Column(name = "complement_payer_id")
    public UUID complementPayerId;
    /** docs/rules.md, R-11: every beneficiary's share as restated by an amendment adding a beneficiary; empty otherwise. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "amendment_share", joinColumns = @JoinColumn(name = "amendment_id"))
    @OrderColumn(name = "rank")
    public List<AmendmentShare> shares = new ArrayList<>();

    /** Whether it restated shares: read without loading the shares of any other amendment. */
    public boolean restatesShares() {
        return type == AmendmentType.ADD_BENEFICIARY && convention.beneficiariesPayTheirShare() && !shares.isEmpty();
    }

    @Column(name = "created_at")
    public Instant createdAt;
}
