package fr.centrale.convention.domain;

import fr.centrale.common.billing.BillableItem;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * docs/rules.md, R-3: the Chorus Pro references of a titre are those of its commitment, not the organisation's. A
 * convention carries its own engagement juridique (EJ) and service code; an amendment that states its own replaces
 * them for the items issued from its effective date (each reference separately: an amendment that states only an EJ
 * keeps the convention's service code). Null where the commitment states none (billing then uses the organisation's).
 */
public record ChorusReferences(String legalCommitment, String serviceCode) {

    public static final ChorusReferences NONE = new ChorusReferences(null, null);

    /** The references an amendment states, from its effective date. */
    public record FromAmendment(LocalDate effectiveOn, ChorusReferences references) {
    }

    /** The references in force on {@code day}: the convention's, overridden by every amendment in force by then. */
    public static ChorusReferences on(LocalDate day, ChorusReferences convention, List<FromAmendment> amendments) {
        String ej = convention.legalCommitment();
        String service = convention.serviceCode();
        for (FromAmendment a : amendments.stream().sorted(Comparator.comparing(FromAmendment::effectiveOn)).toList()) {
            if (a.effectiveOn().isAfter(day)) {
                break;
            }
            if (a.references().legalCommitment() != null) {
                ej = a.references().legalCommitment();
            }
            if (a.references().serviceCode() != null) {
                service = a.references().serviceCode();
            }
        }
        return new ChorusReferences(ej, service);
    }

    /** The item with the references in force on its issue date. */
    public static BillableItem apply(BillableItem i, ChorusReferences convention, List<FromAmendment> amendments) {
        ChorusReferences r = on(i.issueOn(), convention, amendments);
        return new BillableItem(i.sourceType(), i.sourceId(), i.sequence(), i.kind(), i.issuer(), i.debtorId(), i.label(),
                i.periodStart(), i.periodEnd(), i.issueOn(), i.months(), i.annualAmount(), i.amount(), i.paymentTermDays(),
                i.basis(), i.taxation(), i.vatRate(), r.legalCommitment(), r.serviceCode(), i.legalBasis());
    }
}
