package fr.centrale.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Routing: method, body, query and headers go to the owning service; its answer comes back. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ProxyTest {

    @InjectWireMock
    WireMockServer services;

    @BeforeEach
    void reset() {
        services.resetAll();
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().oauth2(TestKeys.admin());
    }

    @Test
    void getGoesToTheOwningServiceWithQueryAndHeaders() {
        services.stubFor(get(urlPathEqualTo("/m/api/v1/organisations"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[],\"page\":0,\"size\":50,\"total\":0}")));

        Response response = asAdmin()
                .accept("application/json")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .header("X-Not-Forwarded", "x")
                .queryParam("siret", "200 072 460 00014")
                .queryParam("q", "Lille & Roubaix")
                .when().get("/api/v1/organisations")
                .then().statusCode(200).contentType("application/json").body("total", is(0))
                .extract().response();

        String requestId = response.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        services.verify(getRequestedFor(urlPathEqualTo("/m/api/v1/organisations"))
                .withQueryParam("siret", equalTo("200 072 460 00014"))
                .withQueryParam("q", equalTo("Lille & Roubaix"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .withHeader("X-Request-Id", equalTo(requestId))
                .withHeader("X-Centrale-User", equalTo("root"))
                .withHeader("X-Centrale-Roles", equalTo("admin"))
                .withoutHeader("X-Not-Forwarded")
                .withoutHeader("Authorization"));
    }

    @Test
    void eachFirstSegmentReachesItsService() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        for (String path : new String[]{"/m/api/v1/purchasing-bodies/RESAH", "/m/api/v1/organisations", "/m/api/v1/memberships",
                "/m/api/v1/contacts/1/personal-data", "/c/api/v1/offers", "/c/api/v1/conventions/1",
                "/b/api/v1/billing-runs", "/b/api/v1/titres/1", "/b/api/v1/forecasts",
                "/b/api/v1/issuers", "/b/api/v1/waived-items", "/b/api/v1/mandates/1", "/b/api/v1/budget-lines",
                "/b/api/v1/bordereaux/1", "/b/api/v1/ledger", "/b/api/v1/webhooks", "/b/api/v1/pes/1"}) {
            asAdmin().when().get(path.substring(2)).then().statusCode(200);
            services.verify(getRequestedFor(urlEqualTo(path)));
        }
    }

    @Test
    void everySegmentOfTheRouteTableReachesItsOwnService() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        java.util.Map<Route, String> prefixes = java.util.Map.of(Route.MEMBERSHIP, "/m", Route.CONVENTION, "/c", Route.BILLING, "/b");
        int segments = 0;
        for (Route route : Route.values()) {
            for (String segment : route.segments()) {
                asAdmin().when().get("/api/v1/" + segment + "/x").then().statusCode(200);
                services.verify(getRequestedFor(urlEqualTo(prefixes.get(route) + "/api/v1/" + segment + "/x")));
                segments++;
            }
        }
        assertThat(segments).isEqualTo(17);
        assertThat(Route.BILLING.segments()).contains("issuers", "waived-items", "mandates", "budget-lines", "bordereaux",
                "ledger", "webhooks", "pes");
    }

    @Test
    void postForwardsBodyAndIdempotencyKeyAndRewritesLocation() {
        services.stubFor(post(urlEqualTo("/m/api/v1/memberships"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", services.baseUrl() + "/m/api/v1/memberships/42")
                        .withHeader("Idempotent-Replayed", "true")
                        .withBody("{\"id\":\"42\",\"status\":\"ACTIVE\"}")));

        String body = "{\"organisationId\":\"7\",\"purchasingBody\":\"RESAH\",\"kind\":\"MEMBER\",\"bulletinReceivedOn\":\"2025-01-15\"}";
        asAdmin().contentType("application/json").header("Idempotency-Key", "k-1").header("X-Request-Id", "req-1")
                .body(body)
                .when().post("/api/v1/memberships")
                .then().statusCode(201)
                .header("Location", is(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/memberships/42"))
                .header("X-Request-Id", is("req-1"))
                .header("Idempotent-Replayed", is("true"))
                .body("status", is("ACTIVE"));

        services.verify(postRequestedFor(urlEqualTo("/m/api/v1/memberships"))
                .withRequestBody(equalToJson(body))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Idempotency-Key", equalTo("k-1"))
                .withHeader("X-Request-Id", equalTo("req-1")));
    }

    @Test
    void putPatchAndDeleteAreForwarded() {
        services.stubFor(put(urlEqualTo("/m/api/v1/purchasing-bodies/RESAH/membership-fees/2025"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        services.stubFor(patch(urlEqualTo("/m/api/v1/organisations/7"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"STALE_VERSION\"}")));
        services.stubFor(delete(urlEqualTo("/m/api/v1/contacts/3")).willReturn(aResponse().withStatus(204)));

        asAdmin().contentType("application/json").body("{\"medicoSocial\":300,\"other\":600}")
                .when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2025").then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json").header("If-Match", "\"3\"").body("{\"name\":\"x\"}")
                .when().patch("/api/v1/organisations/7")
                .then().statusCode(409).contentType("application/problem+json").body("code", is("STALE_VERSION"));
        asAdmin().when().delete("/api/v1/contacts/3").then().statusCode(204);

        services.verify(putRequestedFor(urlEqualTo("/m/api/v1/purchasing-bodies/RESAH/membership-fees/2025"))
                .withRequestBody(equalToJson("{\"medicoSocial\":300,\"other\":600}")));
        services.verify(patchRequestedFor(urlEqualTo("/m/api/v1/organisations/7"))
                .withHeader("If-Match", equalTo("\"3\""))
                .withHeader("Content-Type", matching("application/merge-patch\\+json.*"))
                .withRequestBody(equalToJson("{\"name\":\"x\"}")));
        services.verify(deleteRequestedFor(urlEqualTo("/m/api/v1/contacts/3")));
    }

    @Test
    void binaryAndCsvAnswersKeepTheirTypeAndDisposition() {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', 1, 2, (byte) 0xff};
        services.stubFor(get(urlEqualTo("/b/api/v1/titres/9")).withHeader("Accept", equalTo("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "inline; filename=\"titre-9.pdf\"").withBody(pdf)));
        services.stubFor(get(urlEqualTo("/b/api/v1/titres/export?year=2025"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv;charset=UTF-8")
                        .withHeader("Content-Disposition", "attachment; filename=\"titres-2025.csv\"")
                        .withHeader("X-Request-Id", "from-service")
                        .withBody("number;total\nR-1;10.00\n")));

        byte[] got = asAdmin().accept("application/pdf").when().get("/api/v1/titres/9")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", is("inline; filename=\"titre-9.pdf\""))
                .extract().asByteArray();
        assertThat(got).isEqualTo(pdf);

        String csv = asAdmin().when().get("/api/v1/titres/export?year=2025")
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", is("attachment; filename=\"titres-2025.csv\""))
                .header("X-Request-Id", is("from-service"))
                .extract().asString();
        assertThat(csv).isEqualTo("number;total\nR-1;10.00\n");
    }

    @Test
    void aSlowServiceGivesA504InBoundedTime() {
        services.stubFor(get(urlPathEqualTo("/b/api/v1/forecasts"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(8000).withBody("{}")));
        services.stubFor(get(urlPathEqualTo("/b/api/v1/titres")).willReturn(aResponse().withStatus(200).withBody("{}")));
        asAdmin().when().get("/api/v1/titres").then().statusCode(200); // warm-up: keys, clients, classes
        long start = System.nanoTime();
        asAdmin().when().get("/api/v1/forecasts?debtorId=1&year=2025")
                .then().statusCode(504).contentType("application/problem+json")
                .body("code", is("GATEWAY_TIMEOUT")).body("status", is(504))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000); // read timeout 2 s in tests, the service answers after 8 s
    }

    @Test
    void bodyAndQueryStringGoThroughByteForByte() {
        byte[] body = new byte[256 * 1024];
        new Random(42).nextBytes(body);
        byte[] answer = new byte[1024 * 1024];
        new Random(7).nextBytes(answer);
        String pathAndQuery = "/api/v1/titres/5/payments?note=a%2Fb+c%20d&x=%C3%A9&x=2&empty=&flag";
        services.stubFor(post(urlEqualTo("/b" + pathAndQuery))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(answer)));

        byte[] got = asAdmin().urlEncodingEnabled(false).contentType("application/octet-stream").body(body)
                .when().post(pathAndQuery)
                .then().statusCode(200).contentType("application/octet-stream")
                .extract().asByteArray();

        assertThat(got).isEqualTo(answer);
        services.verify(postRequestedFor(urlEqualTo("/b" + pathAndQuery))
                .withHeader("Content-Type", matching("application/octet-stream.*"))
                .withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void anEncodedPathIsForwardedRaw() {
        services.stubFor(get(urlEqualTo("/m/api/v1/purchasing-bodies/UGAP%20Nord%2F2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        asAdmin().urlEncodingEnabled(false).when().get("/api/v1/purchasing-bodies/UGAP%20Nord%2F2").then().statusCode(200);
        services.verify(getRequestedFor(urlEqualTo("/m/api/v1/purchasing-bodies/UGAP%20Nord%2F2")));
    }

    @Test
    void aServiceAnswering204WithoutBodyGives204WithoutBody() {
        services.stubFor(delete(urlEqualTo("/c/api/v1/conventions/1/orders/2"))
                .willReturn(aResponse().withStatus(204).withHeader("ETag", "\"4\"")));
        asAdmin().header("X-Request-Id", "req-204").when().delete("/api/v1/conventions/1/orders/2")
                .then().statusCode(204)
                .header("ETag", is("\"4\""))
                .header("X-Request-Id", is("req-204"))
                .header("Content-Type", nullValue())
                .body(is(emptyString()));
    }

    @Test
    void aServiceClosingTheConnectionGivesA503() {
        for (Fault fault : Fault.values()) {
            services.stubFor(get(urlEqualTo("/b/api/v1/titres/1")).willReturn(aResponse().withFault(fault)));
            asAdmin().when().get("/api/v1/titres/1")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("code", is("SERVICE_UNAVAILABLE"))
                    .body("detail", is("billing-service is unavailable; retry later"))
                    .header("X-Request-Id", notNullValue());
        }
        services.stubFor(get(urlEqualTo("/b/api/v1/titres/1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        asAdmin().when().get("/api/v1/titres/1").then().statusCode(200).body("id", is(1));
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        services.stubFor(get(urlPathMatching("/m/api/v1/organisations/.*"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(50).withHeader("Content-Type", "text/plain")
                        .withBody("{{request.path}} {{request.headers.X-Request-Id}}").withTransformers("response-template")));
        String admin = TestKeys.admin();
        ExecutorService clients = Executors.newFixedThreadPool(8); // WireMock answers a few at a time
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                answers.add(clients.submit(() -> given().auth().oauth2(admin).header("X-Request-Id", "req-" + n)
                        .when().get("/api/v1/organisations/" + n)
                        .then().statusCode(200).extract().asString()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("/m/api/v1/organisations/" + i + " req-" + i);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theHttpMetricsDoNotGetATagPerPath() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        for (int i = 0; i < 5; i++) {
            asAdmin().when().get("/api/v1/organisations/metric-" + i).then().statusCode(200);
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/{path}\"").doesNotContain("metric-3");
    }

    @Test
    void unknownRoutesAre404ProblemJson() {
        asAdmin().when().get("/api/v1/unknown/1").then().statusCode(404).contentType("application/problem+json")
                .body("code", is("NOT_FOUND"));
        asAdmin().when().post("/api/v1/").then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().get("/api/v1/titres/../../q/health").then().statusCode(404);
        asAdmin().urlEncodingEnabled(false).when().get("/api/v1/titres/%2e%2e/%2E%2E/q/health").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().when().get("/api/v1").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v2/titres").then().statusCode(404).contentType("application/problem+json");
        assertThat(services.getAllServeEvents()).isEmpty();
    }
}
