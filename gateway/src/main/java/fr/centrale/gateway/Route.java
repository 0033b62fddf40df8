package fr.centrale.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Map.entry;

/** Which service owns which first path segment under {@code /api/v1}. */
public enum Route {

    MEMBERSHIP("membership-service"),
    CONVENTION("convention-service"),
    BILLING("billing-service");

    /** One line per first segment: a new top-level resource of a service is one more line here. */
    private static final Map<String, Route> BY_SEGMENT = Map.ofEntries(
            entry("purchasing-bodies", MEMBERSHIP),
            entry("organisations", MEMBERSHIP),
            entry("memberships", MEMBERSHIP),
            entry("contacts", MEMBERSHIP),
            entry("offers", CONVENTION),
            entry("conventions", CONVENTION),
            entry("billing-runs", BILLING),
            entry("titres", BILLING),
            entry("forecasts", BILLING),
            entry("issuers", BILLING),
            entry("waived-items", BILLING),
            entry("mandates", BILLING),
            entry("budget-lines", BILLING),
            entry("bordereaux", BILLING),
            entry("ledger", BILLING),
            entry("webhooks", BILLING),
            entry("pes", BILLING));

    private final String serviceName;

    Route(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public static Optional<Route> ofSegment(String firstSegment) {
        return Optional.ofNullable(BY_SEGMENT.get(firstSegment));
    }

    /** The first segments this service owns (documentation, tests). */
    public SortedSet<String> segments() {
        SortedSet<String> segments = new TreeSet<>();
        BY_SEGMENT.forEach((segment, route) -> {
            if (route == this) {
                segments.add(segment);
            }
        });
        return segments;
    }

    /** The service's base URL, without a trailing slash. */
    public String baseUrl(GatewayConfig config) {
        String url = switch (this) {
            case MEMBERSHIP -> config.membershipUrl();
            case CONVENTION -> config.conventionUrl();
            case BILLING -> config.billingUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
