package fr.centrale.billing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.centrale.billing.service.WebhookDispatcher;
import fr.centrale.billing.testing.SourceServicesStub;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static fr.centrale.billing.rest.Webhooks.assertSigned;
import static fr.centrale.billing.rest.Webhooks.body;
import static fr.centrale.billing.rest.Webhooks.feedPosition;
import static fr.centrale.billing.rest.Webhooks.issue;
import static fr.centrale.billing.rest.Webhooks.received;
import static fr.centrale.billing.rest.Webhooks.subscribe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Webhook deliveries to WireMock subscribers that fail, time out or answer slowly: every event arrives, in feed
 * order, signed, without skipping; attempts are counted and listed. The test profile retries after 1 s (doubling)
 * and gives up waiting for an answer after 1 s; the scheduler is off and rounds are run here.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static WireMockServer hooks;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void startSubscribers() {
        hooks = new WireMockServer(wireMockConfig().dynamicPort());
        hooks.start();
    }

    @AfterAll
    static void stopSubscribers() {
        hooks.stop();
    }

    @BeforeEach
    void noOtherSubscriber() {
        SourceServicesStub.reset();
        hooks.resetAll();
        Webhooks.execute(db, "DELETE FROM webhook_subscriber");
    }

    private String url(String path) {
        return hooks.baseUrl() + path;
    }

    @Test
    void aSubscriberFailingTwiceGetsEveryEventInOrderWithoutSkipping() throws Exception {
        long from = feedPosition(db) + 1;
        List<String> titres = issue(3);
        hooks.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("boom")).willSetStateTo("failed once"));
        hooks.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503).withBody("down for maintenance")).willSetStateTo("failed twice"));
        hooks.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(204)));
        Map<String, Object> s = subscribe(url("/flaky"), from, List.of());
        String id = (String) s.get("id");
        String secret = (String) s.get("secret");

        dispatcher.deliverDue();
        assertThat(received(hooks, "/flaky")).hasSize(1);
        given().when().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("status", equalTo("RETRYING")).body("cursor", equalTo((int) from - 1));
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].position", equalTo((int) from))
                .body("items[0].status", equalTo("RETRYING")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastHttpStatus", equalTo(500)).body("items[0].lastResponse", equalTo("boom"))
                .body("items[0].deliveredAt", nullValue());

        awaitCursor(id, from + 2, Duration.ofSeconds(20));
        List<LoggedRequest> got = received(hooks, "/flaky");
        assertThat(got.stream().map(r -> body(r).path("data").path("position").asLong()))
                .containsExactly(from, from, from, from + 1, from + 2);
        assertThat(got.subList(0, 3).stream().map(r -> r.getHeader("webhook-id")).distinct()).hasSize(1);
        assertThat(got.stream().map(r -> r.getHeader("webhook-id")).distinct()).hasSize(3);
        long firstWait = got.get(1).getLoggedDate().getTime() - got.get(0).getLoggedDate().getTime();
        long secondWait = got.get(2).getLoggedDate().getTime() - got.get(1).getLoggedDate().getTime();
        assertThat(firstWait).as("1 s after the first failure").isGreaterThanOrEqualTo(900);
        assertThat(secondWait).as("2 s after the second: the delay doubles").isGreaterThanOrEqualTo(1900);
        for (LoggedRequest r : got) {
            assertSigned(r, secret);
        }
        for (int i = 0; i < 3; i++) {
            JsonNode webhook = body(got.get(2 + i));
            long position = from + i;
            JsonNode pulled = Webhooks.JSON.readTree(given().queryParam("after", position - 1).queryParam("limit", 1)
                    .when().get("/api/v1/titres/events").then().statusCode(200).extract().asString()).path("items").path(0);
            assertThat(webhook.path("type").asText()).isEqualTo("titre.issued");
            assertThat(webhook.path("data").path("type").asText()).isEqualTo("ISSUED");
            assertThat(webhook.path("data").path("titreId").asText()).isEqualTo(pulled.path("titreId").asText()).isIn(titres);
            assertThat(webhook.path("timestamp").asText()).isEqualTo(pulled.path("occurredAt").asText());
            assertThat(webhook.path("data")).as("the pull feed's event at position %d", position).isEqualTo(pulled);
        }
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.position", equalTo(List.of((int) from + 2, (int) from + 1, (int) from)))
                .body("items.status", equalTo(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED")))
                .body("items.attempts", equalTo(List.of(1, 1, 3)))
                .body("items.lastHttpStatus", equalTo(List.of(204, 204, 204)));
        given().when().get("/api/v1/webhooks/" + id).then().body("status", equalTo("UP_TO_DATE")).body("nextAttemptAt", nullValue());

        assumeTrue(Webhooks.hasOpenssl(), "openssl is not installed: the README's shell check is not run");
        assertThat(Webhooks.shellCheck(got.get(4), secret)).isEqualTo("valid");
        assertThat(Webhooks.shellCheck(got.get(4), "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .as("another secret").isEqualTo("INVALID");
    }

    @Test
    void aSubscriberThatTimesOutIsRetriedAndTheRoundIsBounded() throws Exception {
        long from = feedPosition(db) + 1;
        issue(1);
        hooks.stubFor(post(urlPathEqualTo("/timeout")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        Map<String, Object> s = subscribe(url("/timeout"), from, List.of());
        String id = (String) s.get("id");

        long started = System.nanoTime();
        dispatcher.deliverDue();
        long took = (System.nanoTime() - started) / 1_000_000;
        assertThat(took).as("ms: the read timeout (1 s) ends the attempt").isLessThan(4500);
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("RETRYING")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastHttpStatus", nullValue())
                .body("items[0].lastResponse", org.hamcrest.Matchers.startsWith("timed out"));

        hooks.resetAll();
        hooks.stubFor(post(urlPathEqualTo("/timeout")).willReturn(aResponse().withStatus(200).withBody("ok")));
        String subscriber = "'" + id + "'";
        Webhooks.execute(db, "UPDATE webhook_subscriber SET next_attempt_at = now() + interval '1 hour' WHERE id = " + subscriber);
        dispatcher.deliverDue();
        assertThat(received(hooks, "/timeout")).as("nothing before the back-off's next attempt").isEmpty();
        Webhooks.execute(db, "UPDATE webhook_subscriber SET next_attempt_at = now() WHERE id = " + subscriber);
        awaitCursor(id, from, Duration.ofSeconds(10));
        List<LoggedRequest> got = received(hooks, "/timeout");
        assertThat(got).hasSize(1);
        assertSigned(got.get(0), (String) s.get("secret"));
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then()
                .body("total", equalTo(1)).body("items[0].status", equalTo("SUCCEEDED")).body("items[0].attempts", equalTo(2))
                .body("items[0].lastResponse", equalTo("ok"));
    }

    @Test
    void aSubscriberThatCannotBeReachedIsRetriedWithoutBlockingAnother() {
        long from = feedPosition(db) + 1;
        issue(1);
        hooks.stubFor(post(urlPathEqualTo("/up")).willReturn(aResponse().withStatus(200)));
        String gone;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            gone = "http://127.0.0.1:" + closed.getLocalPort() + "/hook"; // nothing listens there once closed
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String down = (String) subscribe(gone, from, List.of()).get("id");
        String up = (String) subscribe(url("/up"), from, List.of()).get("id");

        dispatcher.deliverDue();

        given().when().get("/api/v1/webhooks/" + down + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("RETRYING")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastHttpStatus", nullValue())
                .body("items[0].lastResponse", org.hamcrest.Matchers.startsWith("could not connect"));
        given().when().get("/api/v1/webhooks/" + down).then().body("cursor", equalTo((int) from - 1)).body("status", equalTo("RETRYING"));
        given().when().get("/api/v1/webhooks/" + up).then().body("cursor", equalTo((int) from)).body("status", equalTo("UP_TO_DATE"));
        assertThat(received(hooks, "/up")).hasSize(1);
    }

    @Test
    void aSlowSubscriberDelaysNoOther() throws Exception {
        long from = feedPosition(db) + 1;
        issue(3);
        hooks.stubFor(post(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(700)));
        hooks.stubFor(post(urlPathEqualTo("/fast")).willReturn(aResponse().withStatus(200)));
        Map<String, Object> slow = subscribe(url("/slow"), from, List.of());
        Map<String, Object> fast = subscribe(url("/fast"), from, List.of());

        long started = System.nanoTime();
        List<Future<?>> round = dispatcher.dispatch();
        await(() -> received(hooks, "/fast").size() == 3, Duration.ofSeconds(10));
        long fastDone = (System.nanoTime() - started) / 1_000_000;
        int slowSoFar = received(hooks, "/slow").size();
        for (Future<?> f : round) {
            f.get();
        }
        assertThat(fastDone).as("ms for the fast subscriber's 3 events: less than the slow one's 3 × 700 ms").isLessThan(2100);
        assertThat(slowSoFar).as("the slow one's deliveries meanwhile").isLessThan(3);
        for (String path : List.of("/slow", "/fast")) {
            List<LoggedRequest> got = received(hooks, path);
            assertThat(got.stream().map(r -> body(r).path("data").path("position").asLong())).containsExactly(from, from + 1, from + 2);
            got.forEach(r -> assertSigned(r, (String) (path.equals("/slow") ? slow : fast).get("secret")));
        }
    }

    @Test
    void aFilteredOutEventIsPassedOverWithoutAPost() {
        long from = feedPosition(db) + 1;
        List<String> titres = issue(2);
        Webhooks.pay(titres.get(0), "100.00");
        hooks.stubFor(post(urlPathEqualTo("/payments")).willReturn(aResponse().withStatus(200)));
        hooks.stubFor(post(urlPathEqualTo("/cancellations")).willReturn(aResponse().withStatus(200)));
        Map<String, Object> payments = subscribe(url("/payments"), from, List.of("payment"));
        Map<String, Object> cancellations = subscribe(url("/cancellations"), from, List.of("CANCELLATION"));

        dispatcher.deliverDue();

        List<LoggedRequest> got = received(hooks, "/payments");
        assertThat(got).hasSize(1);
        JsonNode webhook = body(got.get(0));
        assertThat(webhook.path("type").asText()).isEqualTo("titre.payment");
        assertThat(webhook.path("data").path("position").asLong()).isEqualTo(from + 2);
        assertThat(webhook.path("data").path("titre").path("paidAmount").decimalValue()).isEqualByComparingTo("100.00");
        assertSigned(got.get(0), (String) payments.get("secret"));
        assertThat(received(hooks, "/cancellations")).isEmpty();
        for (Map<String, Object> s : List.of(payments, cancellations)) {
            given().when().get("/api/v1/webhooks/" + s.get("id")).then().statusCode(200)
                    .body("cursor", equalTo((int) from + 2)).body("status", equalTo("UP_TO_DATE"));
        }
        given().when().get("/api/v1/webhooks/" + payments.get("id") + "/deliveries").then().body("total", equalTo(1));
        given().when().get("/api/v1/webhooks/" + cancellations.get("id") + "/deliveries").then().body("total", equalTo(0));
    }

    @Test
    void aReplayDeliversAgainFromAPositionWithTheSameIds() {
        long from = feedPosition(db) + 1;
        issue(3);
        hooks.stubFor(post(urlPathEqualTo("/mirror")).willReturn(aResponse().withStatus(200)));
        Map<String, Object> s = subscribe(url("/mirror"), from, List.of());
        String id = (String) s.get("id");
        dispatcher.deliverDue();
        assertThat(received(hooks, "/mirror")).hasSize(3);

        given().contentType(ContentType.JSON).body(Map.of("fromPosition", from + 3)).when().post("/api/v1/webhooks/" + id + "/replay")
                .then().statusCode(200).body("cursor", equalTo((int) from + 2));
        given().contentType(ContentType.JSON).body(Map.of("fromPosition", from + 1)).when().post("/api/v1/webhooks/" + id + "/replay")
                .then().statusCode(200).body("cursor", equalTo((int) from)).body("status", equalTo("DELIVERING"));
        dispatcher.deliverDue();

        List<LoggedRequest> got = received(hooks, "/mirror");
        assertThat(got.stream().map(r -> body(r).path("data").path("position").asLong()))
                .containsExactly(from, from + 1, from + 2, from + 1, from + 2);
        assertThat(got.get(3).getHeader("webhook-id")).isEqualTo(got.get(1).getHeader("webhook-id"));
        assertThat(got.get(4).getHeader("webhook-id")).isEqualTo(got.get(2).getHeader("webhook-id"));
        got.forEach(r -> assertSigned(r, (String) s.get("secret")));
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().body("total", equalTo(5))
                .body("items.position", equalTo(List.of((int) from + 2, (int) from + 1, (int) from + 2, (int) from + 1, (int) from)));
    }

    @Test
    void aReplaySupersedesAFailingDeliveryAndTriesAtOnce() {
        long from = feedPosition(db) + 1;
        issue(1);
        hooks.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(502)));
        Map<String, Object> s = subscribe(url("/down"), from, List.of());
        String id = (String) s.get("id");
        dispatcher.deliverDue();
        given().when().get("/api/v1/webhooks/" + id).then().body("status", equalTo("RETRYING"));

        hooks.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(200)));
        given().contentType(ContentType.JSON).body(Map.of("fromPosition", from)).when().post("/api/v1/webhooks/" + id + "/replay")
                .then().statusCode(200).body("status", equalTo("DELIVERING")).body("nextAttemptAt", nullValue());
        dispatcher.deliverDue();
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().body("total", equalTo(2))
                .body("items.status", equalTo(List.of("SUCCEEDED", "SUPERSEDED")))
                .body("items.attempts", equalTo(List.of(1, 1)));
        given().when().get("/api/v1/webhooks/" + id).then().body("cursor", equalTo((int) from)).body("status", equalTo("UP_TO_DATE"));
    }

    @Test
    void aDisabledSubscriberReceivesNothingUntilEnabledAgain() {
        long from = feedPosition(db) + 1;
        issue(2);
        hooks.stubFor(post(urlPathEqualTo("/paused")).willReturn(aResponse().withStatus(200)));
        Map<String, Object> s = subscribe(url("/paused"), from, List.of());
        String id = (String) s.get("id");
        given().contentType(ContentType.JSON).body(Map.of("enabled", false, "version", 0)).when().patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("status", equalTo("DISABLED"));
        dispatcher.deliverDue();
        assertThat(received(hooks, "/paused")).isEmpty();
        given().contentType(ContentType.JSON).body(Map.of("enabled", true, "version", 1)).when().patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("status", equalTo("DELIVERING"));
        dispatcher.deliverDue();
        assertThat(received(hooks, "/paused").stream().map(r -> body(r).path("data").path("position").asLong()))
                .containsExactly(from, from + 1);
    }

    /**
     * What a restart relies on: the worker keeps nothing in memory; it reads the cursor from the database. A cursor
     * committed by an earlier process (set here in SQL) is where delivery resumes, and a subscriber whose advisory lock
     * another connection (another replica) holds is left alone until that lock is released.
     */
    @Test
    void deliveryResumesFromTheCursorInTheDatabaseAndOneReplicaAtATime() throws Exception {
        long from = feedPosition(db) + 1;
        issue(3);
        hooks.stubFor(post(urlPathEqualTo("/resume")).willReturn(aResponse().withStatus(200)));
        Map<String, Object> s = subscribe(url("/resume"), from, List.of());
        String id = (String) s.get("id");
        Webhooks.execute(db, "UPDATE webhook_subscriber SET cursor_position = " + (from + 1) + " WHERE id = '" + id + "'");

        try (Connection otherReplica = db.getConnection()) {
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, 0x57484B31);
                lock.setString(2, id);
                lock.executeQuery().close();
            }
            dispatcher.deliverDue();
            assertThat(received(hooks, "/resume")).as("while another replica holds the subscriber").isEmpty();
            try (PreparedStatement unlock = otherReplica.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                unlock.setInt(1, 0x57484B31);
                unlock.setString(2, id);
                unlock.executeQuery().close();
            }
        }
        dispatcher.deliverDue();
        List<LoggedRequest> got = received(hooks, "/resume");
        assertThat(got.stream().map(r -> body(r).path("data").path("position").asLong())).containsExactly(from + 2);
        assertThat(Webhooks.single(db, "SELECT cursor_position FROM webhook_subscriber WHERE id = '" + id + "'")).isEqualTo(from + 2);
    }

    private void awaitCursor(String id, long position, Duration timeout) throws InterruptedException {
        await(() -> {
            dispatcher.deliverDue();
            return Webhooks.single(db, "SELECT cursor_position FROM webhook_subscriber WHERE id = '" + id + "'") >= position;
        }, timeout);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
