package fr.centrale.membership;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.membership.domain.FeeTaxation;
import fr.centrale.membership.domain.MembershipFeeTable;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The membership fees a purchasing body set for one calendar year (e.g. RESAH 2023: 300 / 600). */
@Entity
@Table(name = "membership_fee")
@IdClass(MembershipFee.Key.class)
public class MembershipFee extends PanacheEntityBase {

    @Id
    @Column(name = "purchasing_body_id")
    public UUID purchasingBodyId;
    @Id
    public int year;

    @Column(name = "medico_social")
    public BigDecimal medicoSocial;
    public BigDecimal other;

    /** docs/rules.md, R-1: NET_OF_TAX (the default) or BEFORE_VAT with {@link #vatRate}. */
    @Enumerated(EnumType.STRING)
    public BillableItem.Taxation taxation = BillableItem.Taxation.NET_OF_TAX;
    /** VAT rate in percent when BEFORE_VAT, else null. */
    @Column(name = "vat_rate")
    public BigDecimal vatRate;

    /** docs/rules.md, R-5: the decision that fixed these fees, printed in the titre's legal basis; null when unknown. */
    public String decision;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public MembershipFeeTable.Rates rates() {
        return new MembershipFeeTable.Rates(medicoSocial, other, new FeeTaxation(taxation, vatRate), decision);
    }

    public static class Key implements Serializable {
        public UUID purchasingBodyId;
        public int year;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(purchasingBodyId, k.purchasingBodyId) && year == k.year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchasingBodyId, year);
        }
    }
}
