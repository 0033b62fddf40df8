package fr.centrale.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the services are and how long the gateway waits for them. */
@ConfigMapping(prefix = "centrale.gateway")
public interface GatewayConfig {

    /** Base URL of the membership-service ({@code MEMBERSHIP_URL}). */
    @WithDefault("http://localhost:8081")
    String membershipUrl();

    /** Base URL of the convention-service ({@code CONVENTION_URL}). */
    @WithDefault("http://localhost:8082")
    String conventionUrl();

    /** Base URL of the billing-service ({@code BILLING_URL}). */
    @WithDefault("http://localhost:8083")
    String billingUrl();

    /** Time allowed to open a connection to a service: past it, 503. */
    @WithDefault("1s")
    Duration connectTimeout();

    /**
     * Time a service may stay silent once the request is sent (before its status, or between two parts
     * of its answer): past it, 504.
     */
    @WithDefault("10s")
    Duration readTimeout();

    /**
     * Connections kept open (keep-alive) to each service, hence requests in flight to it at once, shared evenly among
     * the event loops (each has its client: GatewayRouter); a request beyond its loop's share waits for a free one
     * ({@code GATEWAY_MAX_CONNECTIONS}).
     */
    @WithDefault("64")
    int maxConnections();

    /** How long the services' OpenAPI documents are kept before being fetched again. */
    @WithDefault("30s")
    Duration openapiCache();
}
