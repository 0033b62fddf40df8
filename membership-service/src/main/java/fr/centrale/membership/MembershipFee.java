package fr.centrale.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    @Column(name = "updated_at")
    public Instant updatedAt;

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
