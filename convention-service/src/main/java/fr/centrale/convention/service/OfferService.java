package fr.centrale.convention.service;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.organisation.Category;
import fr.centrale.common.problem.FieldError;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.Money;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.convention.Offer;
import fr.centrale.convention.OfferVatRate;
import fr.centrale.convention.TariffRow;
import fr.centrale.convention.api.CatalogueCsv;
import fr.centrale.convention.api.OfferFees;
import fr.centrale.convention.api.OfferRequest;
import fr.centrale.convention.api.OfferView;
import fr.centrale.convention.api.TariffRowRequest;
import fr.centrale.convention.api.VatRateView;
import fr.centrale.convention.domain.TariffLine;
import fr.centrale.convention.repository.OfferRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The offer catalogue. An offer's terms are never edited: a change is a new version under the same code,
 * the previous one is marked superseded and keeps its tariff rows untouched, because conventions stay on
 * the version they were signed under.
 */
@ApplicationScoped
public class OfferService {

    @Inject
    OfferRepository offers;

    @Transactional
    public PageResponse<OfferView> list(String purchasingBody, boolean includeSuperseded, PageRequest page) {
        var query = offers.search(purchasingBody, includeSuperseded);
        List<OfferView> items = query.page(Page.of(page.page(), page.size())).list().stream().map(OfferView::of).toList();
        return new PageResponse<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public OfferView get(String idOrCode) {
        return OfferView.of(require(idOrCode));
    }

    @Transactional
    public List<OfferView> versions(String idOrCode) {
        String code = offers.codeOf(idOrCode).orElseThrow(() -> ProblemException.notFound("Offer", idOrCode));
        return offers.versions(code).stream().map(OfferView::of).toList();
    }

    @Transactional
    public OfferView create(OfferRequest request) {
        checkGrid(request);
        String code = request.code();
        offers.lockCode(code);
        if (offers.codeExists(code)) {
            throw ProblemException.conflict("OFFER_EXISTS", "An offer " + code + " exists already; "
                    + "change its terms with POST /api/v1/offers/" + code + "/versions");
        }
        Offer offer = build(request, 1);
        offers.persist(offer);
        return OfferView.of(offer);
    }

    /** Adds a version of an offer's terms; the current one is superseded and otherwise left as it is. */
    @Transactional
    public OfferView newVersion(String idOrCode, OfferRequest request) {
        String code = offers.codeOf(idOrCode).orElseThrow(() -> ProblemException.notFound("Offer", idOrCode));
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must be the offer's code " + code + " (a new code is a new offer)");
        }
        checkGrid(request);
        offers.lockCode(code);
        Offer current = offers.findCurrent(code).orElseThrow(() -> ProblemException.notFound("Offer", idOrCode));
        int next = offers.lastVersion(code) + 1;
        current.superseded = true;
        // Before the insert: one version only may be current (offer_current_uq), and Hibernate would insert first.
        offers.flush();
        Offer offer = build(request, next);
        offers.persist(offer);
        return OfferView.of(offer);
    }

    @Transactional
    public String exportCsv(String purchasingBody) {
        return CatalogueCsv.write(offers.search(purchasingBody, false).list());
    }

    public Offer require(String idOrCode) {
        return offers.findByIdOrCode(idOrCode).orElseThrow(() -> ProblemException.notFound("Offer", idOrCode));
    }

