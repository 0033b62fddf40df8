package fr.centrale.convention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A SIRET listed as a potential beneficiary of an offer's code (docs/rules.md, R-12). */
@Entity
@Table(name = "offer_eligible_beneficiary")
@IdClass(EligibleBeneficiary.Key.class)
public class EligibleBeneficiary extends PanacheEntityBase {

    @Id
    @Column(name = "offer_code")
    public String offerCode;
    @Id
    public String siret;
    public String name;
    @Column(name = "added_at")
    public Instant addedAt;

    public static class Key implements Serializable {
        public String offerCode;
        public String siret;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(offerCode, k.offerCode) && Objects.equals(siret, k.siret);
        }

        @Override
        public int hashCode() {
            return Objects.hash(offerCode, siret);
        }
    }
}
