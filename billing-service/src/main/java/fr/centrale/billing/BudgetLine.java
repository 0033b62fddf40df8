package fr.centrale.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A debtor's budget line for a fiscal year (docs/rules.md, R-17): operation code, imputation, credits voted; its
 * memberships and conventions are attached to it ({@code budget_line_attachment}).
 */
@Entity
@Table(name = "budget_line")
public class BudgetLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "debtor_id")
    public UUID debtorId;
    /** The debtor's operation code, e.g. C06-020M02. */
    @Column(name = "operation_code")
    public String operationCode;
    /** The budget imputation (nature/fonction), e.g. 6281/930202. */
    public String imputation;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    /** Credits voted (crédits de paiement), TTC. */
    public BigDecimal credits;
    public String label;
    @Column(name = "created_at")
    public Instant createdAt;
}
