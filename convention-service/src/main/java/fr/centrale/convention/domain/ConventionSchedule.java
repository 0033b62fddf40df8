package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.convention.PricingModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every titre a convention implies (docs/rules.md, section 5 and 6), computed purely from its terms and amendments.
 * <p>
 * Identities never move: the contribution of execution (or calendar) year k is {@code sequence} k
 * (with beneficiaries paying their own shares, {@code (k − 1) × n + j}); the items of the a-th amendment
 * are numbered {@code 1000 × a + i}. Adding an amendment therefore only adds items.
 */
public final class ConventionSchedule {

    static final int AMENDMENT_BLOCK = 1000;
    static final int RESTATED_OFFSET = 500;

    /**
     * The terms of a convention.
     *
     * @param executionStart earliest beneficiary start (docs/rules.md, section 5)
     * @param end            the convention's end, or the effective date of its termination, or its lapse
     * @param shares         beneficiaries paying their own share (D-13); empty when the signatory pays
     * @param basis          the tariff row applied, stated on every titre as its basis of calculation
     * @param contributionEnd the last day the contribution (and its tier changes) covers: {@code end}, or for an offer
     *                        billed per subsequent market, the end of the execution year in progress when the first market
     *                        was exhausted (docs/rules.md, R-9)
     * @param restatements   shares restated by amendments adding a beneficiary (docs/rules.md, R-11), by number
     */
    public record Terms(UUID conventionId, String issuer, String label, PricingModel model, int paymentTermDays,
                        LocalDate executionStart, LocalDate end, BigDecimal annualAmount, UUID signatoryId,
                        List<Share> shares, String basis, LocalDate contributionEnd, List<Restatement> restatements) {

        /** Terms without a subsequent market cut nor restated shares. */
        public Terms(UUID conventionId, String issuer, String label, PricingModel model, int paymentTermDays,
                     LocalDate executionStart, LocalDate end, BigDecimal annualAmount, UUID signatoryId,
                     List<Share> shares, String basis) {
            this(conventionId, issuer, label, model, paymentTermDays, executionStart, end, annualAmount, signatoryId, shares,
                    basis, end, List.of());
        }
    }

    /**
     * The shares an amendment restated when it added a beneficiary (docs/rules.md, R-11): the contribution's titres issued
     * from {@code effectiveOn} on are split by them. Their identities are in the amendment's block:
     * {@code 1000 × number + 500 + (k − 1) × n + j}.
     */
    public record Restatement(int number, LocalDate effectiveOn, List<Share> shares) {
    }

    public record Share(UUID debtorId, BigDecimal amount) {
    }

    /**
     * A complementary contribution created by the {@code number}-th amendment. {@code marketEnd}: a new market's end; for
     * a beneficiary added until a date of its own, that date, after which nothing is billed for it (docs/rules.md, R-13).
     */
    public record Complement(int number, Kind kind, UUID debtorId, LocalDate effectiveOn, LocalDate dueOn,
                             BigDecimal amount, LocalDate marketStart, LocalDate marketEnd, String label) {

        public enum Kind {
            /** Tier change: the annual difference from the effective date, then every execution year. */
            ANNUAL_DIFFERENCE,
            /** A one-off fee (adding a beneficiary without tier change, raising a maximum). */
            ONE_OFF,
            /** A new subsequent market: its own execution years, each at {@code amount}. */
            NEW_MARKET
        }
    }

    /** A period to bill and the day its titre falls due. */
    record Slot(int k, LocalDate start, LocalDate end, LocalDate issueOn) {
    }

    private ConventionSchedule() {
    }

    public static List<BillableItem> items(Terms t, List<Complement> complements, Q1RunDay q1) {
        List<BillableItem> items = new ArrayList<>(base(t, q1));
        for (Complement c : complements) {
            items.addAll(complement(t, c, q1));
        }
        return items;
    }

    /** The periods of a model over [start, end] with their issue dates; none issued after the end. */
    static List<Slot> slots(PricingModel model, LocalDate start, LocalDate end, Q1RunDay q1) {
        List<Slot> slots = new ArrayList<>();
        if (model == PricingModel.CALENDAR_YEAR) {
            for (int year = start.getYear(), k = 1; year <= end.getYear(); year++, k++) {
                LocalDate from = k == 1 ? start : LocalDate.of(year, 1, 1);
                LocalDate to = year == end.getYear() ? end : LocalDate.of(year, 12, 31);
                slots.add(new Slot(k, from, to, k == 1 ? start : q1.in(year)));
            }
        } else {
            for (ExecutionYears.Year y : ExecutionYears.of(start, end)) {
                slots.add(new Slot(y.k(), y.start(), y.end(), y.k() == 1 ? start : q1.in(start.getYear() + y.k() - 1)));
            }
        }
        slots.removeIf(s -> s.issueOn().isAfter(end));
        return slots;
    }

