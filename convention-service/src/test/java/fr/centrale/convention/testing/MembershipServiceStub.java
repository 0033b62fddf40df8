package fr.centrale.convention.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A fake membership-service (WireMock on a free port) for the module's {@code @QuarkusTest}s, which
 * points {@code quarkus.rest-client.membership.url} at it. Registered for every test by
 * {@link TestResources}.
 *
 * <p>Out of the box it knows nothing: every organisation answers 404 (problem+json) and every
 * memberships query an empty page. Tests stub what they need with the static helpers, and call
 * {@link #reset()} (e.g. in {@code @BeforeEach}) to go back to that state. {@link #server()} gives the
 * WireMock server itself for anything else (faults, delays, request verification).
 */
public class MembershipServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String ORGANISATIONS = "/api/v1/organisations";
    public static final String MEMBERSHIPS = "/api/v1/memberships";

    /** Lower priority than the default (5), so that any specific stub wins over the defaults. */
    private static final int DEFAULTS_PRIORITY = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        WireMockServer started = new WireMockServer(wireMockConfig().dynamicPort());
        started.start();
        server = started;
        stubDefaults();
        return Map.of("quarkus.rest-client.membership.url", started.baseUrl());
    }

    @Override
    public void stop() {
        WireMockServer running = server;
        if (running != null) {
            running.stop();
            server = null;
        }
    }

    /** The running WireMock server. */
    public static WireMockServer server() {
        WireMockServer running = server;
        if (running == null) {
            throw new IllegalStateException("MembershipServiceStub is not started: is the test a @QuarkusTest?");
        }
        return running;
    }

    /** Forgets every stub and recorded request, then installs the defaults again (404, no membership). */
    public static void reset() {
        server().resetAll();
        stubDefaults();
    }

    /** membership-service knows this organisation (GET /api/v1/organisations/{id}). */
    public static void stubOrganisation(UUID id, String name, String category, Integer population,
                                        Integer headcount, String departement) {
        stubOrganisation(id, name, category, population, headcount, departement, "21620041600011");
    }

    /** The same, with a SIRET of its own (lists of potential beneficiaries, docs/rules.md R-12). */
    public static void stubOrganisation(UUID id, String name, String category, Integer population,
                                        Integer headcount, String departement, String siret) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "1 place de la Mairie");
        address.put("postalCode", departement == null ? "75001" : (departement + "000").substring(0, 5));
        address.put("city", "Ville");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("name", name);
        body.put("siret", siret);
        body.put("siren", "216200416");
        body.put("category", category);
        body.put("population", population);
        body.put("headcount", headcount);
        body.put("finess", null);
        body.put("address", address);
        body.put("departement", departement);
        body.put("chorus", null);
        body.put("contacts", List.of());
        body.put("createdAt", "2025-01-15T09:30:00Z");
        body.put("updatedAt", "2025-01-15T09:30:00Z");
        body.put("version", 0);
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(json(200, body)));
    }

    /**
     * The organisation holds one membership of this kind (MEMBER or THIRD_PARTY_BENEFICIARY) with the
     * purchasing body, whatever day is asked (activeOn is not matched).
     */
    public static void stubMember(UUID organisationId, String purchasingBody, String kind, String startsOn) {
        Map<String, Object> membership = new LinkedHashMap<>();
        membership.put("id", UUID.nameUUIDFromBytes((organisationId + "/" + purchasingBody).getBytes(StandardCharsets.UTF_8)).toString());
        membership.put("organisationId", organisationId.toString());
        membership.put("organisationName", "Organisation " + organisationId);
        membership.put("purchasingBody", purchasingBody);
        membership.put("kind", kind);
        membership.put("status", "ACTIVE");
        membership.put("bulletinReceivedOn", startsOn);
        membership.put("startsOn", startsOn);
        membership.put("version", 0);
        stubMemberships(organisationId, purchasingBody, List.of(membership));
    }

    /** The organisation holds no membership with the purchasing body, whatever day is asked. */
    public static void stubNoMembership(UUID organisationId, String purchasingBody) {
        stubMemberships(organisationId, purchasingBody, List.of());
    }

    private static void stubMemberships(UUID organisationId, String purchasingBody, List<Map<String, Object>> items) {
        server().stubFor(get(urlPathEqualTo(MEMBERSHIPS))
                .withQueryParam("organisationId", equalTo(organisationId.toString()))
                .withQueryParam("purchasingBody", equalTo(purchasingBody))
                .willReturn(json(200, page(items))));
    }

    private static void stubDefaults() {
        WireMockServer s = server();
        s.stubFor(get(urlPathMatching(ORGANISATIONS + "/.*")).atPriority(DEFAULTS_PRIORITY)
                .willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://centrale.example/problems/not-found", "title": "Not found", \
                                "status": 404, "detail": "Organisation does not exist", "code": "NOT_FOUND"}""")));
        s.stubFor(get(urlPathEqualTo(MEMBERSHIPS)).atPriority(DEFAULTS_PRIORITY)
                .willReturn(json(200, page(List.of()))));
    }

    private static Map<String, Object> page(List<Map<String, Object>> items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("page", 0);
        page.put("size", 50);
        page.put("total", items.size());
        return page;
    }

    private static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
