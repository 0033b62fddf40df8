package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * docs/rules.md, R-5: a titre states the legal basis of its claim: "the convention, its signature date and number",
 * with the deliberation that authorized it when recorded, and for a complementary contribution the amendment that
 * created it (its number and signature date). E.g. "Convention RESAH 2021-008 lot 3 n° CONV-2024-000012 signée le
 * 15/01/2024 (délibération N°2023-544 du 11/12/2023)".
 */
public final class LegalBasis {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The items of the a-th amendment are numbered 1000 × a + i ({@link ConventionSchedule}). */
    private static final int AMENDMENT_BLOCK = ConventionSchedule.AMENDMENT_BLOCK;

    private LegalBasis() {
    }

    /** The convention's basis; a draft (not yet signed) says so. */
    public static String ofConvention(String offerName, String number, LocalDate signedOn, String actNumber, LocalDate actDate) {
        StringBuilder s = new StringBuilder("Convention ").append(offerName).append(" n° ").append(number);
        s.append(signedOn == null ? " (non signée)" : " signée le " + FRENCH.format(signedOn));
        if (actNumber != null || actDate != null) {
            s.append(" (délibération");
            if (actNumber != null) {
                s.append(" N°").append(actNumber);
            }
            if (actDate != null) {
                s.append(" du ").append(FRENCH.format(actDate));
            }
            s.append(')');
        }
        return s.toString();
    }

    /** A complementary contribution's basis: the convention's, and the amendment that created it. */
    public static String ofAmendment(String conventionBasis, int number, LocalDate signedOn) {
        return conventionBasis + ", avenant n° " + number + " signé le " + FRENCH.format(signedOn);
    }

    /**
     * The item with its basis: an annual contribution the convention's; a complementary contribution that of its
     * amendment (the a-th amendment's items are numbered 1000 × a + i).
     */
    public static BillableItem apply(BillableItem i, String conventionBasis, Map<Integer, String> amendmentBases) {
        String basis = conventionBasis;
        if (i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION) {
            basis = amendmentBases.getOrDefault(i.sequence() / AMENDMENT_BLOCK, conventionBasis);
        }
        return new BillableItem(i.sourceType(), i.sourceId(), i.sequence(), i.kind(), i.issuer(), i.debtorId(), i.label(),
                i.periodStart(), i.periodEnd(), i.issueOn(), i.months(), i.annualAmount(), i.amount(), i.paymentTermDays(),
                i.basis(), i.taxation(), i.vatRate(), i.chorusLegalCommitment(), i.chorusServiceCode(), basis);
    }
}