    private static List<BillableItem> base(Terms t, Q1RunDay q1) {
        List<BillableItem> items = new ArrayList<>();
        List<Share> initial = t.shares().isEmpty() ? List.of(new Share(t.signatoryId(), t.annualAmount())) : t.shares();
        for (Slot slot : slots(t.model(), t.executionStart(), contributionEnd(t), q1)) {
            Restatement restated = restatementFor(t, slot.issueOn());
            List<Share> payers = restated == null ? initial : restated.shares();
            int first = restated == null ? 0 : AMENDMENT_BLOCK * restated.number() + RESTATED_OFFSET;
            for (int j = 0; j < payers.size(); j++) {
                Share payer = payers.get(j);
                int sequence = first + (slot.k() - 1) * payers.size() + j + 1;
                items.add(item(t, sequence, BillableItem.Kind.ANNUAL_CONTRIBUTION, payer.debtorId(),
                        periodLabel(t, slot), slot.start(), slot.end(), slot.issueOn(), payer.amount()));
            }
        }
        return items;
    }

    /** The last day the contribution covers: never after the convention's end (docs/rules.md, R-9). */
    private static LocalDate contributionEnd(Terms t) {
        return t.contributionEnd() == null || t.contributionEnd().isAfter(t.end()) ? t.end() : t.contributionEnd();
    }

    /** The latest restatement of the shares in force on {@code issueOn} (docs/rules.md, R-11), null when none. */
    private static Restatement restatementFor(Terms t, LocalDate issueOn) {
        Restatement latest = null;
        for (Restatement r : t.restatements()) {
            if (!r.effectiveOn().isAfter(issueOn) && (latest == null || r.number() > latest.number())) {
                latest = r;
            }
        }
        return latest;
    }

    private static List<BillableItem> complement(Terms t, Complement c, Q1RunDay q1) {
        List<BillableItem> items = new ArrayList<>();
        int base = AMENDMENT_BLOCK * c.number();
        switch (c.kind()) {
            case ONE_OFF -> {
                if (!c.dueOn().isAfter(endOf(t, c, t.end()))) {
                    items.add(oneOff(t, base + 1, c));
                }
            }
            case NEW_MARKET -> {
                LocalDate marketEnd = c.marketEnd().isAfter(t.end()) ? t.end() : c.marketEnd();
                for (Slot slot : slots(t.model(), c.marketStart(), marketEnd, q1)) {
                    items.add(item(t, base + slot.k(), BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION, c.debtorId(),
                            c.label() + " — année d'exécution " + slot.k(), slot.start(), slot.end(), slot.issueOn(), c.amount()));
                }
            }
            case ANNUAL_DIFFERENCE -> {
                int i = 1;
                for (Slot slot : slots(t.model(), t.executionStart(), endOf(t, c, contributionEnd(t)), q1)) {
                    if (slot.end().isBefore(c.effectiveOn())) {
                        continue;
                    }
                    boolean current = !slot.start().isAfter(c.effectiveOn());
                    LocalDate from = current ? c.effectiveOn() : slot.start();
                    LocalDate issueOn = current ? c.effectiveOn() : slot.issueOn();
                    items.add(item(t, base + i++, BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION, c.debtorId(),
                            c.label() + " — " + periodLabel(t, slot), from, slot.end(), issueOn, c.amount()));
                }
            }
        }
        return items;
    }

    /**
     * The last day a complement is billed: {@code limit} (the convention's end, or for a tier change the contribution's
     * end: R-9), or an earlier end of the beneficiary it is for.
     */
    private static LocalDate endOf(Terms t, Complement c, LocalDate limit) {
        return c.marketEnd() != null && c.kind() != Complement.Kind.NEW_MARKET && c.marketEnd().isBefore(limit)
                ? c.marketEnd() : limit;
    }

    private static BillableItem oneOff(Terms t, int sequence, Complement c) {
        return new BillableItem(BillableItem.SourceType.CONVENTION, t.conventionId(), sequence,
                BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION, t.issuer(), c.debtorId(), c.label(),
                c.effectiveOn(), c.effectiveOn(), c.dueOn(), null, c.amount(), c.amount(), t.paymentTermDays(), c.label());
    }

    /** One titre for a period at an annual amount: model P prorates a period shorter than 12 months. */
    private static BillableItem item(Terms t, int sequence, BillableItem.Kind kind, UUID debtor, String label,
                                     LocalDate from, LocalDate to, LocalDate issueOn, BigDecimal annual) {
        BigDecimal months = null;
        BigDecimal amount = annual;
        if (t.model() == PricingModel.PRORATED_LAST_PERIOD) {
            Proration.Months m = Proration.months(from, to);
            if (m.isFullYearOrMore()) {
                months = new BigDecimal("12.00");
            } else {
                months = m.months();
                amount = Proration.amount(m.months(), annual);
            }
        }
        return new BillableItem(BillableItem.SourceType.CONVENTION, t.conventionId(), sequence, kind, t.issuer(), debtor,
                label, from, to, issueOn, months, annual, amount, t.paymentTermDays(),
                kind == BillableItem.Kind.ANNUAL_CONTRIBUTION ? t.basis() : label);
    }

    private static String periodLabel(Terms t, Slot slot) {
        return t.model() == PricingModel.CALENDAR_YEAR
                ? t.label() + " " + slot.start().getYear()
                : t.label() + " — année d'exécution " + slot.k();
    }
}
