package fr.centrale.billing.client;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.web.PageResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The guarded remote calls to membership-service and convention-service. Fault-tolerance
 * annotations only work through the CDI interceptor, that is on a bean method called from another
 * bean: hence this bean, separate from {@link SourceDirectory} which calls it and turns what is left
 * of a failure into a 503.
 *
 * <p>Order applied by SmallRye: retry around circuit breaker around timeout. So every attempt has
 * its own timeout, and every attempt (not every directory call) counts in the breaker's window.
 *
 * <ul>
 *   <li>404 ({@link SourceServiceNotFound}) is a valid answer: not retried (abortOn), not a breaker
 *       failure (skipOn).</li>
 *   <li>An open breaker is not retried either: it would stay open for longer than the retry delays.</li>
 *   <li>Timeouts, connection failures and 5xx are retried twice, with a short delay. Every call is a
 *       GET, so retrying is safe.</li>
 *   <li>Timeouts: 2 s for a single read (an organisation, a purchasing body, one schedule), 5 s for
 *       bulk reads (a feed page of up to 1000 sources, a list page of up to 500), which the services
 *       compute source by source.</li>
 * </ul>
 *
 * <p>Every value can be changed without recompiling, per method (a key naming only the class would
 * override annotations placed on the class, not these), e.g.
 * {@code quarkus.fault-tolerance."fr.centrale.billing.client.SourceCalls/membershipItems".timeout.value=10000}
 * or, for every guarded method of the service, {@code quarkus.fault-tolerance.global.timeout.value=1000}.
 *
 * <p>Circuit breaker names must be unique per method in SmallRye, so each call has its own breaker:
 * a broken feed does not stop the reading of organisations, and the reverse.
 */
@ApplicationScoped
class SourceCalls {

    static final String ORGANISATION_BREAKER = "membership-service-organisations";
    static final String PURCHASING_BODY_BREAKER = "membership-service-purchasing-bodies";
    static final String MEMBERSHIP_ITEMS_BREAKER = "membership-service-billable-items";
    static final String MEMBERSHIPS_BREAKER = "membership-service-memberships";
    static final String MEMBERSHIP_SCHEDULE_BREAKER = "membership-service-billing-schedules";
    static final String CONVENTION_ITEMS_BREAKER = "convention-service-billable-items";
    static final String CONVENTIONS_BREAKER = "convention-service-conventions";
    static final String CONVENTION_SCHEDULE_BREAKER = "convention-service-billing-schedules";

    /** The guarded methods, as named in per-method fault-tolerance configuration keys. */
    static final List<String> METHODS = List.of("organisation", "purchasingBody", "membershipItems", "memberships",
            "membershipSchedule", "conventionItems", "conventions", "conventionSchedule");

    private final MembershipApi memberships;
    private final ConventionApi conventions;

    SourceCalls(@RestClient MembershipApi memberships, @RestClient ConventionApi conventions) {
        this.memberships = memberships;
        this.conventions = conventions;
    }

    // ---- membership-service ----

    /** @throws SourceServiceNotFound when membership-service does not know the organisation */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(ORGANISATION_BREAKER)
    RemoteViews.Organisation organisation(UUID id) {
        return memberships.organisation(id);
    }

    /** @throws SourceServiceNotFound when membership-service does not know the purchasing body */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(PURCHASING_BODY_BREAKER)
    RemoteViews.PurchasingBody purchasingBody(String code) {
        return memberships.purchasingBody(code);
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(MEMBERSHIP_ITEMS_BREAKER)
    BillableItemPage membershipItems(LocalDate through, UUID after, int size) {
        return memberships.billableItems(through.toString(), after, size);
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(MEMBERSHIPS_BREAKER)
    PageResponse<RemoteViews.Source> memberships(UUID organisationId, int page, int size) {
        return memberships.memberships(organisationId, page, size);
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(MEMBERSHIP_SCHEDULE_BREAKER)
    List<BillableItem> membershipSchedule(UUID membershipId, LocalDate through) {
        return memberships.schedule(membershipId, through.toString());
    }

    // ---- convention-service ----

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(CONVENTION_ITEMS_BREAKER)
    BillableItemPage conventionItems(LocalDate through, UUID after, int size) {
        return conventions.billableItems(through.toString(), after, size);
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(CONVENTIONS_BREAKER)
    PageResponse<RemoteViews.Source> conventions(UUID organisationId, int page, int size) {
        return conventions.conventions(organisationId, page, size);
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(CONVENTION_SCHEDULE_BREAKER)
    List<BillableItem> conventionSchedule(UUID conventionId) {
        return conventions.schedule(conventionId);
    }
}
