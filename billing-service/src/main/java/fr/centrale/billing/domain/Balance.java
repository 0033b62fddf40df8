package fr.centrale.billing.domain;

import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreStatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a titre stands, from its payments and its corrections (docs/rules.md, section 8: "status (issued,
 * partially paid, paid, cancelled, overdue after the due date)"). Amounts are TTC, what the titre claims. A
 * correction (cancellation, reduction, or mandat 673 for a closed year: R-7) reduces what is due.
 *
 * @param paid what was paid
 * @param cancelled the sum of the corrections that reference the titre
 * @param remaining total − cancelled − paid (0 for a correction, which claims nothing)
 */
public record Balance(BigDecimal paid, BigDecimal cancelled, BigDecimal remaining, TitreStatus status) {

    public static Balance of(TitreKind kind, BigDecimal total, BigDecimal paid, BigDecimal cancelled) {
        BigDecimal p = paid.setScale(2);
        BigDecimal c = cancelled.setScale(2);
        if (kind != TitreKind.ORIGINAL) {
            return new Balance(p, c, Vat.ZERO, TitreStatus.ISSUED);
        }
        BigDecimal remaining = total.subtract(c).subtract(p);
        TitreStatus status = c.compareTo(total) >= 0 ? TitreStatus.CANCELLED
                : p.signum() > 0 && remaining.signum() <= 0 ? TitreStatus.PAID
                : p.signum() > 0 ? TitreStatus.PARTIALLY_PAID : TitreStatus.ISSUED;
        return new Balance(p, c, remaining, status);
    }

    /** An original not fully paid nor cancelled whose due date has passed. */
    public boolean overdue(TitreKind kind, LocalDate dueOn, LocalDate today) {
        return kind == TitreKind.ORIGINAL && (status == TitreStatus.ISSUED || status == TitreStatus.PARTIALLY_PAID)
                && dueOn.isBefore(today);
    }
}
