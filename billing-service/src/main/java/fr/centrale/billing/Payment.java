package fr.centrale.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment received against a titre (encaissement). */
@Entity
@Immutable
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "titre_id")
    public UUID titreId;
    public BigDecimal amount;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    public String reference;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Its position in the chain of the payments of its titre's issuer and fiscal year (billing-service README, "Tamper evidence"). */
    @Column(name = "chain_position")
    public Long chainPosition;
    /** SHA-256 of its canonical record chained to the previous payment of that chain. */
    @Column(name = "chain_hash")
    public String chainHash;
}
