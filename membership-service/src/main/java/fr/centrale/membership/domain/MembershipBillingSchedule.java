package fr.centrale.membership.domain;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.MembershipKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The yearly fee titres a membership implies (docs/rules.md, section 3). One item per calendar year from the
 * first fee year, numbered from that year so that an item keeps its {@code sequence} for ever:
 * <ul>
 * <li>the first titre is issued on the bulletin's receipt when that year owes a fee, the
 *     following ones at the Q1 run of their year (a late bulletin's first titre at the Q1 run
 *     of the next year, D-7);</li>
 * <li>the fee is the year's schedule by category (D-8), not prorated, HT; the item states the schedule's
 *     taxation and VAT rate and billing computes the VAT (docs/rules.md, R-1);</li>
 * <li>third-party beneficiaries pay no membership fee; a year without any schedule bills nothing;</li>
 * <li>an item carries the Chorus references of the bulletin in force on its issue date, none when it states none
 *     (docs/rules.md, R-3 and R-15), and its legal basis: that bulletin and the decision that fixed the year's fee
 *     (docs/rules.md, R-5);</li>
 * <li>none is issued after the membership's end, and a franchise waives the years whose titre
 *     would fall due inside it.</li>
 * </ul>
 */
public final class MembershipBillingSchedule {

    /** What the schedule needs to know of a membership, its organisation and its purchasing body. */
    public record Facts(UUID membershipId, UUID organisationId, Category category, MembershipKind kind,
                        String issuer, int paymentTermDays, LocalDate startsOn, LocalDate endsOn,
                        LocalDate franchiseUntil, MembershipFeeTable fees, LegalBasis.Document document,
                        BulletinHistory bulletins) {

        /** Without a history, the membership's one bulletin is its start, stating no Chorus references. */
        public Facts {
            document = document == null ? LegalBasis.Document.BULLETIN : document;
            bulletins = bulletins == null
                    ? new BulletinHistory(List.of(new BulletinHistory.Bulletin(startsOn, ChorusReferences.NONE))) : bulletins;
        }
    }

    private MembershipBillingSchedule() {
    }

    /** Every item whose issue date is on or before {@code through}. */
    public static List<BillableItem> items(Facts m, LocalDate through, Q1RunDay q1) {
        List<BillableItem> items = new ArrayList<>();
        if (m.kind() == MembershipKind.THIRD_PARTY_BENEFICIARY) {
            return items;
        }
        int firstYear = MembershipTerms.firstFeeYear(m.startsOn());
        int lastYear = m.endsOn() == null ? through.getYear() : Math.min(m.endsOn().getYear(), through.getYear());
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate issueOn = year == m.startsOn().getYear() ? m.startsOn() : q1.in(year);
            if (issueOn.isAfter(through) || (m.endsOn() != null && issueOn.isAfter(m.endsOn()))) {
                continue;
            }
            if (m.franchiseUntil() != null && !issueOn.isAfter(m.franchiseUntil())) {
                continue;
            }
            Optional<MembershipFeeTable.Rates> rates = m.fees().ratesFor(year);
            BigDecimal fee = rates.map(r -> r.forCategory(m.category())).orElse(null);
            if (fee == null || fee.signum() == 0) {
                continue;
            }
            FeeTaxation taxation = rates.get().taxation();
            BulletinHistory.Bulletin bulletin = m.bulletins().inForceOn(issueOn);
            LocalDate yearStart = LocalDate.of(year, 1, 1);
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            LocalDate periodStart = m.startsOn().isAfter(yearStart) ? m.startsOn() : yearStart;
            LocalDate periodEnd = m.endsOn() != null && m.endsOn().isBefore(yearEnd) ? m.endsOn() : yearEnd;
            items.add(new BillableItem(
                    BillableItem.SourceType.MEMBERSHIP, m.membershipId(), year - firstYear + 1,
                    BillableItem.Kind.MEMBERSHIP_FEE, m.issuer(), m.organisationId(),
                    "Cotisation d'adhésion " + m.issuer() + " " + year,
                    periodStart, periodEnd, issueOn, null, fee, fee, m.paymentTermDays(),
                    "Cotisation " + year + ", " + (m.category().isMedicoSocial() ? "établissement médico-social" : "autres organismes"),
                    taxation.taxation(), taxation.vatRate(), bulletin.chorus().legalCommitment(), bulletin.chorus().serviceCode(),
                    LegalBasis.of(m.document(), bulletin.receivedOn(), rates.get().decision())));
        }
        return items;
    }
}
