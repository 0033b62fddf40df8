package fr.centrale.membership.service;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Versions;
import fr.centrale.membership.MembershipFee;
import fr.centrale.membership.PurchasingBody;
import fr.centrale.membership.RenewalModel;
import fr.centrale.membership.api.FeeScheduleRequest;
import fr.centrale.membership.api.FeeScheduleView;
import fr.centrale.membership.api.PurchasingBodyPatch;
import fr.centrale.membership.api.PurchasingBodyRequest;
import fr.centrale.membership.api.PurchasingBodyView;
import fr.centrale.membership.domain.FeeTaxation;
import fr.centrale.membership.domain.Franchise;
import fr.centrale.membership.domain.Siret;
import fr.centrale.membership.repository.MembershipFeeRepository;
import fr.centrale.membership.repository.PurchasingBodyRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurchasingBodyService {

    @Inject
    PurchasingBodyRepository bodies;

    @Inject
    MembershipFeeRepository fees;

    @Transactional
    public PageResponse<PurchasingBodyView> list(PageRequest page) {
        readOnly();
        var query = bodies.findAll(Sort.by("code"));
        List<PurchasingBodyView> items = query.page(page.page(), page.size()).list().stream()
                .map(PurchasingBodyView::of).toList();
        return new PageResponse<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public PurchasingBodyView get(String idOrCode) {
        readOnly();
        return PurchasingBodyView.of(require(idOrCode));
    }

    @Transactional
    public PurchasingBodyView create(PurchasingBodyRequest request) {
        if (bodies.findByIdOrCode(request.code()).isPresent()) {
            throw ProblemException.conflict("PURCHASING_BODY_EXISTS", "A purchasing body " + request.code() + " exists already");
        }
        PurchasingBody body = new PurchasingBody();
        body.id = UUID.randomUUID();
        body.code = request.code();
        body.name = request.name().trim();
        body.siret = checkedSiret(request.siret());
        body.street = request.address().street();
        body.postalCode = request.address().postalCode();
        body.city = request.address().city();
        body.paymentTermDays = request.paymentTermDays();
        body.renewal = request.renewal() == null ? RenewalModel.INDEFINITE : request.renewal();
        body.terminationNoticeMonths = request.terminationNoticeMonths();
        body.memberCategories = PurchasingBody.join(request.memberCategories());
        body.thirdPartyAllowed = Boolean.TRUE.equals(request.thirdPartyAllowed());
        body.territory = PurchasingBody.join(request.territory());
        body.court = request.court();
        bodies.persist(body);
        return PurchasingBodyView.of(body);
    }

    @Transactional
    public PurchasingBodyView patch(String idOrCode, PurchasingBodyPatch patch, Long ifMatch) {
        PurchasingBody body = require(idOrCode);
        Versions.check(body.version, patch.version(), ifMatch);
        if (patch.name() != null) {
            body.name = patch.name().trim();
        }
        if (patch.address() != null) {
            body.street = patch.address().street();
            body.postalCode = patch.address().postalCode();
            body.city = patch.address().city();
        }
        if (patch.paymentTermDays() != null) {
            body.paymentTermDays = patch.paymentTermDays();
        }
        if (patch.terminationNoticeMonths() != null) {
            body.terminationNoticeMonths = patch.terminationNoticeMonths();
        }
        if (patch.court() != null) {
            body.court = patch.court();
        }
        if (patch.franchise() != null) {
            if (patch.franchise().windowStart() == null || patch.franchise().years() == null) {
                throw ProblemException.invalid("franchise", "windowStart and years are both required");
            }
            body.franchiseWindowStart = patch.franchise().windowStart();
            body.franchiseYears = patch.franchise().years();
        }
        if (patch.franchiseEndsOn() != null) {
            if (body.franchiseWindowStart == null) {
                throw ProblemException.rule("FRANCHISE_WINDOW_MISSING", body.code + " has no franchise window: set `franchise` "
                        + "(windowStart and years) with its end", "franchiseEndsOn");
            }
            body.franchiseEndsOn = patch.franchiseEndsOn();
        }
        Franchise.checkEnd(body.franchiseWindowStart, body.franchiseEndsOn);
        bodies.flush();
        return PurchasingBodyView.of(body);
    }

    /** Sets one year's fees. Other years, and titres already issued, are untouched (D-8). */
    @Transactional
    public FeeScheduleView putFees(String idOrCode, int year, FeeScheduleRequest request) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        FeeTaxation taxation = FeeTaxation.of(request.taxation(), request.vatRate());
        PurchasingBody body = require(idOrCode);
        MembershipFee.Key key = new MembershipFee.Key();
        key.purchasingBodyId = body.id;
        key.year = year;
        MembershipFee fee = fees.findByIdOptional(key).orElseGet(() -> {
            MembershipFee created = new MembershipFee();
            created.purchasingBodyId = body.id;
            created.year = year;
            return created;
        });
        fee.medicoSocial = request.medicoSocial();
        fee.other = request.other();
        fee.taxation = taxation.taxation();
        fee.vatRate = taxation.vatRate();
        fee.decision = request.decision() == null || request.decision().isBlank() ? null : request.decision().trim();
        fee.updatedAt = Instant.now();
        fees.persist(fee);
        return FeeScheduleView.of(body.code, fee);
    }

    @Transactional
    public List<FeeScheduleView> fees(String idOrCode) {
        PurchasingBody body = require(idOrCode);
        return fees.ofBody(body.id).stream().map(f -> FeeScheduleView.of(body.code, f)).toList();
    }

    /** A read: what it loads is read-only and the transaction is never flushed (nothing to dirty-check at commit). */
    private void readOnly() {
        bodies.getSession().setDefaultReadOnly(true);
        bodies.getSession().setHibernateFlushMode(FlushMode.MANUAL);
    }

    public PurchasingBody require(String idOrCode) {
        return bodies.findByIdOrCode(idOrCode)
                .orElseThrow(() -> ProblemException.notFound("Purchasing body", idOrCode));
    }

    private static String checkedSiret(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String siret = Siret.normalize(input);
        String problem = Siret.problemWith(siret);
        if (problem != null) {
            throw ProblemException.rule("SIRET_INVALID", "SIRET " + input + ": " + problem, "siret");
        }
        return siret;
    }

    static String siretOrThrow(String input) {
        String siret = checkedSiret(input);
        if (siret == null) {
            throw ProblemException.invalid("siret", "must not be blank");
        }
        return siret;
    }
}
