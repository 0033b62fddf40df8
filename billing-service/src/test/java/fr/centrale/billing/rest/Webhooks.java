package fr.centrale.billing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import io.restassured.http.ContentType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Test helpers for webhooks: ledger events, subscribers, and a receiver's checks made independently of the
 * service's code (javax.crypto, and the README's shell check run with openssl).
 */
final class Webhooks {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The shell check of billing-service/README.md, "Webhooks", read from the README itself. */
    static String shellCheck() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("```sh\n", readme.indexOf("## Webhooks"));
        assertThat(from).as("the shell check in README.md").isPositive();
        return readme.substring(from + "```sh\n".length(), readme.indexOf("```", from + 5));
    }

    private Webhooks() {
    }

    /** Issues {@code n} titres (n ISSUED events, one debtor) and answers their ids, in issue order. */
    static List<String> issue(int n) {
        String issuer = Ledger.issuer(30, null);
        UUID debtor = Ledger.debtor("Commune de Lens");
        List<BillableItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Ledger.item(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(), 1, issuer, debtor, "Cotisation 2024 n° " + i,
                    "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        }
        SourceServicesStub.stubMembershipFeed(items);
        Ledger.run("2024-01-02").statusCode(201).body("issuedCount", equalTo(n));
        List<String> ids = given().queryParam("issuer", issuer).queryParam("size", 500).when().get("/api/v1/titres").then()
                .statusCode(200).extract().path("items.id");
        List<String> ordered = new ArrayList<>(ids);
        java.util.Collections.reverse(ordered); // newest first in the listing
        return ordered;
    }

    /** A payment on a titre: one PAYMENT event. */
    static void pay(String titreId, String amount) {
        given().contentType(ContentType.JSON).body(Map.of("amount", amount, "paidOn", "2024-01-20", "reference", "VIR-" + amount))
                .when().post("/api/v1/titres/" + titreId + "/payments").then().statusCode(201);
    }

    static long feedPosition(DataSource db) {
        return single(db, "SELECT coalesce(max(position), 0) FROM titre_event");
    }

    static long single(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a subscriber (as an admin, from {@code fromPosition}) and answers its {id, secret}. */
    static Map<String, Object> subscribe(String url, long fromPosition, List<String> types) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "fromPosition", fromPosition, "eventTypes", types, "description", "test"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().as(Map.class);
    }

    /** The POSTs a WireMock subscriber received at {@code path}, in the order received. */
    static List<LoggedRequest> received(WireMockServer server, String path) {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(postRequestedFor(urlPathEqualTo(path))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's check, written apart from the service's code: javax.crypto over "id.timestamp.body". */
    static void assertSigned(LoggedRequest request, String secret) {
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        String signature = request.getHeader("webhook-signature");
        assertThat(id).isNotBlank();
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp))).isLessThan(300);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.getBody()));
            assertThat(signature.split(" ")).as("webhook-signature of %s", id).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        try {
            assertThat(fromCentrale(secret, id, timestamp, request.getBody(), signature)).as("the README's Java check").isTrue();
            assertThat(fromCentrale(secret, id, timestamp, "{}".getBytes(StandardCharsets.UTF_8), signature)).as("another body").isFalse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- billing-service/README.md, "Webhooks", the Java check, word for word ----

    /** True when the request comes from Centrale: a v1 signature matches and the timestamp is recent. */
    static boolean fromCentrale(String secret, String id, String timestamp, byte[] body, String signatures) throws Exception {
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    /** The README's shell check, run with bash and openssl on one received request: "valid", or the reason it is not. */
    static String shellCheck(LoggedRequest request, String secret) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("webhook-check");
        try {
            Files.write(dir.resolve("body.json"), request.getBody());
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", shellCheck()).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("WEBHOOK_SECRET", secret);
            pb.environment().put("WEBHOOK_ID", request.getHeader("webhook-id"));
            pb.environment().put("WEBHOOK_TIMESTAMP", request.getHeader("webhook-timestamp"));
            pb.environment().put("WEBHOOK_SIGNATURE", request.getHeader("webhook-signature"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            return out;
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    static boolean hasOpenssl() {
        try {
            return new ProcessBuilder("bash", "-c", "command -v openssl").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
