package fr.centrale.membership;

import fr.centrale.membership.domain.BulletinHistory;
import fr.centrale.membership.domain.ChorusReferences;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A bulletin d'adhésion a membership was signed or renewed on (docs/rules.md, R-15). */
@Entity
@Table(name = "membership_bulletin")
public class MembershipBulletin extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "membership_id")
    public UUID membershipId;
    /** Date of signature or receipt. */
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "fee_category")
    public FeeCategory feeCategory;
    /** The fee the bulletin states, HT; null when it states none. */
    @Column(name = "stated_fee")
    public BigDecimal statedFee;
    /** Free text: the bulletin's other terms. */
    public String terms;
    @Column(name = "chorus_legal_commitment")
    public String chorusLegalCommitment;
    @Column(name = "chorus_service_code")
    public String chorusServiceCode;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public BulletinHistory.Bulletin toDomain() {
        return new BulletinHistory.Bulletin(receivedOn, new ChorusReferences(chorusLegalCommitment, chorusServiceCode));
    }
}
