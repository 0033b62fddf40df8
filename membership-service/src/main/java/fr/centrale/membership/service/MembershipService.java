package fr.centrale.membership.service;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import fr.centrale.common.time.Q1RunDay;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.membership.FeeCategory;
import fr.centrale.membership.Membership;
import fr.centrale.membership.MembershipBulletin;
import fr.centrale.membership.MembershipKind;
import fr.centrale.membership.Organisation;
import fr.centrale.membership.PurchasingBody;
import fr.centrale.membership.RenewalModel;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.web.Versions;
import fr.centrale.membership.api.BulletinRequest;
import fr.centrale.membership.api.BulletinView;
import fr.centrale.membership.api.MembershipPatch;
import fr.centrale.membership.api.MembershipRequest;
import fr.centrale.membership.api.MembershipView;
import fr.centrale.membership.api.NonRenewalRequest;
import fr.centrale.membership.api.TerminationRequest;
import fr.centrale.membership.domain.BulletinHistory;
import fr.centrale.membership.domain.BulletinTerms;
import fr.centrale.membership.domain.ChorusReferences;
import fr.centrale.membership.domain.LegalBasis;
import fr.centrale.membership.domain.MembershipBillingSchedule;
import fr.centrale.membership.domain.MembershipFeeTable;
import fr.centrale.membership.domain.MembershipTerms;
import fr.centrale.membership.repository.MembershipBulletinRepository;
import fr.centrale.membership.repository.MembershipFeeRepository;
import fr.centrale.membership.repository.MembershipRepository;
import fr.centrale.membership.repository.OrganisationRepository;
import fr.centrale.membership.repository.PurchasingBodyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MembershipService {

    @Inject
    MembershipRepository memberships;

    @Inject
    OrganisationRepository organisations;

    @Inject
    PurchasingBodyRepository bodies;

    @Inject
    MembershipFeeRepository fees;

    @Inject
    MembershipBulletinRepository bulletins;

    @Inject
    Clock clock;

    @Inject
    Q1RunDay q1RunDay;

    @Inject
    Caller caller;

    @Transactional
    public MembershipView create(MembershipRequest request) {
        // The lock serialises concurrent bulletins of one organisation, so two cannot both pass the overlap check.
        Organisation organisation = organisations.findByIdOptional(request.organisationId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.rule("ORGANISATION_NOT_FOUND",
                        "Organisation " + request.organisationId() + " does not exist", "organisationId"));
        PurchasingBody body = bodies.findByIdOrCode(request.purchasingBody())
                .orElseThrow(() -> ProblemException.rule("PURCHASING_BODY_NOT_FOUND",
                        "Purchasing body " + request.purchasingBody() + " does not exist", "purchasingBody"));
        MembershipKind kind = body.admissionRules().admit(body.code, organisation.category, organisation.departement,
                request.kind());
        LocalDate startsOn = request.bulletinReceivedOn();
        memberships.findOverlapping(organisation.id, body.id, startsOn).ifPresent(existing -> {
            // docs/rules.md, R-15: a renewed bulletin is not a second membership.
            throw ProblemException.conflict("MEMBERSHIP_EXISTS", organisation.name + " already holds a " + body.code
                    + " membership in force on or after " + startsOn + " (" + existing.id + "): to record a renewed or "
                    + "updated bulletin, add it to that membership with POST /api/v1/memberships/" + existing.id + "/bulletins");
        });
        FeeCategory ticked = request.feeCategory() != null ? request.feeCategory()
                : kind == MembershipKind.MEMBER ? FeeCategory.of(organisation.category) : null;
        checkTerms(body, organisation, ticked, request.statedFee(), startsOn);
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.organisation = organisation;
        m.purchasingBody = body;
        m.kind = kind;
        m.bulletinReceivedOn = startsOn;
        m.startsOn = startsOn;
        m.setChorus(ChorusReferences.of(request.chorusLegalCommitment(), request.chorusServiceCode()));
        m.createdAt = Instant.now();
        memberships.persist(m);
        // docs/rules.md, R-15: the membership's creation records its first bulletin.
        bulletins.persist(bulletin(m, startsOn, ticked, request.statedFee(), request.terms(), m.chorus()));
        return view(m);
    }

    /**
     * A bulletin renewing the membership on new terms (docs/rules.md, R-15): its Chorus references become the
     * membership's current ones, carried by the titres issued from its date on (docs/rules.md, R-3).
     */
    @Transactional
    public BulletinView addBulletin(UUID id, BulletinRequest request) {
        Membership m = requireForUpdate(id);
        List<MembershipBulletin> recorded = recordedBulletins(m);
        history(recorded).checkNew(request.receivedOn(), m.endsOn);
        FeeCategory ticked = request.feeCategory() != null ? request.feeCategory()
                : m.kind == MembershipKind.MEMBER ? FeeCategory.of(m.organisation.category) : null;
        checkTerms(m.purchasingBody, m.organisation, ticked, request.statedFee(), request.receivedOn());
        ChorusReferences chorus = ChorusReferences.of(request.chorusLegalCommitment(), request.chorusServiceCode());
        MembershipBulletin b = bulletin(m, request.receivedOn(), ticked, request.statedFee(), request.terms(), chorus);
        bulletins.persist(b);
        m.setChorus(chorus);
        memberships.flush();
        return BulletinView.of(b);
    }

    @Transactional
    public List<BulletinView> bulletins(UUID id) {
        Membership m = readable(id);
        List<MembershipBulletin> recorded = bulletins.ofMembership(m.id);
        return (recorded.isEmpty() ? List.of(firstBulletin(m)) : recorded).stream().map(BulletinView::of).toList();
    }

    /**
     * The membership's recorded bulletins, the first one recorded now if it is missing (a membership written into the
     * table by other means than the API, e.g. a bulk load): for the writes, which must find the whole history.
     */
    private List<MembershipBulletin> recordedBulletins(Membership m) {
        List<MembershipBulletin> recorded = bulletins.ofMembership(m.id);
        if (!recorded.isEmpty()) {
            return recorded;
        }
        MembershipBulletin first = firstBulletin(m);
        bulletins.persist(first);
        return List.of(first);
    }

    /** The bulletin the membership was created on, from its own columns (when none is recorded). */
    private static MembershipBulletin firstBulletin(Membership m) {
        MembershipBulletin first = bulletin(m, m.bulletinReceivedOn, null, null, null, m.chorus());
        first.id = UUID.nameUUIDFromBytes((m.id + "/bulletin/1").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        first.recordedAt = m.createdAt;
        return first;
    }

    private static BulletinHistory history(List<MembershipBulletin> recorded) {
        return recorded.isEmpty() ? null : new BulletinHistory(recorded.stream().map(MembershipBulletin::toDomain).toList());
    }

    private void checkTerms(PurchasingBody body, Organisation organisation, FeeCategory ticked, BigDecimal statedFee,
                            LocalDate receivedOn) {
        BigDecimal scheduled = ticked == null ? null : fees.tableOf(body.id).ratesFor(MembershipTerms.firstFeeYear(receivedOn))
                .map(r -> ticked == FeeCategory.MEDICO_SOCIAL ? r.medicoSocial() : r.other()).orElse(null);
        BulletinTerms.check(ticked == null ? null : ticked == FeeCategory.MEDICO_SOCIAL,
                organisation.category.isMedicoSocial(), statedFee, scheduled);
    }

    private static MembershipBulletin bulletin(Membership m, LocalDate receivedOn, FeeCategory ticked, BigDecimal statedFee,
                                               String terms, ChorusReferences chorus) {
        MembershipBulletin b = new MembershipBulletin();
        b.id = UUID.randomUUID();
        b.membershipId = m.id;
        b.receivedOn = receivedOn;
        b.feeCategory = ticked;
        b.statedFee = statedFee;
        b.terms = terms == null || terms.isBlank() ? null : terms.trim();
        b.chorusLegalCommitment = chorus.legalCommitment();
        b.chorusServiceCode = chorus.serviceCode();
        b.recordedAt = Instant.now();
        return b;
    }

    /**
     * Corrects the membership's Chorus references (docs/rules.md, R-3), those of its latest bulletin: a value given
     * replaces the current one, a blank one clears it, an absent one keeps it.
     */
    @Transactional
    public MembershipView patch(UUID id, MembershipPatch patch, Long ifMatch) {
        Membership m = requireForUpdate(id);
        Versions.check(m.version, patch.version(), ifMatch);
        m.setChorus(m.chorus().corrected(patch.chorusLegalCommitment(), patch.chorusServiceCode()));
        // The current references are the latest bulletin's (docs/rules.md, R-15): the correction is that bulletin's.
        List<MembershipBulletin> history = recordedBulletins(m);
        MembershipBulletin latest = history.get(history.size() - 1);
        latest.chorusLegalCommitment = m.chorusLegalCommitment;
        latest.chorusServiceCode = m.chorusServiceCode;
        memberships.flush();
        return view(m);
    }

    @Transactional
    public PageResponse<MembershipView> list(UUID organisationId, String purchasingBody, LocalDate activeOn,
                                             PageRequest page) {
        Caller.Filter filter = caller.filterFor(organisationId); // an adherent lists only its own memberships
        if (filter.nothing()) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        UUID bodyId = null;
        if (purchasingBody != null && !purchasingBody.isBlank()) {
            bodyId = bodies.findByIdOrCode(purchasingBody)
                    .orElseThrow(() -> ProblemException.invalid("purchasingBody", "unknown purchasing body " + purchasingBody))
                    .id;
        }
        var query = memberships.search(filter.organisationId(), bodyId, activeOn);
        List<MembershipView> items = query.page(page.page(), page.size()).list().stream().map(this::view).toList();
        return new PageResponse<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public MembershipView get(UUID id) {
        return view(readable(id));
    }

    /** A registered non-renewal letter (RESAH): in time by 30 October, else one more year (D-1, D-7). */
    @Transactional
    public MembershipView nonRenewal(UUID id, NonRenewalRequest request) {
        Membership m = requireForUpdate(id);
        if (m.purchasingBody.renewal != RenewalModel.TACIT_YEARLY) {
            throw ProblemException.rule("NON_RENEWAL_NOT_APPLICABLE", m.purchasingBody.code
                    + " memberships are not renewed tacitly; they end by termination");
        }
        refuseIfEnding(m);
        refuseBeforeStart(m, request.receivedOn(), "receivedOn");
        m.nonRenewalReceivedOn = request.receivedOn();
        m.endsOn = MembershipTerms.endAfterNonRenewal(request.receivedOn());
        memberships.flush();
        return view(m);
    }

    /**
     * A termination (CAIH, La Fibre 59 62): it takes effect after the body's notice period (one month for
     * La Fibre) or at a later date chosen by the terminating party; the membership's last day is the eve.
     */
    @Transactional
    public MembershipView terminate(UUID id, TerminationRequest request) {
        Membership m = requireForUpdate(id);
        if (m.purchasingBody.renewal != RenewalModel.INDEFINITE) {
            throw ProblemException.rule("TERMINATION_NOT_APPLICABLE", m.purchasingBody.code
                    + " memberships end by a non-renewal letter, not a termination");
        }
        refuseIfEnding(m);
        refuseBeforeStart(m, request.notifiedOn(), "notifiedOn");
        int notice = m.purchasingBody.terminationNoticeMonths == null ? 0 : m.purchasingBody.terminationNoticeMonths;
        LocalDate earliest = MembershipTerms.earliestTermination(request.notifiedOn(), notice);
        LocalDate effectiveOn = request.effectiveOn() == null ? earliest : request.effectiveOn();
        if (effectiveOn.isBefore(earliest)) {
            throw ProblemException.rule("NOTICE_PERIOD_NOT_RESPECTED", m.purchasingBody.code + " requires "
                    + notice + " month(s) of notice: a termination notified on " + request.notifiedOn()
                    + " takes effect on " + earliest + " at the earliest", "effectiveOn");
        }
        if (!effectiveOn.isAfter(m.startsOn)) {
            throw ProblemException.rule("DATE_BEFORE_START", "The termination must take effect after the membership's start "
                    + m.startsOn, "effectiveOn");
        }
        m.terminationNotifiedOn = request.notifiedOn();
        m.terminationEffectiveOn = effectiveOn;
        m.endsOn = effectiveOn.minusDays(1);
        memberships.flush();
        return view(m);
    }

    /** The membership's billable items issued on or before {@code through} (default: end of next year). */
    @Transactional
    public List<BillableItem> schedule(UUID id, LocalDate through) {
        Membership m = readable(id);
        LocalDate until = through != null ? through : LocalDate.of(ParisClock.today(clock).getYear() + 1, 12, 31);
        return MembershipBillingSchedule.items(facts(m, fees.tableOf(m.purchasingBody.id),
                history(bulletins.ofMembership(m.id))), until, q1RunDay);
    }

    /**
     * The billing runs' feed: every membership's items due on or before {@code through}, a page of
     * memberships at a time, after the cursor (the last membership id of the previous page).
     */
    @Transactional
    public BillableItemPage billableItems(LocalDate through, UUID after, int size) {
        // A read: no snapshot to keep nor entity to dirty-check at commit (billing runs read every membership).
        memberships.getSession().setDefaultReadOnly(true);
        memberships.getSession().setHibernateFlushMode(FlushMode.MANUAL);
        Map<UUID, MembershipFeeTable> tables = fees.allTables();
        List<Membership> page = memberships.pageAfter(after, through, size);
        Map<UUID, BulletinHistory> histories = bulletins.historiesOf(page.stream().map(m -> m.id).toList());
        List<BillableItem> items = new ArrayList<>();
        for (Membership m : page) {
            MembershipFeeTable table = tables.getOrDefault(m.purchasingBody.id, new MembershipFeeTable(Map.of()));
            items.addAll(MembershipBillingSchedule.items(facts(m, table, histories.get(m.id)), through, q1RunDay));
        }
        UUID next = page.size() < size ? null : page.get(page.size() - 1).id;
        return new BillableItemPage(items, next);
    }

    /** @param history the recorded bulletins, or null when none is: the membership's own columns stand for its first one */
    private static MembershipBillingSchedule.Facts facts(Membership m, MembershipFeeTable table, BulletinHistory history) {
        return new MembershipBillingSchedule.Facts(m.id, m.organisation.id, m.organisation.category, m.kind,
                m.purchasingBody.code, m.purchasingBody.paymentTermDays, m.startsOn, m.endsOn, m.franchiseUntil(), table, document(m.purchasingBody),
                history != null ? history : new BulletinHistory(List.of(new BulletinHistory.Bulletin(m.bulletinReceivedOn, m.chorus()))));
    }

    /** RESAH's bulletin d'adhésion (tacit yearly renewal); the convention d'adhésion of the others (La Fibre, CAIH). */
    private static LegalBasis.Document document(PurchasingBody body) {
        return body.renewal == RenewalModel.TACIT_YEARLY ? LegalBasis.Document.BULLETIN : LegalBasis.Document.CONVENTION;
    }

    private MembershipView view(Membership m) {
        return MembershipView.of(m, ParisClock.today(clock));
    }

    /** The membership, when the caller may see it (an adherent only its own); else 404 as if unknown. */
    private Membership readable(UUID id) {
        Membership m = memberships.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Membership", id));
        caller.requireSees(m.organisation.id, "Membership", id);
        return m;
    }

    private Membership requireForUpdate(UUID id) {
        return memberships.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Membership", id));
    }

    private static void refuseIfEnding(Membership m) {
        if (m.endsOn != null) {
            throw ProblemException.conflict("MEMBERSHIP_ALREADY_ENDING", "This membership already ends on " + m.endsOn);
        }
    }

    private static void refuseBeforeStart(Membership m, LocalDate date, String field) {
        if (date.isBefore(m.startsOn)) {
            throw ProblemException.rule("DATE_BEFORE_START", field + " " + date + " is before the membership's start "
                    + m.startsOn, field);
        }
    }
}
