package fr.centrale.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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
    public BigDecimal amount;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "source_id")
    public UUID sourceId;
    public Integer sequence;
    @Column(name = "item_kind")
    public String itemKind;
}
