package fr.centrale.gateway;

import java.util.Map;
import java.util.Optional;

/** Which service owns which first path segment under {@code /api/v1}. */
public enum Route {

    MEMBERSHIP("membership-service"),
    CONVENTION("convention-service"),
    BILLING("billing-service");

    private static final Map<String, Route> BY_SEGMENT = Map.of(
            "purchasing-bodies", MEMBERSHIP,
            "organisations", MEMBERSHIP,
            "memberships", MEMBERSHIP,
            "contacts", MEMBERSHIP,
            "offers", CONVENTION,
            "conventions", CONVENTION,
            "billing-runs", BILLING,
            "titres", BILLING,
            "forecasts", BILLING);

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
