package fr.centrale.common.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is exact: euros as {@link BigDecimal} with two decimals, rounded HALF_UP (docs/rules.md, D-5). */
public final class Money {

    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    public static BigDecimal of(String amount) {
        return new BigDecimal(amount).setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** True when the amount has at most two decimals (a cent is the smallest unit). */
    public static boolean hasCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }
}
