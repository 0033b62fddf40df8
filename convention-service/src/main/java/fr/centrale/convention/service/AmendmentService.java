package fr.centrale.convention.service;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.convention.Amendment;
import fr.centrale.convention.AmendmentShare;
import fr.centrale.convention.AmendmentType;
import fr.centrale.convention.Beneficiary;
import fr.centrale.convention.Convention;
import fr.centrale.convention.ConventionStatus;
import fr.centrale.convention.Offer;
import fr.centrale.convention.api.AmendmentRequest;
import fr.centrale.convention.api.AmendmentView;
import fr.centrale.convention.api.ComplementaryContribution;
import fr.centrale.convention.api.ShareRequest;
import fr.centrale.convention.client.MembershipDirectory;
import fr.centrale.convention.client.OrganisationSummary;
import fr.centrale.convention.domain.ConventionSchedule;
import fr.centrale.convention.domain.RestatedShares;
import fr.centrale.convention.domain.TariffGrid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Avenants and the complementary contributions they create (docs/rules.md, section 6):
 * <ul>
 * <li>ADD_BENEFICIARY: a move to a higher tariff owes the annual difference from the effective date,
 *     then every execution year (where the offer says so); otherwise the offer's one-off fee;</li>
 * <li>INCREASE_MAXIMUM: the offer's one-off fee, due at the effective date or at the signature; never for a
 *     lapsed beneficiary (a new convention or subsequent market is needed);</li>
 * <li>NEW_SUBSEQUENT_MARKET: opens the next subsequent market with its own maximum (docs/rules.md, R-9); the amount
 *     the amendment states, for each execution year of the new market.</li>
 * </ul>
 */
@ApplicationScoped
public class AmendmentService {

    @Inject
    ConventionService conventionService;

    @Inject
    ScheduleService schedules;

    @Inject
    MembershipDirectory directory;

    @Inject
    ConventionVisibility visibility;

    @Transactional
    public AmendmentView create(UUID conventionId, AmendmentRequest request) {
        Convention c = conventionService.requireForUpdate(conventionId);
        requireActiveOn(c, request.effectiveOn());
        Amendment a = new Amendment();
        a.id = UUID.randomUUID();
        a.convention = c;
        a.number = c.amendments.size() + 1;
        a.type = request.type();
        a.effectiveOn = request.effectiveOn();
        a.signedOn = request.signedOn();
        a.organisationId = request.organisationId();
        a.chorusLegalCommitment = ConventionService.trimmed(request.chorusLegalCommitment());
        a.chorusServiceCode = ConventionService.trimmed(request.chorusServiceCode());
        a.createdAt = Instant.now();
        if (request.type() != AmendmentType.ADD_BENEFICIARY) {
            // docs/rules.md, R-11: shares are restated, and a payer named, only when a beneficiary is added.
            if (request.shares() != null && !request.shares().isEmpty()) {
                throw ProblemException.rule("SHARES_NOT_ALLOWED", "Only an amendment adding a beneficiary restates the shares",
                        "shares");
            }
            if (request.complementPayerId() != null) {
                throw ProblemException.rule("UNKNOWN_PAYER", "Only an amendment adding a beneficiary names who pays its "
                        + "complementary contribution; the signatory pays this one", "complementPayerId");
            }
        }
        switch (request.type()) {
            case ADD_BENEFICIARY -> addBeneficiary(c, a, request);
            case INCREASE_MAXIMUM -> increaseMaximum(c, a, request);
            case NEW_SUBSEQUENT_MARKET -> newSubsequentMarket(c, a, request);
        }
        c.amendments.add(a);
        a.persist();
        return view(c, a);
    }

    @Transactional
    public List<AmendmentView> list(UUID conventionId) {
        conventionService.readOnly();
        Convention c = conventionService.readable(conventionId);
        return c.amendments.stream().filter(a -> visibility.showsLineOf(c, a.organisationId)).map(a -> view(c, a)).toList();
    }

