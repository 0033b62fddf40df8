package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * billing-service's webhooks across a crash: the packaged service delivers the titre feed to a WireMock subscriber
 * that answers slowly and fails once; billing-service is killed (SIGKILL) midway and started again on the same
 * database. Every event arrives, in feed order (an event may come twice, never out of order, never skipped), each
 * with a valid Standard Webhooks signature.
 */
class WebhookRestartIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(WebhookRestartIT.class);

    private static final int EVENTS = 24;
    private static final LocalDate AS_OF = LocalDate.of(2024, 1, 2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MembershipFeedStub FEED = new MembershipFeedStub();
    private static final UUID DEBTOR = UUID.randomUUID();

    private static Databases databases;
    private static WireMockServer sources;
    private static WireMockServer receiver;

    @BeforeAll
    static void start() {
        Centrale.runJar("billing-service");
        databases = Databases.start("billing");
        sources = FEED.startSources();
        String organisation = """
                {"id": "%s", "name": "Commune de Liévin", "siret": "21625100900013", "category": "COMMUNE",
                 "population": 30000, "address": {"street": "Hôtel de ville", "postalCode": "62800", "city": "Liévin"}}"""
                .formatted(DEBTOR);
        sources.stubFor(get(urlPathEqualTo("/api/v1/organisations/" + DEBTOR)).willReturn(okJson(organisation)));
        sources.stubFor(post(urlPathEqualTo("/api/v1/organisations/lookup")).willReturn(okJson("[" + organisation + "]")));
        FEED.serve(IntStream.range(0, EVENTS)
                .mapToObj(i -> new MembershipFeedStub.Item(UUID.randomUUID(), DEBTOR, AS_OF, "600.00")).toList());

        // The subscriber: 400 ms an answer; position 5 fails once (503) before it succeeds.
        receiver = new WireMockServer(options().bindAddress(ServiceProcess.HOST).dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(400)));
        receiver.stubFor(post(urlPathEqualTo("/hook")).withRequestBody(matchingJsonPath("$.data[?(@.position == 5)]"))
                .inScenario("fails once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("failed").atPriority(1));
    }

    @AfterAll
    static void stop() {
        services.stopAll();
        for (WireMockServer server : new WireMockServer[]{sources, receiver}) {
            if (server != null) {
                server.stop();
            }
        }
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void everyEventArrivesInOrderSignedAcrossAKill() throws Exception {
        ServiceProcess first = startBilling("billing-service");
        JsonApi api = new JsonApi(first, services.http());
        JsonNode subscriber = api.create("/api/v1/webhooks",
                Map.of("url", "http://" + ServiceProcess.HOST + ":" + receiver.port() + "/hook", "description", "restart test"));
        String id = subscriber.path("id").asText();
        String secret = subscriber.path("secret").asText();
        JsonNode run = api.send("POST", "/api/v1/billing-runs", Map.of("asOf", AS_OF), 201, Duration.ofMinutes(2));
        assertThat(run.path("issuedCount").asInt()).isEqualTo(EVENTS);

        awaitCursor(8, Duration.ofSeconds(60));
        first.process().destroyForcibly(); // SIGKILL: no graceful stop, a delivery may be in flight
        assertThat(first.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
        long cursorAtKill = databases.count("billing", "SELECT cursor_position FROM webhook_subscriber");
        assertThat(cursorAtKill).as("the kill came midway").isBetween(8L, EVENTS - 1L);
        System.out.printf("[system-tests] billing-service killed with the webhook cursor at %d of %d%n", cursorAtKill, EVENTS);

        ServiceProcess restarted = startBilling("billing-service-restarted");
        awaitCursor(EVENTS, Duration.ofSeconds(90));
        JsonApi api2 = new JsonApi(restarted, services.http());
        assertThat(api2.get("/api/v1/webhooks/" + id).path("status").asText()).isEqualTo("UP_TO_DATE");

        List<LoggedRequest> got = new ArrayList<>(receiver.findAll(postRequestedFor(urlPathEqualTo("/hook"))));
        got.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        List<Long> positions = new ArrayList<>();
        for (LoggedRequest r : got) {
            assertSigned(r, secret);
            positions.add(JSON.readTree(r.getBody()).path("data").path("position").asLong());
        }
        System.out.println("[system-tests] positions received: " + positions);
        assertThat(positions.stream().distinct().toList()).as("every event, in order")
                .isEqualTo(LongStream.rangeClosed(1, EVENTS).boxed().toList());
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i) - positions.get(i - 1)).as("from %d to %d: again or the next, never a skip nor back",
                    positions.get(i - 1), positions.get(i)).isBetween(0L, 1L);
        }
        assertThat(positions.stream().filter(p -> p == 5).count()).as("position 5: failed once, then delivered").isGreaterThanOrEqualTo(2);
        JsonNode deliveries = api2.get("/api/v1/webhooks/" + id + "/deliveries?size=500");
        for (JsonNode d : deliveries.path("items")) {
            assertThat(d.path("status").asText()).as("delivery %s", d).isEqualTo("SUCCEEDED");
        }
    }

    private static void awaitCursor(long position, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (databases.count("billing", "SELECT coalesce(max(cursor_position), 0) FROM webhook_subscriber") < position) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the webhook cursor did not reach " + position + " within " + timeout + services.logTails());
            }
            Thread.sleep(100);
        }
    }

    private static ServiceProcess startBilling(String logName) throws InterruptedException {
        Map<String, String> properties = new LinkedHashMap<>(databases.datasource("billing"));
        String stubs = "http://" + ServiceProcess.HOST + ":" + sources.port();
        properties.put("quarkus.rest-client.membership.url", stubs);
        properties.put("quarkus.rest-client.convention.url", stubs);
        properties.put("centrale.billing.cron", "off");
        properties.put("centrale.webhooks.every", "1s");
        properties.put("centrale.webhooks.retry.first", "1S");
        ServiceProcess billing = services.start("billing-service", logName, properties);
        services.awaitReady(billing);
        return billing;
    }

    /** A receiver's check, independent of billing-service's code. */
    private static void assertSigned(LoggedRequest r, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((r.getHeader("webhook-id") + "." + r.getHeader("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(r.getBody()));
        assertThat(r.getHeader("webhook-signature")).as("signature of %s", r.getHeader("webhook-id")).isEqualTo(expected);
    }
}