    /** What Bean Validation cannot say about one field alone; every fault is reported at once. */
    static void checkGrid(OfferRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<TariffRowRequest> rows = request.tariffs();
        boolean bySize = rows.stream().anyMatch(r -> r.kind() == TariffLine.Kind.SIZE_CLASS);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            TariffRowRequest row = rows.get(i);
            String at = "tariffs[" + i + "].";
            boolean hasCategories = row.categories() != null && !row.categories().isEmpty();
            boolean hasBounds = row.min() != null || row.max() != null;
            if (!codes.add(row.code())) {
                errors.add(new FieldError(at + "code", "duplicate row code " + row.code()));
            }
            if (bySize && row.kind() != TariffLine.Kind.SIZE_CLASS) {
                errors.add(new FieldError(at + "kind", "a grid by size class (SIZE_CLASS rows) cannot mix other kinds of rows"));
            }
            switch (row.kind()) {
                case CATEGORY -> {
                    if (!hasCategories) {
                        errors.add(new FieldError(at + "categories", "is required for a CATEGORY row"));
                    } else if (hasBounds && !row.categories().equals(Set.of(Category.COMMUNE))) {
                        errors.add(new FieldError(at + "min", "population bounds apply to a row of COMMUNE only"));
                    }
                }
                case GROUP -> {
                    if (hasCategories) {
                        errors.add(new FieldError(at + "categories", "only CATEGORY rows list categories"));
                    }
                    if (row.min() == null || row.min() < 2) {
                        errors.add(new FieldError(at + "min", "a GROUP row needs min, 2 or more: a group has two beneficiaries at least"));
                    }
                }
                case SIZE_CLASS -> {
                    if (hasCategories) {
                        errors.add(new FieldError(at + "categories", "only CATEGORY rows list categories"));
                    }
                    if (!hasBounds) {
                        errors.add(new FieldError(at + "min", "a SIZE_CLASS row needs min or max (beds/places or employees)"));
                    }
                }
            }
            if (row.min() != null && row.max() != null && row.min() > row.max()) {
                errors.add(new FieldError(at + "max", "must be at least min (" + row.min() + ")"));
            }
        }
        if (!bySize && request.groupCap() != null) {
            errors.add(new FieldError("groupCap", "applies only to a grid by size class (SIZE_CLASS rows)"));
        }
        if (!bySize && request.localAuthorityAmount() != null) {
            errors.add(new FieldError("localAuthorityAmount", "applies only to a grid by size class (SIZE_CLASS rows)"));
        }
        checkTaxation(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** docs/rules.md, R-1: an offer before VAT states its rates (one per start date); one net of tax states none. */
    static void checkTaxation(OfferRequest request, List<FieldError> errors) {
        List<VatRateView> rates = request.vatRates() == null ? List.of() : request.vatRates();
        if (request.taxation() == BillableItem.Taxation.BEFORE_VAT && rates.isEmpty()) {
            errors.add(new FieldError("vatRates", "an offer before VAT states its VAT rate (and the date it is in force from)"));
        }
        if (request.taxation() != BillableItem.Taxation.BEFORE_VAT && !rates.isEmpty()) {
            errors.add(new FieldError("vatRates", "only an offer before VAT (taxation BEFORE_VAT) has VAT rates"));
        }
        Set<java.time.LocalDate> starts = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            if (rates.get(i) != null && rates.get(i).validFrom() != null && !starts.add(rates.get(i).validFrom())) {
                errors.add(new FieldError("vatRates[" + i + "].validFrom", "two rates start on " + rates.get(i).validFrom()));
            }
        }
    }

    private static Offer build(OfferRequest r, int offerVersion) {
        Offer o = new Offer();
        o.id = UUID.randomUUID();
        o.code = r.code();
        o.offerVersion = offerVersion;
        o.superseded = false;
        o.purchasingBody = r.purchasingBody();
        o.frameworkAgreement = r.frameworkAgreement().trim();
        o.lot = blankToNull(r.lot());
        o.formula = blankToNull(r.formula());
        o.title = r.title().trim();
        o.endsOn = r.endsOn();
        o.maxDurationMonths = r.maxDurationMonths();
        o.pricingModel = r.pricingModel();
        o.billedPerSubsequentMarket = Boolean.TRUE.equals(r.billedPerSubsequentMarket());
        o.paymentTermDays = r.paymentTermDays();
        o.terminationNoticeMonths = r.terminationNoticeMonths() == null ? 0 : r.terminationNoticeMonths();
        o.hasMaximumAmounts = Boolean.TRUE.equals(r.hasMaximumAmounts());
        o.beneficiariesMayPay = Boolean.TRUE.equals(r.beneficiariesMayPay());
        o.membershipRequired = Boolean.TRUE.equals(r.membershipRequired());
        o.eligibleCategories = join(r.eligibleCategories());
        o.eligibilityNote = blankToNull(r.eligibilityNote());
        OfferFees fees = r.fees();
        if (fees != null) {
            o.addBeneficiaryFee = Money.round(fees.addBeneficiary());
            o.increaseMaximumFee = Money.round(fees.increaseMaximum());
            o.increaseMaximumDueAtSignature = Boolean.TRUE.equals(fees.increaseMaximumDueAtSignature());
            o.tierChangeComplement = Boolean.TRUE.equals(fees.tierChangeComplement());
        }
        o.groupCap = Money.round(r.groupCap());
        o.localAuthorityAmount = Money.round(r.localAuthorityAmount());
        o.eligibilityList = r.eligibilityList();
        o.taxation = r.taxation() == null ? BillableItem.Taxation.NET_OF_TAX : r.taxation();
        if (r.vatRates() != null) {
            r.vatRates().stream().sorted(java.util.Comparator.comparing(VatRateView::validFrom))
                    .forEach(v -> o.vatRates.add(new OfferVatRate(v.validFrom(), v.rate().setScale(2))));
        }
        for (int i = 0; i < r.tariffs().size(); i++) {
            TariffRowRequest t = r.tariffs().get(i);
            TariffRow row = new TariffRow();
            row.id = UUID.randomUUID();
            row.offer = o;
            row.rank = i + 1;
            row.code = t.code();
            row.kind = t.kind();
            row.categories = join(t.categories());
            row.min = t.min();
            row.max = t.max();
            row.amount = Money.round(t.amount());
            row.label = t.label().trim();
            o.tariffs.add(row);
        }
        return o;
    }

    private static String join(Set<Category> categories) {
        return categories == null || categories.isEmpty() ? null
                : categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
