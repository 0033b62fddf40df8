package fr.centrale.billing.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.UUID;

/**
 * The guarded organisation lookup, as {@link SourceCalls} guards the other calls (the interceptor needs a
 * bean of its own): 5 s like the other bulk reads, two retries (a lookup writes nothing), its own breaker.
 * A 404/405 (no lookup on that membership-service) is an answer: not retried, not a breaker failure.
 */
@ApplicationScoped
class OrganisationLookupCalls {

    static final String LOOKUP_BREAKER = "membership-service-organisation-lookup";

    private final OrganisationLookupApi api;

    OrganisationLookupCalls(@RestClient OrganisationLookupApi api) {
        this.api = api;
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {SourceServiceNotFound.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            skipOn = SourceServiceNotFound.class)
    @CircuitBreakerName(LOOKUP_BREAKER)
    List<RemoteViews.Organisation> lookup(List<UUID> ids) {
        return api.lookup(new OrganisationLookupApi.Lookup(ids));
    }
}
