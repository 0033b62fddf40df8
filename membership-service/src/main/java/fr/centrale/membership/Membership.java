package fr.centrale.membership;

import fr.centrale.membership.domain.ChorusReferences;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An organisation's adhésion to a purchasing body. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "purchasing_body_id")
    public PurchasingBody purchasingBody;
    @Enumerated(EnumType.STRING)
    public MembershipKind kind;

    /** The bulletin's (or convention's notification) date of receipt; the membership starts then. */
    @Column(name = "bulletin_received_on")
    public LocalDate bulletinReceivedOn;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    /** Last day in force; null while it runs on (tacit renewal, indefinite). */
    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "non_renewal_received_on")
    public LocalDate nonRenewalReceivedOn;
    @Column(name = "termination_notified_on")
    public LocalDate terminationNotifiedOn;
    @Column(name = "termination_effective_on")
    public LocalDate terminationEffectiveOn;

    /** docs/rules.md, R-3: the membership's own Chorus Pro EJ number; null when it states none. */
    @Column(name = "chorus_legal_commitment")
    public String chorusLegalCommitment;
    /** docs/rules.md, R-3: the membership's own Chorus Pro code service; null when it states none. */
    @Column(name = "chorus_service_code")
    public String chorusServiceCode;

    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    /**
     * Last day of a La Fibre franchise, when this membership has one (docs/rules.md, R-14): a member that joined in
     * the body's window has it until the body's franchise end. Derived from the body, so that correcting the end
     * applies to every member (the column {@code franchise_until} is no longer read).
     */
    public LocalDate franchiseUntil() {
        return kind == MembershipKind.MEMBER && purchasingBody.franchise() != null
                ? purchasingBody.franchise().until(startsOn) : null;
    }

    public ChorusReferences chorus() {
        return new ChorusReferences(chorusLegalCommitment, chorusServiceCode);
    }

    public void setChorus(ChorusReferences references) {
        chorusLegalCommitment = references.legalCommitment();
        chorusServiceCode = references.serviceCode();
    }

    public MembershipStatus statusOn(LocalDate today) {
        if (startsOn.isAfter(today)) {
            return MembershipStatus.UPCOMING;
        }
        if (endsOn == null) {
            return MembershipStatus.ACTIVE;
        }
        return endsOn.isBefore(today) ? MembershipStatus.ENDED : MembershipStatus.ENDING;
    }
}
