package fr.centrale.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** The billing-service is stopped (its URL names a closed port): 503 for its paths, the rest works. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, initArgs = @ResourceArg(name = "down", value = "billing"))
class ServiceDownTest {

    @InjectWireMock
    WireMockServer services;

    @Test
    void aStoppedServiceGivesA503AndTheGatewayStaysUp() {
        long start = System.nanoTime();
        given().auth().oauth2(TestKeys.admin()).when().get("/api/v1/titres")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", is("SERVICE_UNAVAILABLE")).body("status", is(503));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);

        services.stubFor(get(urlPathEqualTo("/m/api/v1/organisations"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"total\":0}")));
        given().auth().oauth2(TestKeys.admin()).when().get("/api/v1/organisations").then().statusCode(200).body("total", is(0));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
