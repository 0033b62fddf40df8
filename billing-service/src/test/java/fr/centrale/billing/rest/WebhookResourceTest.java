package fr.centrale.billing.rest;

import fr.centrale.common.identity.IdentityFilter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The webhook subscribers' API: registration (secret shown once), changes, deletion, replay, listings, refusals, roles. */
@QuarkusTest
class WebhookResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String URL = "https://sig.pasdecalais.fr/centrale/webhooks";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void noSubscriber() {
        Webhooks.execute(db, "DELETE FROM webhook_subscriber");
    }

    private static RequestSpecification as(String roles) {
        return given().header(IdentityFilter.USER, "someone@example.fr").header(IdentityFilter.ROLES, roles);
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private long subscribers() {
        return Webhooks.single(db, "SELECT count(*) FROM webhook_subscriber");
    }

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() throws Exception {
        var created = as("admin").contentType(ContentType.JSON)
                .body(body("url", URL, "description", "Pas-de-Calais", "eventTypes", List.of("issued", "PAYMENT", "ISSUED")))
                .when().post("/api/v1/webhooks").then().statusCode(201).contentType(ContentType.JSON)
                .body("url", equalTo(URL)).body("description", equalTo("Pas-de-Calais"))
                .body("eventTypes", equalTo(List.of("ISSUED", "PAYMENT"))).body("enabled", equalTo(true))
                .body("cursor", equalTo(0)).body("version", equalTo(0)).body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(created.header("Location")).endsWith("/api/v1/webhooks/" + id);
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);

        as("admin").when().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("id", equalTo(id)).body("eventTypes", equalTo(List.of("ISSUED", "PAYMENT")));
        as("admin").when().get("/api/v1/webhooks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0]", not(hasKey("secret")));
        String everything = as("admin").when().get("/api/v1/webhooks").asString() + as("admin").when().get("/api/v1/webhooks/" + id).asString();
        assertThat(everything).doesNotContain(secret.substring(6));

        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT secret FROM webhook_subscriber WHERE id = '" + id + "'")) {
            r.next();
            assertThat(r.getString(1)).startsWith("aesgcm:").doesNotContain(secret.substring(6));
        }
    }

    @Test
    void aNewSubscriberStartsWhereAskedAndNeverBeyondTheFeed() {
        long feed = Webhooks.feedPosition(db);
        as("admin").contentType(ContentType.JSON).body(body("url", URL, "fromPosition", feed + 1)).when().post("/api/v1/webhooks")
                .then().statusCode(201).body("cursor", equalTo((int) feed)).body("feedPosition", equalTo((int) feed))
                .body("status", equalTo("UP_TO_DATE"));
        as("admin").contentType(ContentType.JSON).body(body("url", URL, "fromPosition", feed + 2)).when().post("/api/v1/webhooks")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("POSITION_BEYOND_FEED"))
                .body("errors[0].field", equalTo("fromPosition"));
        assertThat(subscribers()).isEqualTo(1);
    }

    @Test
    void badRegistrationsAreRefusedAndWriteNothing() {
        record Case(Object body, int status, String code, String field) {
        }
        List<Case> cases = List.of(
                new Case(body("description", "no url"), 400, "INVALID_REQUEST", "url"),
                new Case(body("url", "   "), 400, "INVALID_REQUEST", "url"),
                new Case(body("url", "ftp://example.org/in"), 422, "INVALID_WEBHOOK_URL", "url"),
                new Case(body("url", "file:///etc/passwd"), 422, "INVALID_WEBHOOK_URL", "url"),
                new Case(body("url", "sig.pasdecalais.fr/hook"), 422, "INVALID_WEBHOOK_URL", "url"),
                new Case(body("url", "https://user:pw@example.org/hook"), 422, "INVALID_WEBHOOK_URL", "url"),
                new Case(body("url", URL, "eventTypes", List.of("ISSUED", "DELETED")), 422, "UNKNOWN_EVENT_TYPE", "eventTypes"),
                new Case(body("url", URL, "fromPosition", 0), 400, "INVALID_REQUEST", "fromPosition"),
                new Case(body("url", URL, "description", "x".repeat(201)), 400, null, null),
                new Case(body("url", URL, "enabled", "maybe"), 400, null, null),
                new Case("{\"url\": ", 400, null, null),
                new Case("", 400, null, null));
        for (Case c : cases) {
            var response = as("admin").contentType(ContentType.JSON).body(c.body()).when().post("/api/v1/webhooks").then()
                    .statusCode(c.status()).contentType(PROBLEM);
            if (c.code() != null) {
                response.body("code", equalTo(c.code())).body("errors[0].field", equalTo(c.field()));
            }
        }
        assertThat(subscribers()).isZero();
    }

    @Test
    void anAdminChangesDisablesAndDeletesASubscriber() {
        String id = as("admin").contentType(ContentType.JSON).body(body("url", URL)).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        as("admin").contentType(ContentType.JSON).body(body("url", URL + "/v2", "eventTypes", List.of("REDUCTION"), "enabled", false, "version", 0))
                .when().patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("url", equalTo(URL + "/v2")).body("eventTypes", equalTo(List.of("REDUCTION")))
                .body("enabled", equalTo(false)).body("status", equalTo("DISABLED")).body("version", equalTo(1));
        as("admin").contentType(ContentType.JSON).body(body("description", "stale", "version", 0))
                .when().patch("/api/v1/webhooks/" + id).then().statusCode(409).contentType(PROBLEM).body("code", equalTo("STALE_VERSION"));
        as("admin").contentType(ContentType.JSON).header("If-Match", "0").body(body("description", "stale"))
                .when().patch("/api/v1/webhooks/" + id).then().statusCode(409).contentType(PROBLEM);
        as("admin").contentType(ContentType.JSON).body(body("url", "gopher://example.org", "version", 1))
                .when().patch("/api/v1/webhooks/" + id).then().statusCode(422).body("code", equalTo("INVALID_WEBHOOK_URL"));
        as("admin").contentType(ContentType.JSON).body(body("eventTypes", List.of("REFUND"), "version", 1))
                .when().patch("/api/v1/webhooks/" + id).then().statusCode(422).body("code", equalTo("UNKNOWN_EVENT_TYPE"));
        as("admin").when().get("/api/v1/webhooks/" + id).then().body("url", equalTo(URL + "/v2")).body("version", equalTo(1))
                .body("description", equalTo(null));
        as("admin").contentType(ContentType.JSON).body(body("enabled", true, "eventTypes", List.of(), "version", 1))
                .when().patch("/api/v1/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true))
                .body("eventTypes", equalTo(List.of())).body("version", equalTo(2));

        as("admin").when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        as("admin").when().get("/api/v1/webhooks/" + id).then().statusCode(404).contentType(PROBLEM);
        as("admin").when().delete("/api/v1/webhooks/" + id).then().statusCode(404).contentType(PROBLEM);
        as("admin").contentType(ContentType.JSON).body(body("enabled", false)).when().patch("/api/v1/webhooks/" + id)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badReplaysAndListingsAreRefused() {
        long feed = Webhooks.feedPosition(db);
        String id = as("admin").contentType(ContentType.JSON).body(body("url", URL, "fromPosition", feed + 1)).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        as("admin").contentType(ContentType.JSON).body(body()).when().post("/api/v1/webhooks/" + id + "/replay")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("fromPosition"));
        as("admin").contentType(ContentType.JSON).body(body("fromPosition", 0)).when().post("/api/v1/webhooks/" + id + "/replay")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("fromPosition"));
        as("admin").contentType(ContentType.JSON).body(body("fromPosition", feed + 2)).when().post("/api/v1/webhooks/" + id + "/replay")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("CANNOT_SKIP_AHEAD"));
        as("admin").contentType(ContentType.JSON).body(body("fromPosition", 1)).when().post("/api/v1/webhooks/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType(PROBLEM);
        as("admin").contentType(ContentType.JSON).body(body("fromPosition", 1)).when().post("/api/v1/webhooks/not-an-id/replay")
                .then().statusCode(404).contentType(PROBLEM);
        as("admin").when().get("/api/v1/webhooks/" + id).then().body("cursor", equalTo((int) feed)).body("version", equalTo(0));

        as("admin").queryParam("status", "LOST").when().get("/api/v1/webhooks/" + id + "/deliveries").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        as("admin").queryParam("size", 501).when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(400).contentType(PROBLEM);
        as("admin").queryParam("page", -1).when().get("/api/v1/webhooks").then().statusCode(400).contentType(PROBLEM);
        as("admin").when().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404).contentType(PROBLEM);
        as("admin").queryParam("status", "SUCCEEDED").when().get("/api/v1/webhooks/" + id + "/deliveries").then()
                .statusCode(200).body("total", equalTo(0)).body("items", equalTo(List.of()));
    }

    @Test
    void onlyAdminsManageSubscribersAndFinanceReadsDeliveries() {
        String id = as("admin").contentType(ContentType.JSON).body(body("url", URL)).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        for (String roles : List.of("finance", "reader", "adherent")) {
            RequestSpecification r = as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString());
            r.when().get("/api/v1/webhooks").then().statusCode(403).contentType(PROBLEM);
            as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).when().get("/api/v1/webhooks/" + id)
                    .then().statusCode(403).contentType(PROBLEM);
            as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body("url", URL))
                    .when().post("/api/v1/webhooks").then().statusCode(403).contentType(PROBLEM);
            as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body(body("enabled", false)).when().patch("/api/v1/webhooks/" + id).then().statusCode(403).contentType(PROBLEM);
            as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body(body("fromPosition", 1)).when().post("/api/v1/webhooks/" + id + "/replay").then().statusCode(403).contentType(PROBLEM);
            as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).when().delete("/api/v1/webhooks/" + id)
                    .then().statusCode(403).contentType(PROBLEM);
        }
        as("finance").when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200);
        for (String roles : List.of("reader", "adherent")) {
            as(roles).header(IdentityFilter.ORGANISATION, UUID.randomUUID().toString()).when().get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        as("admin").when().get("/api/v1/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true)).body("version", equalTo(0));
        assertThat(subscribers()).isEqualTo(1);
    }

    @Test
    void everyWebhookOperationHasItsOwnOperationId() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().path("paths");
        Map<String, String> ids = new HashMap<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/webhooks")) {
                operations.forEach((method, operation) -> ids.put(method + " " + path, (String) operation.get("operationId")));
            }
        });
        assertThat(ids).containsOnly(
                Map.entry("post /api/v1/webhooks", "createWebhookSubscriber"),
                Map.entry("get /api/v1/webhooks", "listWebhookSubscribers"),
                Map.entry("get /api/v1/webhooks/{id}", "getWebhookSubscriber"),
                Map.entry("patch /api/v1/webhooks/{id}", "updateWebhookSubscriber"),
                Map.entry("delete /api/v1/webhooks/{id}", "deleteWebhookSubscriber"),
                Map.entry("post /api/v1/webhooks/{id}/replay", "replayWebhookDeliveries"),
                Map.entry("get /api/v1/webhooks/{id}/deliveries", "listWebhookDeliveries"));
    }
}
