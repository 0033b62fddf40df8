package fr.centrale.billing;

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
import fr.centrale.common.billing.BillableItem;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a titre: what is billed, for which period, and on what basis of calculation. */
@Entity
@Immutable
@Table(name = "titre_line")
public class TitreLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "titre_id")
    public Titre titre;
    @Column(name = "line_no")
    public int lineNo;
    public String label;
    /** The tariff row or fee applied. */
    public String basis;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    /** Prorated months, when the period was prorated. */
    public BigDecimal months;
    @Column(name = "annual_amount")
    public BigDecimal annualAmount;
    /** The line's amount HT (net of tax when no VAT applies). */
    public BigDecimal amount;
    /** VAT rate in percent; 0 when no VAT applies (docs/rules.md, R-1). */
    @Column(name = "vat_rate")
    public BigDecimal vatRate;
    /** amount × vatRate / 100, HALF_UP to the cent. */
    @Column(name = "vat_amount")
    public BigDecimal vatAmount;
    /** amount + vatAmount. */
    @Column(name = "amount_ttc")
    public BigDecimal amountTtc;
    /** NET_OF_TAX or BEFORE_VAT, as the source priced the item. */
    @Enumerated(EnumType.STRING)
    public BillableItem.Taxation taxation;
    /** The legal basis of the claim as the source stated it (docs/rules.md, R-5), frozen at issue. */
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "source_id")
    public UUID sourceId;
    public Integer sequence;
    @Column(name = "item_kind")
    public String itemKind;
}
