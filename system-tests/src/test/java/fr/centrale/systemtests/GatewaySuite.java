package fr.centrale.systemtests;

import fr.centrale.testing.LocalTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as deployed: the three services requiring the identity the gateway forwards
 * ({@code centrale.identity.required=true}), and the gateway in front of them, checking tokens signed by
 * a local key pair ({@link LocalTokens}). Started by a test class in its {@code @BeforeAll}.
 */
final class GatewaySuite implements AutoCloseable {

    private final ServiceGroup services;
    private final Databases databases;
    private final ServiceProcess gateway;
    private final LocalTokens tokens;

    private GatewaySuite(ServiceGroup services, Databases databases, ServiceProcess gateway, LocalTokens tokens) {
        this.services = services;
        this.databases = databases;
        this.gateway = gateway;
        this.tokens = tokens;
    }

    static GatewaySuite start(ServiceGroup services) throws InterruptedException {
        List.of("membership-service", "convention-service", "billing-service", "gateway").forEach(Centrale::runJar);
        Databases databases = Databases.start("membership", "convention", "billing");
        LocalTokens tokens = LocalTokens.in(services.logDir().resolve("keys"));

        ServiceProcess ms = services.start("membership-service", "membership-service",
                required(databases.datasource("membership")));
        Map<String, String> cs = required(databases.datasource("convention"));
        cs.put("quarkus.rest-client.membership.url", ms.baseUrl());
        ServiceProcess csp = services.start("convention-service", "convention-service", cs);
        Map<String, String> bs = required(databases.datasource("billing"));
        bs.put("quarkus.rest-client.membership.url", ms.baseUrl());
        bs.put("quarkus.rest-client.convention.url", csp.baseUrl());
        bs.put("centrale.billing.cron", "off");
        ServiceProcess bsp = services.start("billing-service", "billing-service", bs);
        ServiceProcess gateway = services.start("gateway", "gateway", Map.of(
                "centrale.gateway.membership-url", ms.baseUrl(),
                "centrale.gateway.convention-url", csp.baseUrl(),
                "centrale.gateway.billing-url", bsp.baseUrl(),
                "mp.jwt.verify.publickey.location", tokens.publicKey().toString()));
        services.awaitReady(ms, csp, bsp, gateway);
        return new GatewaySuite(services, databases, gateway, tokens);
    }

    /** As in the deployment: a request without the gateway's identity headers is refused. */
    private static Map<String, String> required(Map<String, String> datasource) {
        Map<String, String> properties = new LinkedHashMap<>(datasource);
        properties.put("centrale.identity.required", "true");
        return properties;
    }

    ServiceProcess gateway() {
        return gateway;
    }

    String token(String role, String organisationId) {
        return tokens.token(role, organisationId);
    }

    /** The gateway's API with a token of {@code role} ({@code organisationId} for an adherent, else null). */
    JsonApi as(String role, String organisationId) {
        return new JsonApi(gateway, services.http())
                .with(Map.of("Authorization", "Bearer " + tokens.token(role, organisationId)));
    }

    @Override
    public void close() {
        services.stopAll();
        databases.close();
    }
}
