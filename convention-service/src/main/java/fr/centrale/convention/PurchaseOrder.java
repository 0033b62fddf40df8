package fr.centrale.convention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A bon de commande or subsequent market placed by a beneficiary; it counts against its maximum. */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "convention_id")
    public UUID conventionId;
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public BigDecimal amount;
    @Column(name = "ordered_on")
    public LocalDate orderedOn;
    public String reference;
    /** The subsequent market it counts against (docs/rules.md, R-9); null under other offers. */
    @Column(name = "subsequent_market_seq")
    public Integer subsequentMarketSeq;
    @Column(name = "created_at")
    public Instant createdAt;
}
