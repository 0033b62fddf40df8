package fr.centrale.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A titre de recettes as issued: it freezes what it states (debtor, issuer, lines, amounts) and is never
 * modified nor deleted; the database refuses it too. Payments and corrections are separate records.
 */
@Entity
@Immutable
@Table(name = "titre")
public class Titre extends PanacheEntityBase {

    @Id
    public UUID id;
    /** RESAH-2025-000042: issuer, fiscal year, rank in the year's continuous series. */
    public String number;
    public String issuer;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public int serial;
    @Enumerated(EnumType.STRING)
    public TitreKind kind;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "issuer_name")
    public String issuerName;
    @Column(name = "issuer_siret")
    public String issuerSiret;
    @Column(name = "issuer_street")
    public String issuerStreet;
    @Column(name = "issuer_postal_code")
    public String issuerPostalCode;
    @Column(name = "issuer_city")
    public String issuerCity;
    /** The competent court named in the voies et délais de recours. */
    @Column(name = "issuer_court")
    public String issuerCourt;

    @Column(name = "debtor_id")
    public UUID debtorId;
    @Column(name = "debtor_name")
    public String debtorName;
    @Column(name = "debtor_siret")
    public String debtorSiret;
    @Column(name = "debtor_street")
    public String debtorStreet;
    @Column(name = "debtor_postal_code")
    public String debtorPostalCode;
    @Column(name = "debtor_city")
    public String debtorCity;
    @Column(name = "debtor_chorus_ej")
    public String debtorChorusEj;
    @Column(name = "debtor_chorus_service")
    public String debtorChorusService;

    public String object;
    /** The amount claimed: the TTC (docs/rules.md, R-1); for a titre net of tax, its amount. */
    public BigDecimal total;
    /** The sum of the lines' amounts HT. */
    @Column(name = "total_ht")
    public BigDecimal totalHt;
    /** The sum of the lines' VAT. */
    @Column(name = "total_vat")
    public BigDecimal totalVat;
    @Column(name = "cancels_titre_id")
    public UUID cancelsTitreId;
    public String reason;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The issuer settings revision in force at issue (docs/rules.md, R-4, R-5): the officer and mentions printed. */
    @Column(name = "settings_revision_id")
    public UUID settingsRevisionId;
    /** The bordereau de titres that lists it (docs/rules.md, R-6); null for a mandat 673. */
    @Column(name = "bordereau_id")
    public UUID bordereauId;
    /** The same, to read its number with the titre (one statement: join fetch); never written through this. */
    @jakarta.persistence.ManyToOne(fetch = FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "bordereau_id", insertable = false, updatable = false)
    public Bordereau bordereau;
    /**
     * SHA-256 of the titre's canonical record chained to the previous titre of its number series (billing-service
     * README, "Tamper evidence"), written with the titre.
     */
    @Column(name = "chain_hash")
    public String chainHash;

    @OneToMany(mappedBy = "titre", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    public List<TitreLine> lines = new ArrayList<>();
}
