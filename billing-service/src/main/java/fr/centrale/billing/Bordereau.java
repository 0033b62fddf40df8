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

/**
 * A bordereau de titres (docs/rules.md, R-6): the titres of one issuer issued together (a billing run's, per issuer and
 * fiscal year, or one correction), numbered per issuer and fiscal year without gaps (RESAH-2025-B-000001), with
 * their totals and the officer of the settings revision in force. Written by {@code BordereauRepository} in the
 * transactions that write its titres; read only here.
 */
@Entity
@Immutable
@Table(name = "bordereau")
public class Bordereau extends PanacheEntityBase {

    public enum Source { RUN, CORRECTION }

    @Id
    public UUID id;
    public String number;
    public String issuer;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public int serial;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Source source;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "correction_titre_id")
    public UUID correctionTitreId;
    @Column(name = "settings_revision_id")
    public UUID settingsRevisionId;
    @Column(name = "titre_count")
    public int titreCount;
    @Column(name = "total_ht")
    public BigDecimal totalHt;
    @Column(name = "total_vat")
    public BigDecimal totalVat;
    @Column(name = "total_ttc")
    public BigDecimal totalTtc;
    @Column(name = "created_at")
    public Instant createdAt;
}
