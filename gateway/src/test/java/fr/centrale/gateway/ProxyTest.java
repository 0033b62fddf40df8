package fr.centrale.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

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
                "/b/api/v1/billing-runs", "/b/api/v1/titres/1", "/b/api/v1/forecasts"}) {
            asAdmin().when().get(path.substring(2)).then().statusCode(200);
            services.verify(getRequestedFor(urlEqualTo(path)));
        }
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
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000); // read timeout 1 s in tests, the service answers after 8 s
    }

    @Test
    void unknownRoutesAre404ProblemJson() {
        asAdmin().when().get("/api/v1/unknown/1").then().statusCode(404).contentType("application/problem+json")
                .body("code", is("NOT_FOUND"));
        asAdmin().when().post("/api/v1/").then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().get("/api/v1/titres/../../q/health").then().statusCode(404);
        given().when().get("/api/v2/titres").then().statusCode(404).contentType("application/problem+json");
        assertThat(services.getAllServeEvents()).isEmpty();
    }
}
