package fr.centrale.convention.service;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.organisation.Category;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import fr.centrale.convention.Beneficiary;
import fr.centrale.convention.Convention;
import fr.centrale.convention.ConventionMode;
import fr.centrale.convention.ConventionStatus;
import fr.centrale.convention.Offer;
import fr.centrale.convention.api.AuthorizingAct;
import fr.centrale.convention.api.BeneficiaryRequest;
import fr.centrale.convention.api.BeneficiaryView;
import fr.centrale.convention.api.BudgetLine;
import fr.centrale.convention.api.ConventionRequest;
import fr.centrale.convention.api.ConventionView;
import fr.centrale.convention.api.SignatureRequest;
import fr.centrale.convention.api.TerminationRequest;
import fr.centrale.convention.client.MembershipDirectory;
import fr.centrale.convention.client.OrganisationSummary;
import fr.centrale.convention.domain.Eligibility;
import fr.centrale.convention.domain.TariffGrid;
import fr.centrale.convention.domain.Vat;
import fr.centrale.convention.repository.ConventionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ConventionService {

    @Inject
    ConventionRepository conventions;

    @Inject
    MembershipDirectory directory;

    @Inject
    ScheduleService schedules;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ConventionVisibility visibility;

    @Inject
    EligibilityService eligibility;

    @ConfigProperty(name = "centrale.at-risk-threshold", defaultValue = "0.80")
    BigDecimal atRiskThreshold;

    @Transactional
    public ConventionView create(ConventionRequest request) {
        Offer offer = findOffer(request.offer());
        List<BeneficiaryRequest> requested = request.beneficiaries();
        refuseDuplicates(requested);
        checkMode(request.mode(), request.signatoryId(), requested);
        LocalDate executionStart = requested.stream().map(BeneficiaryRequest::startsOn).min(LocalDate::compareTo).orElseThrow();
        checkDates(offer, executionStart, request.endsOn(), requested);
        checkMaximumsAndShares(offer, requested);
        checkVatRate(offer, executionStart);
        if (request.subsequentMarketMaximum() != null && !offer.billedPerSubsequentMarket) {
            throw ProblemException.rule("NOT_BILLED_PER_SUBSEQUENT_MARKET", offer.code + " has no subsequent markets",
                    "subsequentMarketMaximum");
        }

        Map<UUID, OrganisationSummary> organisations = fetchOrganisations(request.signatoryId(), requested);
        OrganisationSummary signatory = organisations.get(request.signatoryId());
        checkEligibility(offer, signatory);
        List<Eligibility.Party> listedParties = new java.util.ArrayList<>();
        listedParties.add(new Eligibility.Party("signatoryId", signatory.siret()));
        for (int i = 0; i < requested.size(); i++) {
            listedParties.add(new Eligibility.Party("beneficiaries[" + i + "].organisationId",
                    organisations.get(requested.get(i).organisationId()).siret()));
        }
        eligibility.requireListed(offer, listedParties, List.copyOf(organisations.values()));

        List<TariffGrid.Party> parties = requested.stream().map(b -> party(organisations.get(b.organisationId()))).toList();
        TariffGrid.Resolution tariff = offer.grid().resolve(parties);
        BigDecimal annual = tariff.annualAmount();
        boolean negotiated = false;
        if (tariff.isOnQuote()) {
            if (request.negotiatedAnnualAmount() == null) {
                throw ProblemException.rule("TARIFF_ON_QUOTE", "The grid of " + offer.code + " gives no amount for this "
                        + "convention (" + tariff.gridRow() + "): state the negotiated annual amount", "negotiatedAnnualAmount");
            }
            annual = request.negotiatedAnnualAmount();
            negotiated = true;
        } else if (request.negotiatedAnnualAmount() != null) {
            throw ProblemException.rule("NEGOTIATED_AMOUNT_NOT_APPLICABLE", "The grid of " + offer.code + " sets "
                    + tariff.annualAmount() + " € (" + tariff.gridRow() + "); a negotiated amount is only for quotes",
                    "negotiatedAnnualAmount");
        }
        checkSharesAddUp(requested, annual);

        String number = request.number() != null ? request.number().trim() : null;
        if (number != null && conventions.count("number", number) > 0) {
            throw ProblemException.conflict("CONVENTION_NUMBER_EXISTS", "A convention numbered " + number + " exists already");
        }
        Convention c = new Convention();
        c.id = UUID.randomUUID();
        c.number = number != null ? number : conventions.nextNumber(ParisClock.today(clock).getYear());
        c.offer = offer;
        c.signatoryId = signatory.id();
        c.signatoryName = signatory.name();
        c.mode = request.mode();
        c.status = ConventionStatus.DRAFT;
        c.endsOn = request.endsOn();
        c.annualAmount = annual.setScale(2);
        c.currentAnnualAmount = c.annualAmount;
        c.negotiated = negotiated;
        c.tier = tariff.tier();
        c.currentTier = tariff.tier();
        c.gridRow = tariff.gridRow();
        AuthorizingAct act = request.authorizingAct();
        if (act != null) {
            c.actNumber = act.number();
            c.actDate = act.date();
            c.actBody = act.body();
        }
        BudgetLine budget = request.budgetLine();
        if (budget != null) {
            c.budgetOperation = budget.operation();
            c.budgetAccount = budget.account();
        }
        c.chorusLegalCommitment = trimmed(request.chorusLegalCommitment());
        c.chorusServiceCode = trimmed(request.chorusServiceCode());
        c.createdAt = Instant.now();
        for (int i = 0; i < requested.size(); i++) {
            BeneficiaryRequest b = requested.get(i);
            c.beneficiaries.add(newBeneficiary(c, i, organisations.get(b.organisationId()), b.startsOn(),
                    b.maximumAmount(), b.share(), null));
        }
        SubsequentMarketService.openFirst(c, request.subsequentMarketMaximum());
        conventions.persist(c);
        return view(c);
    }

    /** The signature makes it ACTIVE; RESAH (and La Fibre) require the signatory's membership on that day. */
    @Transactional
    public ConventionView sign(UUID id, SignatureRequest request) {
        Convention c = requireForUpdate(id);
        if (c.status != ConventionStatus.DRAFT) {
            throw ProblemException.conflict("CONVENTION_NOT_DRAFT", "This convention is " + c.status + "; only a draft is signed");
        }
        requireListedAtSignature(c);
        boolean memberOrListed = c.offer.eligibilityList == Eligibility.ListKind.MEMBER_OR_LISTED;
        if (c.offer.membershipRequired && !directory.isMemberOn(c.signatoryId, c.offer.purchasingBody, request.signedOn())
                && !(memberOrListed && Eligibility.mayUnderMembershipOrList(false, eligibility.listed(c.offer),
                directory.organisation(c.signatoryId).map(OrganisationSummary::siret).orElse(null)))) {
            throw ProblemException.rule("MEMBERSHIP_REQUIRED", c.signatoryName + " holds no " + c.offer.purchasingBody
                    + " membership on " + request.signedOn() + ", which a " + c.offer.purchasingBody + " convention requires"
                    + (memberOrListed ? ", and is not listed among the former beneficiaries of " + c.offer.code
                    + " (docs/rules.md, R-12)" : ""), "signedOn");
        }
        c.signedOn = request.signedOn();
        c.status = ConventionStatus.ACTIVE;
        // docs/rules.md, R-3: the references of the commitment, stated or corrected at signature.
        if (request.chorusLegalCommitment() != null) {
            c.chorusLegalCommitment = trimmed(request.chorusLegalCommitment());
        }
        if (request.chorusServiceCode() != null) {
            c.chorusServiceCode = trimmed(request.chorusServiceCode());
        }
        conventions.flush();
        return view(c);
    }

    /** docs/rules.md, R-12: the list may have changed since the creation; every organisation is checked again. */
    private void requireListedAtSignature(Convention c) {
        if (c.offer.eligibilityList != Eligibility.ListKind.LISTED || eligibility.listed(c.offer).isEmpty()) {
            return;
        }
        List<OrganisationSummary> organisations = new java.util.ArrayList<>();
        List<Eligibility.Party> parties = new java.util.ArrayList<>();
        OrganisationSummary signatory = directory.organisation(c.signatoryId).orElse(null);
        parties.add(new Eligibility.Party("signatoryId", signatory == null ? null : signatory.siret()));
        if (signatory != null) {
            organisations.add(signatory);
        }
        for (int i = 0; i < c.beneficiaries.size(); i++) {
            OrganisationSummary o = directory.organisation(c.beneficiaries.get(i).organisationId).orElse(null);
            parties.add(new Eligibility.Party("beneficiaries[" + i + "].organisationId", o == null ? null : o.siret()));
            if (o != null) {
                organisations.add(o);
            }
        }
        eligibility.requireListed(c.offer, parties, organisations);
    }

    /**
     * Termination after the offer's notice (CAIH: three months). Sums of the current year stay due, nothing
     * is refunded, and nothing is billed after the effective date (which is the end model C uses).
     */
    @Transactional
    public ConventionView terminate(UUID id, TerminationRequest request) {
        Convention c = requireForUpdate(id);
        if (c.status != ConventionStatus.ACTIVE || c.endsOn.isBefore(request.notifiedOn())) {
            throw ProblemException.conflict("CONVENTION_NOT_ACTIVE", "Only an active convention can be terminated; this one is "
                    + c.statusOn(request.notifiedOn()));
        }
        if (request.notifiedOn().isBefore(c.signedOn)) {
            throw ProblemException.rule("DATE_BEFORE_SIGNATURE", "The notice " + request.notifiedOn()
                    + " precedes the signature " + c.signedOn, "notifiedOn");
        }
        c.terminationNotifiedOn = request.notifiedOn();
        c.terminationEffectiveOn = request.notifiedOn().plusMonths(c.offer.terminationNoticeMonths);
        c.status = ConventionStatus.TERMINATED;
        conventions.flush();
        return view(c);
    }

    @Transactional
    public ConventionView get(UUID id) {
        conventions.readOnly();
        return view(readable(id));
    }

    @Transactional
    public PageResponse<ConventionView> list(UUID organisationId, String offer, ConventionStatus status, PageRequest page) {
        Caller.Filter filter = visibility.filterFor(organisationId); // an adherent's: signed by it or benefiting it
        if (filter.nothing()) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        conventions.readOnly();
        var query = conventions.search(filter.organisationId(), offer, status, ParisClock.today(clock));
        List<ConventionView> items = query.page(page.page(), page.size()).list().stream().map(this::view).toList();
        return new PageResponse<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public List<BillableItem> schedule(UUID id) {
        conventions.readOnly();
        Convention c = readable(id);
        return schedules.itemsOf(c).stream().filter(i -> visibility.showsLineOf(c, i.debtorId())).toList();
    }

    ConventionView view(Convention c) {
        List<BeneficiaryView> beneficiaries = c.beneficiaries.stream().filter(b -> visibility.showsLineOf(c, b.organisationId))
                .map(b -> BeneficiaryView.of(b, atRiskThreshold)).toList();
        AuthorizingAct act = c.actNumber == null && c.actDate == null && c.actBody == null ? null
                : new AuthorizingAct(c.actNumber, c.actDate, c.actBody);
        BudgetLine budget = c.budgetOperation == null && c.budgetAccount == null ? null
                : new BudgetLine(c.budgetOperation, c.budgetAccount);
        ConventionView.Termination termination = c.terminationNotifiedOn == null ? null
                : new ConventionView.Termination(c.terminationNotifiedOn, c.terminationEffectiveOn);
        Vat.Totals total = schedules.totalOf(c);
        boolean vat = c.offer.taxation == BillableItem.Taxation.BEFORE_VAT;
        return new ConventionView(c.id, c.number, c.offer.code, c.offer.offerVersion, c.offer.title, c.offer.purchasingBody,
                c.signatoryId, c.signatoryName, c.mode, c.statusOn(ParisClock.today(clock)), c.signedOn, c.executionStart(),
                c.endsOn, c.effectiveEnd(), c.annualAmount, c.negotiated, c.tier, c.gridRow, c.currentAnnualAmount,
                c.currentTier, total.beforeVat(), beneficiaries, act, budget, termination, c.lapsedOn,
                c.amendments.size(), c.version, c.offer.taxation, vat ? total.vat() : null,
                vat ? total.inclusiveOfVat() : null, c.chorusLegalCommitment, c.chorusServiceCode);
    }

    /** Makes the current transaction a read ({@link ConventionRepository#readOnly}): only where nothing is changed. */
    void readOnly() {
        conventions.readOnly();
    }

    Convention require(UUID id) {
        return conventions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Convention", id));
    }

    /**
     * The convention, when the caller may see it ({@link ConventionVisibility}); else 404 as if unknown. For the
     * read endpoints: loaded with its offer and beneficiaries in one statement ({@link ConventionRepository#findForRead}),
     * the offer's tariff grid left unread. Writes load with {@link #requireForUpdate}.
     */
    Convention readable(UUID id) {
        Convention c = conventions.findForRead(id).orElseThrow(() -> ProblemException.notFound("Convention", id));
        visibility.requireVisible(c);
        return c;
    }

    /**
     * Locks the convention's row until the transaction ends, then reads it: concurrent signatures, amendments
     * and orders of one convention queue. (An explicit statement, because Hibernate drops the lock of a query
     * that fetches the offer's tariff rows through an outer join.)
     */
    Convention requireForUpdate(UUID id) {
        if (em.createNativeQuery("SELECT id FROM convention WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList().isEmpty()) {
            throw ProblemException.notFound("Convention", id);
        }
        return require(id);
    }

    /** The current version of an offer, by code or id. */
    static Offer findOffer(String codeOrId) {
        UUID id = Params.uuidOrNull(codeOrId);
        Offer offer = id != null ? Offer.findById(id)
                : Offer.<Offer>find("code = ?1 and superseded = false", codeOrId.trim().toUpperCase()).firstResult();
        if (offer == null) {
            throw ProblemException.rule("OFFER_NOT_FOUND", "No offer " + codeOrId, "offer");
        }
        return offer;
    }

    static TariffGrid.Party party(OrganisationSummary o) {
        return new TariffGrid.Party(o.id(), o.category(), o.population(), o.headcount());
    }

    static Beneficiary newBeneficiary(Convention c, int rank, OrganisationSummary o, LocalDate startsOn,
                                      BigDecimal maximum, BigDecimal share, Integer amendmentNumber) {
        Beneficiary b = new Beneficiary();
        b.id = UUID.randomUUID();
        b.convention = c;
        b.rank = rank;
        b.organisationId = o.id();
        b.organisationName = o.name();
        b.category = o.category().name();
        b.population = o.population();
        b.headcount = o.headcount();
        b.startsOn = startsOn;
        b.maximumAmount = maximum;
        b.share = share;
        b.consumedAmount = BigDecimal.ZERO.setScale(2);
        b.amendmentNumber = amendmentNumber;
        return b;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Reads every organisation from membership-service; an unknown one is refused naming its field. */
    private Map<UUID, OrganisationSummary> fetchOrganisations(UUID signatoryId, List<BeneficiaryRequest> beneficiaries) {
        Map<UUID, OrganisationSummary> found = new HashMap<>();
        found.put(signatoryId, directory.organisation(signatoryId).orElseThrow(() -> ProblemException.rule(
                "ORGANISATION_NOT_FOUND", "Organisation " + signatoryId + " does not exist", "signatoryId")));
        for (int i = 0; i < beneficiaries.size(); i++) {
            UUID id = beneficiaries.get(i).organisationId();
            if (!found.containsKey(id)) {
                String field = "beneficiaries[" + i + "].organisationId";
                found.put(id, directory.organisation(id).orElseThrow(() -> ProblemException.rule(
                        "ORGANISATION_NOT_FOUND", "Organisation " + id + " does not exist", field)));
            }
        }
        return found;
    }

    private static void refuseDuplicates(List<BeneficiaryRequest> beneficiaries) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < beneficiaries.size(); i++) {
            if (!seen.add(beneficiaries.get(i).organisationId())) {
                throw ProblemException.rule("DUPLICATE_BENEFICIARY", "Organisation " + beneficiaries.get(i).organisationId()
                        + " is listed twice", "beneficiaries[" + i + "].organisationId");
            }
        }
    }

    private static void checkMode(ConventionMode mode, UUID signatoryId, List<BeneficiaryRequest> beneficiaries) {
        switch (mode) {
            case OWN_ACCOUNT -> {
                if (beneficiaries.size() != 1 || !beneficiaries.get(0).organisationId().equals(signatoryId)) {
                    throw ProblemException.rule("MODE_MISMATCH", "OWN_ACCOUNT: the signatory is the only beneficiary", "beneficiaries");
                }
            }
            case PURCHASING_GROUP -> {
                if (beneficiaries.size() < 2) {
                    throw ProblemException.rule("MODE_MISMATCH", "PURCHASING_GROUP: a group has two beneficiaries or more", "beneficiaries");
                }
            }
            case MANDATE -> {
                if (beneficiaries.stream().allMatch(b -> b.organisationId().equals(signatoryId))) {
                    throw ProblemException.rule("MODE_MISMATCH", "MANDATE: the signatory signs for other organisations", "beneficiaries");
                }
            }
        }
    }

    private static void checkDates(Offer offer, LocalDate executionStart, LocalDate endsOn, List<BeneficiaryRequest> beneficiaries) {
        for (int i = 0; i < beneficiaries.size(); i++) {
            if (beneficiaries.get(i).startsOn().isAfter(endsOn)) {
                throw ProblemException.rule("END_BEFORE_START", "The end " + endsOn + " precedes the start "
                        + beneficiaries.get(i).startsOn(), "beneficiaries[" + i + "].startsOn");
            }
        }
        if (offer.endsOn != null && endsOn.isAfter(offer.endsOn)) {
            throw ProblemException.rule("END_AFTER_OFFER_END", "The framework agreement " + offer.frameworkAgreement
                    + " ends on " + offer.endsOn + "; a convention cannot end later", "endsOn");
        }
        if (offer.maxDurationMonths != null) {
            LocalDate latest = executionStart.plusMonths(offer.maxDurationMonths).minusDays(1);
            if (endsOn.isAfter(latest)) {
                throw ProblemException.rule("DURATION_TOO_LONG", offer.code + " is executed for " + offer.maxDurationMonths
                        + " months at most: from " + executionStart + " the end is " + latest + " at the latest", "endsOn");
            }
        }
    }

    private static void checkMaximumsAndShares(Offer offer, List<BeneficiaryRequest> beneficiaries) {
        long shares = beneficiaries.stream().filter(b -> b.share() != null).count();
        for (int i = 0; i < beneficiaries.size(); i++) {
            if (beneficiaries.get(i).maximumAmount() != null && !offer.hasMaximumAmounts) {
                throw ProblemException.rule("MAXIMUM_NOT_APPLICABLE", offer.code + " has no maximum amounts",
                        "beneficiaries[" + i + "].maximumAmount");
            }
        }
        if (shares > 0 && !offer.beneficiariesMayPay) {
            throw ProblemException.rule("SHARES_NOT_ALLOWED", "Under " + offer.code + " the signatory pays", "beneficiaries");
        }
        if (shares > 0 && shares < beneficiaries.size()) {
            throw ProblemException.rule("SHARES_INCOMPLETE", "When beneficiaries pay their own share, every one states it",
                    "beneficiaries");
        }
    }

    /** docs/rules.md, R-1: an offer before VAT must state the rate in force from the execution start on. */
    private static void checkVatRate(Offer offer, LocalDate executionStart) {
        if (offer.taxation == BillableItem.Taxation.BEFORE_VAT && Vat.rateOn(offer.rates(), executionStart).isEmpty()) {
            throw ProblemException.rule("VAT_RATE_MISSING", offer.code + " is priced before VAT but states no VAT rate in force on "
                    + executionStart, "beneficiaries");
        }
    }

    private static void checkSharesAddUp(List<BeneficiaryRequest> beneficiaries, BigDecimal annual) {
        if (beneficiaries.stream().anyMatch(b -> b.share() != null)) {
            BigDecimal sum = beneficiaries.stream().map(BeneficiaryRequest::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(annual) != 0) {
                throw ProblemException.rule("SHARES_DO_NOT_ADD_UP", "The shares add up to " + sum
                        + " €, not the annual amount of " + annual + " € (D-13)", "beneficiaries");
            }
        }
    }

    private static void checkEligibility(Offer offer, OrganisationSummary signatory) {
        if (offer.eligibleCategories == null || offer.eligibleCategories.isBlank()) {
            return;
        }
        List<String> allowed = Arrays.stream(offer.eligibleCategories.split(",")).map(String::trim).toList();
        Category category = signatory.category();
        if (!allowed.contains(category.name())) {
            throw ProblemException.rule("NOT_ELIGIBLE_FOR_OFFER", "A " + category + " may not sign " + offer.code
                    + (offer.eligibilityNote == null ? "" : " (" + offer.eligibilityNote + ")"), "signatoryId");
        }
    }
}