    private void addBeneficiary(Convention c, Amendment a, AmendmentRequest r) {
        UUID orgId = required(r.organisationId(), "organisationId");
        if (c.beneficiaries.stream().anyMatch(b -> b.organisationId.equals(orgId))) {
            throw ProblemException.conflict("DUPLICATE_BENEFICIARY", "Organisation " + orgId + " already benefits from this convention");
        }
        restateShares(c, a, r, orgId);
        Offer offer = c.offer;
        if (r.maximumAmount() != null && !offer.hasMaximumAmounts) {
            throw ProblemException.rule("MAXIMUM_NOT_APPLICABLE", offer.code + " has no maximum amounts", "maximumAmount");
        }
        OrganisationSummary org = directory.organisation(orgId).orElseThrow(() -> ProblemException.rule(
                "ORGANISATION_NOT_FOUND", "Organisation " + orgId + " does not exist", "organisationId"));
        a.startsOn = r.startsOn() != null ? r.startsOn() : r.effectiveOn();
        if (a.startsOn.isAfter(c.effectiveEnd())) {
            throw ProblemException.rule("END_BEFORE_START", "The beneficiary would start after the convention's end "
                    + c.effectiveEnd(), "startsOn");
        }
        a.maximumAmount = r.maximumAmount();
        // docs/rules.md, R-13: its own end, within the convention's.
        if (r.endsOn() != null) {
            if (r.endsOn().isBefore(a.startsOn)) {
                throw ProblemException.rule("END_BEFORE_START", "The beneficiary's end " + r.endsOn() + " precedes its start "
                        + a.startsOn, "endsOn");
            }
            if (r.endsOn().isAfter(c.endsOn)) {
                throw ProblemException.rule("END_AFTER_CONVENTION_END", "The beneficiary cannot stay past the convention's end "
                        + c.endsOn, "endsOn");
            }
            a.endsOn = r.endsOn();
        }

        List<TariffGrid.Party> parties = new ArrayList<>();
        for (Beneficiary b : c.beneficiaries) {
            parties.add(new TariffGrid.Party(b.organisationId, fr.centrale.common.organisation.Category.valueOf(b.category),
                    b.population, b.headcount));
        }
        parties.add(ConventionService.party(org));
        TariffGrid.Resolution next = offer.grid().resolve(parties);
        a.previousAnnualAmount = c.currentAnnualAmount;
        if (offer.tierChangeComplement && !next.isOnQuote() && next.annualAmount().compareTo(c.currentAnnualAmount) > 0) {
            a.newAnnualAmount = next.annualAmount().setScale(2);
            a.newTier = next.tier();
            a.complementKind = ConventionSchedule.Complement.Kind.ANNUAL_DIFFERENCE.name();
            a.complementAmount = a.newAnnualAmount.subtract(c.currentAnnualAmount);
            a.complementDueOn = r.effectiveOn();
            c.currentAnnualAmount = a.newAnnualAmount;
            c.currentTier = next.tier();
        } else if (offer.addBeneficiaryFee != null) {
            oneOff(a, offer.addBeneficiaryFee, r.effectiveOn());
        }
        Beneficiary added = ConventionService.newBeneficiary(c, c.beneficiaries.size(), org, a.startsOn, r.maximumAmount(),
                null, a.number);
        added.endsOn = a.endsOn;
        c.beneficiaries.add(added);
    }

