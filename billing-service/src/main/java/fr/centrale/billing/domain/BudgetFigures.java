package fr.centrale.billing.domain;

import java.math.BigDecimal;

/**
 * A debtor's budget line against what it is billed (docs/rules.md, R-17): "credits, available, proposed (TTC
 * still to be issued plus issued), balance" — seed 001: CP 3 000, available 3 000, proposed 2 800, balance 200.
 * Amounts are TTC: the debtor budgets TTC.
 */
public record BudgetFigures(BigDecimal credits, BigDecimal issued, BigDecimal toIssue, BigDecimal proposed,
                            BigDecimal balance) {

    public static BudgetFigures of(BigDecimal credits, BigDecimal issued, BigDecimal toIssue) {
        BigDecimal proposed = issued.add(toIssue).setScale(2);
        return new BudgetFigures(credits.setScale(2), issued.setScale(2), toIssue.setScale(2), proposed,
                credits.subtract(proposed).setScale(2));
    }
}
