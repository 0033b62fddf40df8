package fr.centrale.billing.client;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.problem.DependencyUnavailable;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What billing-service reads from the services whose billable items it issues: debtors and issuers
 * (membership-service), the two billing feeds and the items of one debtor (membership-service and
 * convention-service). The one bean the rest of the service uses for it.
 *
 * <p>Either service may be down, slow or broken: {@link SourceCalls} already retried and maybe opened
 * a circuit breaker; what still fails here becomes a 503 {@code DEPENDENCY_UNAVAILABLE} problem, so
 * that callers answer "try again later" (or a billing run stops and is resumed later) rather than a
 * 500 or a wrong business answer. Only an unknown organisation or purchasing body (404) is an
 * answer: an empty Optional.
 */
@ApplicationScoped
public class SourceDirectory {


    /** How billing-service names itself to the sources ({@code X-Centrale-User}). */
    static final String CALLER = "billing-service";
    static final String MEMBERSHIP_SERVICE = "membership-service";
    static final String CONVENTION_SERVICE = "convention-service";

    /** Page size of the membership and convention lists: the largest both services accept. */
    static final int LIST_SIZE = 500;


    private static final Comparator<BillableItem> ITEM_ORDER = Comparator.comparing(BillableItem::issueOn)
            .thenComparing(BillableItem::sourceType)
            .thenComparing(i -> i.sourceId().toString())
            .thenComparingInt(BillableItem::sequence);

    private final SourceCalls calls;
    private final int listSize;

    @Inject
    SourceDirectory(SourceCalls calls) {
        this(calls, LIST_SIZE);
    }

    /** For tests: a smaller list page, to exercise the paging of lists. */
    SourceDirectory(SourceCalls calls, int listSize) {
        this.calls = calls;
        this.listSize = listSize;
    }

    /** The organisation as a titre's debtor, or empty when membership-service does not know it (404). */
    public Optional<DebtorSnapshot> debtor(UUID organisationId) {
        Objects.requireNonNull(organisationId, "organisationId");
        try {
            return Optional.ofNullable(calls.organisation(organisationId)).map(RemoteViews.Organisation::toSnapshot);
        } catch (SourceServiceNotFound e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unavailable(MEMBERSHIP_SERVICE, e);
        }
    }

    /** The purchasing body (code, or id) as a titre's issuer, or empty when membership-service does not know it (404). */
    public Optional<IssuerSnapshot> issuer(String purchasingBodyCode) {
        Objects.requireNonNull(purchasingBodyCode, "purchasingBodyCode");
        try {
            return Optional.ofNullable(calls.purchasingBody(purchasingBodyCode)).map(RemoteViews.PurchasingBody::toSnapshot);
        } catch (SourceServiceNotFound e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unavailable(MEMBERSHIP_SERVICE, e);
        }
    }

    /**
     * One page of membership-service's billing feed: the items issued on or before {@code through} of
     * up to {@code size} memberships after the cursor {@code after} (null for the first page). Pass
     * {@code nextCursor} as {@code after} until it is null; a page may be empty while it is not.
     */
    public BillableItemPage membershipItems(LocalDate through, UUID after, int size) {
        Objects.requireNonNull(through, "through");
        return page(guarded(MEMBERSHIP_SERVICE, () -> calls.membershipItems(through, after, size)));
    }

    /** One page of convention-service's billing feed; see {@link #membershipItems(LocalDate, UUID, int)}. */
    public BillableItemPage conventionItems(LocalDate through, UUID after, int size) {
        Objects.requireNonNull(through, "through");
        return page(guarded(CONVENTION_SERVICE, () -> calls.conventionItems(through, after, size)));
    }

    /**
     * Every item whose debtor is the organisation and issued on or before {@code through}: from the
     * billing schedules of its memberships and of the conventions it signed or benefits from (a
     * convention's schedule also holds the items of its other debtors, which are left out). Ordered by
     * issue date, then source and sequence. Empty for an organisation neither service knows.
     */
    public List<BillableItem> itemsOfDebtor(UUID organisationId, LocalDate through) {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(through, "through");
        List<BillableItem> items = new ArrayList<>();
        for (UUID membership : allSources(MEMBERSHIP_SERVICE, page -> calls.memberships(organisationId, page, listSize))) {
            items.addAll(guarded(MEMBERSHIP_SERVICE, () -> calls.membershipSchedule(membership, through)));
        }
        for (UUID convention : allSources(CONVENTION_SERVICE, page -> calls.conventions(organisationId, page, listSize))) {
            items.addAll(guarded(CONVENTION_SERVICE, () -> calls.conventionSchedule(convention)));
        }
        return items.stream()
                .filter(Objects::nonNull)
                .filter(i -> organisationId.equals(i.debtorId()))
                .filter(i -> i.issueOn() != null && !i.issueOn().isAfter(through))
                .distinct()
                .sorted(ITEM_ORDER)
                .toList();
    }

    /**
     * The ids of every source of a list, page after page until {@code total} is reached. A source
     * seen twice (the list moved between two pages) is kept once.
     */
    private Set<UUID> allSources(String service, Function<Integer, PageResponse<RemoteViews.Source>> list) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (int page = 0; ; page++) {
            int p = page;
            PageResponse<RemoteViews.Source> answer = guarded(service, () -> list.apply(p));
            List<RemoteViews.Source> sources = answer == null || answer.items() == null ? List.of() : answer.items();
            sources.stream().filter(Objects::nonNull).map(RemoteViews.Source::id).filter(Objects::nonNull).forEach(ids::add);
            if (sources.isEmpty() || (long) (page + 1) * listSize >= answer.total()) {
                return ids;
            }
        }
    }

    /**
     * A guarded call whose resource must exist: a 404 there means a wrong URL or version (or a source
     * listed a moment ago that no longer exists), not "none", so it is a 503 too.
     */
    private static <T> T guarded(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw unavailable(service, e);
        }
    }

    private static BillableItemPage page(BillableItemPage page) {
        if (page == null) {
            return new BillableItemPage(List.of(), null);
        }
        return page.items() == null ? new BillableItemPage(List.of(), page.nextCursor()) : page;
    }

    /** What is left of a failure after retries (or an open breaker): the caller should try again later. */
    private static ProblemException unavailable(String service, RuntimeException e) {
        return e instanceof SourceServiceNotFound
                ? DependencyUnavailable.of(service, e, "it answered HTTP 404", true)
                : DependencyUnavailable.of(service, e);
    }
}
