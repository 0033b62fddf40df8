package fr.centrale.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * docs/rules.md, R-2: "An issuer does not issue a titre below its threshold (CGCT D1611-1: 15 €; a GIP's board
 * sets its own, at most 50 €): per issuer, by date, default 15 €." The TTC the titre would claim is compared; a
 * titre of exactly the threshold is issued. The entry in force on a date is the latest one from that date or
 * before: a later entry never changes an earlier decision.
 */
public final class IssuingThreshold {

    public static final BigDecimal DEFAULT = new BigDecimal("15.00");
    /** A GIP's board sets at most 50 €. */
    public static final BigDecimal MAXIMUM = new BigDecimal("50.00");

    private IssuingThreshold() {
    }

    /** One dated entry of an issuer. */
    public record Entry(LocalDate validFrom, BigDecimal amount) {
    }

    /** The threshold in force on {@code date}: the latest entry valid from that day or before, else the default. */
    public static BigDecimal inForce(List<Entry> entries, LocalDate date) {
        return entries.stream().filter(e -> !e.validFrom().isAfter(date)).max(Comparator.comparing(Entry::validFrom))
                .map(Entry::amount).orElse(DEFAULT);
    }

    /** Whether a titre claiming {@code ttc} stays unissued under {@code threshold}. */
    public static boolean waived(BigDecimal ttc, BigDecimal threshold) {
        return ttc.compareTo(threshold) < 0;
    }
}