    /**
     * docs/rules.md, R-11: where beneficiaries pay their own shares, the amendment adding one states every beneficiary's
     * new share (adding up to the annual amount) and who pays its complementary contribution (default: the signatory).
     * Elsewhere the signatory pays everything, and neither is stated.
     */
    private static void restateShares(Convention c, Amendment a, AmendmentRequest r, UUID added) {
        if (!c.beneficiariesPayTheirShare()) {
            if (r.shares() != null && !r.shares().isEmpty()) {
                throw ProblemException.rule("SHARES_NOT_ALLOWED", "The signatory of this convention pays for every "
                        + "beneficiary: there are no shares to restate", "shares");
            }
            if (r.complementPayerId() != null && !r.complementPayerId().equals(c.signatoryId)) {
                throw ProblemException.rule("UNKNOWN_PAYER", "The signatory of this convention pays for every beneficiary, "
                        + "the complementary contribution included", "complementPayerId");
            }
            return;
        }
        List<UUID> beneficiaries = new ArrayList<>(c.beneficiaries.stream().map(b -> b.organisationId).toList());
        beneficiaries.add(added);
        List<RestatedShares.Share> shares = r.shares() == null ? List.of()
                : r.shares().stream().map(x -> new RestatedShares.Share(x.organisationId(), x.amount())).toList();
        RestatedShares.check(beneficiaries, shares, c.annualAmount).ifPresent(problem -> {
            throw ProblemException.rule(problem.name(), switch (problem) {
                case SHARES_MUST_BE_RESTATED -> "Beneficiaries of this convention pay their own shares: the amendment adding "
                        + "a beneficiary states every beneficiary's new share (docs/rules.md, R-11)";
                case SHARES_INCOMPLETE -> "The restated shares name every beneficiary, the added one included, once each";
                default -> "The restated shares add up to " + shares.stream().map(RestatedShares.Share::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add) + " €, not the annual amount of " + c.annualAmount + " € (D-13)";
            }, problem.field);
        });
        if (r.endsOn() != null) {
            // R-13 with R-11: after its own end the added beneficiary's share would be owed by no one; the seeds do not say
            // who takes it over, so the amendment cannot both restate the shares and end the beneficiary early.
            throw ProblemException.rule("OWN_END_WITH_SHARES", "A beneficiary paying its own share stays until the "
                    + "convention's end: restated shares and an end of its own cannot go together", "endsOn");
        }
        UUID payer = RestatedShares.payer(r.complementPayerId(), c.signatoryId, beneficiaries).orElseThrow(() ->
                ProblemException.rule("UNKNOWN_PAYER", "The complementary contribution is paid by the signatory or a "
                        + "beneficiary", "complementPayerId"));
        a.complementPayerId = payer.equals(c.signatoryId) ? null : payer;
        shares.forEach(x -> a.shares.add(new AmendmentShare(x.organisationId(), x.amount().setScale(2))));
    }

    private static void increaseMaximum(Convention c, Amendment a, AmendmentRequest r) {
        Offer offer = c.offer;
        if (!offer.hasMaximumAmounts) {
            throw ProblemException.rule("MAXIMUM_NOT_APPLICABLE", offer.code + " has no maximum amounts", "type");
        }
        UUID orgId = required(r.organisationId(), "organisationId");
        BigDecimal maximum = required(r.maximumAmount(), "maximumAmount");
        Beneficiary b = c.beneficiaries.stream().filter(x -> x.organisationId.equals(orgId)).findFirst()
                .orElseThrow(() -> ProblemException.rule("UNKNOWN_BENEFICIARY", "Organisation " + orgId
                        + " is not a beneficiary of this convention", "organisationId"));
        if (b.lapsedOn != null) {
            throw ProblemException.rule("BENEFICIARY_LAPSED", b.organisationName + " reached its maximum on " + b.lapsedOn
                    + ": the convention lapsed for it and a raise cannot revive it; a new convention or subsequent market is needed",
                    "organisationId");
        }
        if (b.maximumAmount != null && maximum.compareTo(b.maximumAmount) <= 0) {
            throw ProblemException.rule("MAXIMUM_NOT_INCREASED", "The new maximum " + maximum
                    + " € does not exceed the current one, " + b.maximumAmount + " €", "maximumAmount");
        }
        a.maximumAmount = maximum;
        // docs/rules.md, R-9 (seed 000 art. 4.2: "augmentation du montant maximum de la présente convention et du marché
        // subséquent"): the market in force on the effective date is raised by as much, when it states a maximum.
        if (offer.billedPerSubsequentMarket && b.maximumAmount != null) {
            BigDecimal raise = maximum.subtract(b.maximumAmount);
            c.markets.stream().filter(m -> m.exhaustedOn == null && m.maximumAmount != null
                            && !r.effectiveOn().isBefore(m.startsOn) && !r.effectiveOn().isAfter(m.endsOn))
                    .findFirst().ifPresent(m -> m.maximumAmount = m.maximumAmount.add(raise));
        }
        b.maximumAmount = maximum;
        if (offer.increaseMaximumFee != null) {
            oneOff(a, offer.increaseMaximumFee, offer.increaseMaximumDueAtSignature ? r.signedOn() : r.effectiveOn());
        }
    }

