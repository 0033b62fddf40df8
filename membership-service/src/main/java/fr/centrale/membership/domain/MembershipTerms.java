package fr.centrale.membership.domain;

import java.time.LocalDate;
import java.time.MonthDay;

/** The dates of a membership's life (docs/rules.md, section 3, decisions D-1 and D-7). */
public final class MembershipTerms {

    /** A bulletin received after this day owes nothing for its year (D-1: 31 October still owes it). */
    static final MonthDay LAST_DAY_FOR_THE_CURRENT_YEAR_FEE = MonthDay.of(10, 31);

    /** A non-renewal must be received "avant le 31 octobre": 30 October at the latest (D-1). */
    static final MonthDay LAST_DAY_FOR_NON_RENEWAL = MonthDay.of(10, 30);

    private MembershipTerms() {
    }

    /** The first calendar year that owes a fee: the bulletin's year, or the next one if received after 31 October. */
    public static int firstFeeYear(LocalDate bulletinReceivedOn) {
        int year = bulletinReceivedOn.getYear();
        return MonthDay.from(bulletinReceivedOn).isAfter(LAST_DAY_FOR_THE_CURRENT_YEAR_FEE) ? year + 1 : year;
    }

    /**
     * The end of a tacitly renewed membership after a non-renewal letter: 31 December of the year
     * of receipt if received by 30 October, else 31 December of the next year (D-7).
     */
    public static LocalDate endAfterNonRenewal(LocalDate receivedOn) {
        int year = receivedOn.getYear();
        boolean inTime = !MonthDay.from(receivedOn).isAfter(LAST_DAY_FOR_NON_RENEWAL);
        return LocalDate.of(inTime ? year : year + 1, 12, 31);
    }

    /** The earliest date a termination notified on {@code notifiedOn} can take effect. */
    public static LocalDate earliestTermination(LocalDate notifiedOn, int noticeMonths) {
        return notifiedOn.plusMonths(noticeMonths);
    }
}
