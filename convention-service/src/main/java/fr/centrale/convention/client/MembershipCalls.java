package fr.centrale.convention.client;

import fr.centrale.common.web.PageResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The guarded remote calls. Fault-tolerance annotations only work through the CDI interceptor, that
 * is on a bean method called from another bean: hence this bean, separate from
 * {@link MembershipDirectory} which calls it and turns what is left of a failure into a 503.
 *
 * <p>Order applied by SmallRye: retry around circuit breaker around timeout. So every attempt has
 * its own timeout, and every attempt (not every directory call) counts in the breaker's window.
 *
 * <ul>
 *   <li>404 ({@link MembershipServiceNotFound}) is a valid answer: not retried (abortOn), not a breaker
 *       failure (skipOn).</li>
 *   <li>An open breaker is not retried either: it would stay open for longer than the retry delays.</li>
 *   <li>Timeouts, connection failures and 5xx are retried twice, with a short delay.</li>
 * </ul>
 *
 * <p>Every value can be changed without recompiling, per method (a key naming only the class would
 * override annotations placed on the class, not these), e.g.
 * {@code quarkus.fault-tolerance."fr.centrale.convention.client.MembershipCalls/organisation".timeout.value=1000}
 * or, for every guarded method of the service, {@code quarkus.fault-tolerance.global.timeout.value=1000}.
 *
 * <p>Circuit breaker names must be unique per method in SmallRye, so each call has its own breaker.
 */
@ApplicationScoped
class MembershipCalls {

    static final String ORGANISATION_BREAKER = "membership-service-organisations";
    static final String MEMBERSHIPS_BREAKER = "membership-service-memberships";

    private final MembershipApi api;

    MembershipCalls(@RestClient MembershipApi api) {
        this.api = api;
    }

    /** @throws MembershipServiceNotFound when membership-service does not know the organisation */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {MembershipServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MembershipServiceNotFound.class)
    @CircuitBreakerName(ORGANISATION_BREAKER)
    OrganisationSummary organisation(UUID id) {
        return api.organisation(id);
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {MembershipServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = MembershipServiceNotFound.class)
    @CircuitBreakerName(MEMBERSHIPS_BREAKER)
    PageResponse<MembershipSummary> memberships(UUID organisationId, String purchasingBody, LocalDate day) {
        return api.memberships(organisationId, purchasingBody, day.toString());
    }
}
