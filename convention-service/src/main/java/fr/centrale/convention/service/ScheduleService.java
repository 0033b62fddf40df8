package fr.centrale.convention.service;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.convention.Amendment;
import fr.centrale.convention.AmendmentType;
import fr.centrale.convention.Beneficiary;
import fr.centrale.convention.Convention;
import fr.centrale.convention.ConventionStatus;
import fr.centrale.convention.domain.ChorusReferences;
import fr.centrale.convention.domain.ConventionSchedule;
import fr.centrale.convention.domain.LegalBasis;
import fr.centrale.convention.domain.Vat;
import fr.centrale.convention.repository.ConventionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/** Turns a stored convention into its billable items (the pure rules live in {@link ConventionSchedule}). */
@ApplicationScoped
public class ScheduleService {

    @Inject
    Q1RunDay q1RunDay;

    @Inject
    ConventionRepository conventions;

    /** Every item the convention implies; none while it is a draft. */
    public List<BillableItem> itemsOf(Convention c) {
        if (c.status == ConventionStatus.DRAFT) {
            return List.of();
        }
        return scheduleOf(c);
    }

    /** The whole schedule, drafts included (a draft states its commitment too), with each item's mentions. */
    List<BillableItem> scheduleOf(Convention c) {
        List<Vat.Rate> rates = c.offer.rates();
        ChorusReferences own = new ChorusReferences(c.chorusLegalCommitment, c.chorusServiceCode);
        List<ChorusReferences.FromAmendment> amended = c.amendments.stream()
                .filter(a -> a.chorusLegalCommitment != null || a.chorusServiceCode != null)
                .map(a -> new ChorusReferences.FromAmendment(a.effectiveOn,
                        new ChorusReferences(a.chorusLegalCommitment, a.chorusServiceCode)))
                .toList();
        String basis = LegalBasis.ofConvention(c.offer.displayName(), c.number, c.signedOn, c.actNumber, c.actDate);
        Map<Integer, String> amendmentBases = new HashMap<>();
        c.amendments.forEach(a -> amendmentBases.put(a.number, LegalBasis.ofAmendment(basis, a.number, a.signedOn)));
        return ConventionSchedule.items(termsOf(c), complementsOf(c), q1RunDay).stream()
                .map(i -> Vat.apply(i, c.offer.taxation, rates))
                .map(i -> LegalBasis.apply(i, basis, amendmentBases))
                .map(i -> ChorusReferences.apply(i, own, amended)).toList();
    }

    /** The total commitment: HT, and its VAT and TTC (VAT per item, HALF_UP to the cent: docs/rules.md, R-1). */
    public Vat.Totals totalOf(Convention c) {
        return Vat.totals(scheduleOf(c));
    }

    /** The billing runs' feed: items due on or before {@code through}, a page of conventions at a time. */
    @Transactional
    public BillableItemPage feed(LocalDate through, UUID after, int size) {
        // A read: no snapshot to keep nor entity to dirty-check at commit (billing runs read every convention).
        conventions.getSession().setDefaultReadOnly(true);
        conventions.getSession().setHibernateFlushMode(FlushMode.MANUAL);
        List<Convention> page = conventions.signedAfter(after, size);
        List<BillableItem> items = new ArrayList<>();
        for (Convention c : page) {
            itemsOf(c).stream().filter(i -> !i.issueOn().isAfter(through)).forEach(items::add);
        }
        UUID next = page.size() < size ? null : page.get(page.size() - 1).id;
        return new BillableItemPage(items, next);
    }

    static ConventionSchedule.Terms termsOf(Convention c) {
        List<ConventionSchedule.Share> shares = c.beneficiaries.stream()
                .filter(b -> b.share != null && b.amendmentNumber == null)
                .map((Beneficiary b) -> new ConventionSchedule.Share(b.organisationId, b.share))
                .toList();
        String basis = c.negotiated ? "Montant négocié (sur devis)" : "Grille : " + c.gridRow;
        List<ConventionSchedule.Restatement> restatements = c.amendments.stream().filter(Amendment::restatesShares)
                .map(a -> new ConventionSchedule.Restatement(a.number, a.effectiveOn, a.shares.stream()
                        .map(x -> new ConventionSchedule.Share(x.organisationId, x.amount)).toList()))
                .toList();
        LocalDate end = c.effectiveEnd();
        LocalDate contributionEnd = end;
        if (c.offer.billedPerSubsequentMarket && !c.markets.isEmpty()) {
            // docs/rules.md, R-9: the contribution is the first market's; it stops after the execution year in progress
            // when that market is exhausted (or the convention lapses), and later markets are billed on their own.
            end = c.terminationEffectiveOn != null && c.terminationEffectiveOn.isBefore(c.endsOn)
                    ? c.terminationEffectiveOn : c.endsOn;
            contributionEnd = SubsequentMarketService.contributionEnd(c, c.markets.get(0));
        }
        return new ConventionSchedule.Terms(c.id, c.offer.purchasingBody, "Contribution " + c.offer.displayName(),
                c.offer.pricingModel, c.offer.paymentTermDays, c.executionStart(), end, c.annualAmount,
                c.signatoryId, shares, basis, contributionEnd, restatements);
    }

    static List<ConventionSchedule.Complement> complementsOf(Convention c) {
        List<ConventionSchedule.Complement> complements = new ArrayList<>();
        for (Amendment a : c.amendments) {
            if (a.complementKind == null) {
                continue;
            }
            LocalDate marketStart = a.startsOn;
            LocalDate marketEnd = a.endsOn;
            var market = a.type == AmendmentType.NEW_SUBSEQUENT_MARKET && c.offer.billedPerSubsequentMarket
                    ? SubsequentMarketService.openedBy(c, a.number) : java.util.Optional.<fr.centrale.convention.SubsequentMarket>empty();
            if (market.isPresent()) {
                // docs/rules.md, R-9: the new market's own execution years, up to its end or its exhaustion.
                marketStart = market.get().startsOn;
                marketEnd = SubsequentMarketService.contributionEnd(c, market.get());
            }
            // docs/rules.md, R-11: the amendment may name who pays its complementary contribution.
            UUID debtor = a.complementPayerId != null ? a.complementPayerId : c.signatoryId;
            complements.add(new ConventionSchedule.Complement(a.number,
                    ConventionSchedule.Complement.Kind.valueOf(a.complementKind), debtor, a.effectiveOn,
                    a.complementDueOn, a.complementAmount, marketStart, marketEnd, labelOf(a)));
        }
        return complements;
    }

    static String labelOf(Amendment a) {
        String prefix = "Avenant n° " + a.number + " — ";
        return switch (a.complementKind) {
            case "ANNUAL_DIFFERENCE" -> prefix + "changement de tranche (" + a.newTier + ")";
            case "NEW_MARKET" -> prefix + "nouveau marché subséquent";
            default -> prefix + (a.type.name().equals("INCREASE_MAXIMUM") ? "relèvement du montant maximum"
                    : "ajout d'un bénéficiaire");
        };
    }
}