    private static void newSubsequentMarket(Convention c, Amendment a, AmendmentRequest r) {
        if (!c.offer.billedPerSubsequentMarket) {
            throw ProblemException.rule("NOT_BILLED_PER_SUBSEQUENT_MARKET", c.offer.code
                    + " is not billed per subsequent market", "type");
        }
        BigDecimal amount = required(r.amount(), "amount");
        // docs/rules.md, R-9: the new market has a maximum of its own, which the amendment states. API.md made
        // maximumAmount optional on every amendment before R-9: one that does not state it opens a market without a
        // maximum (never exhausted), as before, and the list of markets shows it without one.
        BigDecimal maximum = r.maximumAmount() == null ? null : r.maximumAmount().setScale(2);
        a.amount = amount.setScale(2);
        a.maximumAmount = maximum;
        a.startsOn = r.startsOn() != null ? r.startsOn() : r.effectiveOn();
        a.endsOn = r.endsOn() != null ? r.endsOn() : c.endsOn;
        if (a.startsOn.isBefore(c.executionStart())) {
            throw ProblemException.rule("DATE_BEFORE_START", "The market cannot start before the convention's execution start "
                    + c.executionStart(), "startsOn");
        }
        if (a.endsOn.isBefore(a.startsOn)) {
            throw ProblemException.rule("END_BEFORE_START", "The market's end precedes its start", "endsOn");
        }
        if (a.endsOn.isAfter(c.endsOn)) {
            throw ProblemException.rule("END_AFTER_CONVENTION_END", "The market cannot run past the convention's end "
                    + c.endsOn, "endsOn");
        }
        a.complementKind = ConventionSchedule.Complement.Kind.NEW_MARKET.name();
        a.complementAmount = amount;
        a.complementDueOn = a.startsOn;
        SubsequentMarketService.open(c, a.startsOn, a.endsOn, maximum, a.number);
    }

    private static void oneOff(Amendment a, BigDecimal fee, LocalDate dueOn) {
        a.complementKind = ConventionSchedule.Complement.Kind.ONE_OFF.name();
        a.complementAmount = fee;
        a.complementDueOn = dueOn;
    }

    private static void requireActiveOn(Convention c, LocalDate day) {
        boolean active = c.status == ConventionStatus.ACTIVE && !day.isAfter(c.effectiveEnd());
        if (!active) {
            throw ProblemException.conflict("CONVENTION_NOT_ACTIVE", "An amendment needs a signed convention in force on "
                    + day + "; this one is " + (c.status == ConventionStatus.ACTIVE ? "ended" : c.status));
        }
        if (day.isBefore(c.executionStart())) {
            throw ProblemException.rule("DATE_BEFORE_START", "The amendment takes effect before the execution start "
                    + c.executionStart(), "effectiveOn");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required for this type of amendment");
        }
        return value;
    }

    private AmendmentView view(Convention c, Amendment a) {
        ComplementaryContribution contribution = null;
        if (a.complementKind != null) {
            int from = 1000 * a.number;
            List<BillableItem> items = schedules.itemsOf(c).stream()
                    .filter(i -> i.sequence() > from && i.sequence() < from + 1000)
                    .filter(i -> i.kind() == BillableItem.Kind.COMPLEMENTARY_CONTRIBUTION).toList();
            contribution = new ComplementaryContribution(a.complementKind, a.complementAmount, a.complementDueOn, items);
        }
        return new AmendmentView(a.id, c.id, a.number, a.type, a.effectiveOn, a.signedOn, a.organisationId, a.startsOn,
                a.endsOn, a.maximumAmount, a.amount, a.previousAnnualAmount, a.newAnnualAmount, a.newTier, contribution,
                a.chorusLegalCommitment, a.chorusServiceCode,
                a.restatesShares() ? a.shares.stream().map(x -> new ShareRequest(x.organisationId, x.amount)).toList() : null,
                a.complementPayerId, a.type == AmendmentType.NEW_SUBSEQUENT_MARKET
                        ? SubsequentMarketService.openedBy(c, a.number).map(m -> m.seq).orElse(null) : null);
    }
}
