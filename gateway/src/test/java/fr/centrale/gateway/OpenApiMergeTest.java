package fr.centrale.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's /q/openapi merges the three services' documents and adds the bearer scheme. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class OpenApiMergeTest {

    private static final Map<String, String> DOCS = Map.of("/m", "membership.json", "/c", "convention.json", "/b", "billing.json");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer services;

    @BeforeEach
    void serveDocuments() throws IOException {
        services.resetAll();
        for (Map.Entry<String, String> doc : DOCS.entrySet()) {
            services.stubFor(get(urlPathEqualTo(doc.getKey() + "/q/openapi"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(read(doc.getValue()))));
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = OpenApiMergeTest.class.getResourceAsStream("/openapi/" + name)) {
            return in.readAllBytes();
        }
    }

    private static JsonNode merged() throws IOException {
        String body = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    @Test
    void containsEveryServicesPathsSchemasResponsesAndTags() throws IOException {
        JsonNode doc = merged();
        assertThat(names(doc.path("paths"))).contains("/api/v1/organisations", "/api/v1/organisations/{id}",
                "/api/v1/memberships", "/api/v1/offers", "/api/v1/conventions/{id}/orders", "/api/v1/billing-runs",
                "/api/v1/titres/{id}", "/api/v1/titres/export");
        assertThat(names(doc.path("paths"))).noneMatch(p -> p.contains("{path"));
        assertThat(names(doc.path("components").path("schemas")))
                .contains("Organisation", "OrganisationPage", "Problem", "OrderRequest", "BillingRun", "Titre");
        assertThat(names(doc.path("components").path("responses"))).contains("BadRequest", "NotFound", "Unprocessable");
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertThat(tags).contains("Organisations", "Memberships", "Conventions", "Offers", "Titres", "Billing runs");

        JsonNode scheme = doc.path("components").path("securitySchemes").path(MergedOpenApiFilter.SECURITY_SCHEME);
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(doc.path("security").toString()).contains(MergedOpenApiFilter.SECURITY_SCHEME);
        // One Authorize form in Swagger UI: the scheme every operation requires, and no other.
        assertThat(doc.path("components").path("securitySchemes").size()).isEqualTo(1);
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void noOperationOfAServiceIsMissing() throws IOException {
        JsonNode doc = merged();
        List<String> missing = new ArrayList<>();
        for (String file : DOCS.values()) {
            JsonNode service = JSON.readTree(read(file));
            service.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey())) {
                    return;
                }
                JsonNode there = doc.path("paths").path(path.getKey()).path(op.getKey());
                if (there.isMissingNode()
                        || !there.path("operationId").asText().equals(op.getValue().path("operationId").asText())) {
                    missing.add(file + ": " + op.getKey().toUpperCase() + " " + path.getKey());
                }
            }));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsLeftOutNotAnError() throws IOException {
        services.removeStub(services.getStubMappings().stream()
                .filter(s -> s.getRequest().getUrlPath() != null && s.getRequest().getUrlPath().startsWith("/b/"))
                .findFirst().orElseThrow());
        JsonNode doc = merged();
        assertThat(names(doc.path("paths"))).contains("/api/v1/organisations", "/api/v1/offers")
                .doesNotContain("/api/v1/billing-runs");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
