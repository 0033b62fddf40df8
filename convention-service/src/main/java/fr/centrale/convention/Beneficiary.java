package fr.centrale.convention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An organisation that benefits from a convention, with its maximum amount and its orders so far. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;
    public int rank;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    public String category;
    public Integer population;
    public Integer headcount;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    /** Its own end, when an amendment added it until a date of its own (docs/rules.md, R-13); null: the convention's. */
    @Column(name = "ends_on")
    public LocalDate endsOn;
    /** Montant contractuel maximum over the whole duration, where the offer has them. */
    @Column(name = "maximum_amount")
    public BigDecimal maximumAmount;
    /** Its own share of the annual amount when beneficiaries pay directly (D-13). */
    public BigDecimal share;
    @Column(name = "consumed_amount")
    public BigDecimal consumedAmount;
    /** Caducité for this beneficiary: the day its orders reached the maximum. */
    @Column(name = "lapsed_on")
    public LocalDate lapsedOn;
    /** The amendment that added it, null for an initial beneficiary. */
    @Column(name = "amendment_number")
    public Integer amendmentNumber;
    @Version
    public long version;

    public BeneficiaryStatus statusWith(BigDecimal atRiskThreshold) {
        if (lapsedOn != null) {
            return BeneficiaryStatus.LAPSED;
        }
        if (maximumAmount != null && consumedAmount.compareTo(maximumAmount.multiply(atRiskThreshold)) >= 0) {
            return BeneficiaryStatus.AT_RISK;
        }
        return BeneficiaryStatus.ACTIVE;
    }
}
