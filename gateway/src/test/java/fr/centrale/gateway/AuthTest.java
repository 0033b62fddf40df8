package fr.centrale.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Bearer JWT and roles, decided at the gateway; refusals are problem+json and reach no service. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class AuthTest {

    private static final String OWN = "11111111-1111-1111-1111-111111111111";
    private static final String OTHER = "22222222-2222-2222-2222-222222222222";

    @InjectWireMock
    WireMockServer services;

    @BeforeEach
    void reset() {
        services.resetAll();
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void aTokenIsCheckedOnceThenRememberedButAForgedOneNeverPasses() throws Exception {
        assertThat(parser).as("smallrye-jwt checks tokens with the gateway's parser").isInstanceOf(CachingJwtParser.class);
        String token = Jwt.issuer("centrale").upn("reader@centrale.local").groups(Set.of("reader")).sign(TestKeys.privateKey());
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
        given().auth().oauth2(token).when().get("/api/v1/titres").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/titres").then().statusCode(200);

        // Same header and claims with more rights, under the signature of the remembered token: refused.
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"reader\"]", "\"admin\"]");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(claims).contains("\"admin\"]");
        given().auth().oauth2(forged).when().post("/api/v1/billing-runs").then().statusCode(401);
        services.verify(0, postRequestedFor(urlEqualTo("/api/v1/billing-runs")));
    }

    @Test
    void noTokenOrABadTokenIs401ProblemJson() {
        given().when().get("/api/v1/titres").then().statusCode(401).contentType("application/problem+json")
                .body("code", is("UNAUTHORIZED")).header("WWW-Authenticate", is("Bearer"));
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/titres").then().statusCode(401)
                .contentType("application/problem+json");
        String otherIssuer = Jwt.issuer("someone-else").upn("eve").groups(Set.of("admin")).sign(TestKeys.privateKey());
        given().auth().oauth2(otherIssuer).when().get("/api/v1/titres").then().statusCode(401)
                .contentType("application/problem+json");
        String expired = Jwt.issuer("centrale").upn("old").groups(Set.of("admin"))
                .issuedAt(1_600_000_000L).expiresAt(1_600_000_600L).sign(TestKeys.privateKey());
        given().auth().oauth2(expired).when().get("/api/v1/titres").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void everyRefusedTokenGetsTheSameChallengeAndItsRequestId() {
        String expired = Jwt.issuer("centrale").upn("old").groups(Set.of("admin"))
                .issuedAt(1_600_000_000L).expiresAt(1_600_000_600L).sign(TestKeys.privateKey());
        for (String token : new String[]{"not-a-jwt", expired}) {
            given().auth().oauth2(token).header("X-Request-Id", "req-401").contentType("application/json").body("{}")
                    .when().post("/api/v1/organisations")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", is("Bearer"))
                    .header("X-Request-Id", is("req-401"))
                    .body("code", is("UNAUTHORIZED"))
                    .body("detail", is("The bearer token is invalid or expired"));
        }
        given().header("X-Request-Id", "req-401").when().delete("/api/v1/contacts/1")
                .then().statusCode(401).header("WWW-Authenticate", is("Bearer")).header("X-Request-Id", is("req-401"))
                .body("detail", is("A bearer token is required"));
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void readerReadsButCannotWrite() {
        String reader = TestKeys.token("rita", "reader");
        given().auth().oauth2(reader).when().get("/api/v1/conventions").then().statusCode(200);
        given().auth().oauth2(reader).contentType("application/json").body("{}")
                .when().post("/api/v1/billing-runs").then().statusCode(403).contentType("application/problem+json")
                .body("code", is("FORBIDDEN"));
        given().auth().oauth2(reader).when().delete("/api/v1/contacts/1").then().statusCode(403);
        services.verify(0, postRequestedFor(anyUrl()));
        services.verify(getRequestedFor(urlEqualTo("/c/api/v1/conventions")).withHeader("X-Centrale-Roles", equalTo("reader")));
    }

    @Test
    void financeRunsBillingAndRecordsPaymentsButNothingElse() {
        String finance = TestKeys.token("fanny", "finance");
        given().auth().oauth2(finance).contentType("application/json").body("{\"dryRun\":true}")
                .when().post("/api/v1/billing-runs").then().statusCode(200);
        services.verify(postRequestedFor(urlEqualTo("/b/api/v1/billing-runs"))
                .withHeader("X-Centrale-User", equalTo("fanny")).withHeader("X-Centrale-Roles", equalTo("finance")));
        given().auth().oauth2(finance).contentType("application/json").body("{}")
                .when().post("/api/v1/titres/5/payments").then().statusCode(200);
        given().auth().oauth2(finance).contentType("application/json").body("{}")
                .when().post("/api/v1/titres/5/cancellation").then().statusCode(200);
        given().auth().oauth2(finance).when().get("/api/v1/titres/export?year=2025").then().statusCode(200);
        given().auth().oauth2(finance).contentType("application/json").body("{}")
                .when().post("/api/v1/organisations").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(finance).contentType("application/json").body("{}")
                .when().patch("/api/v1/titres/5").then().statusCode(403);
    }

    @Test
    void adminDoesEverything() {
        String admin = TestKeys.admin();
        given().auth().oauth2(admin).contentType("application/json").body("{}").when().post("/api/v1/organisations").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body("{}").when().patch("/api/v1/organisations/1").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body("{}").when().put("/api/v1/purchasing-bodies/RESAH/membership-fees/2025").then().statusCode(200);
        given().auth().oauth2(admin).when().delete("/api/v1/contacts/1").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body("{}").when().post("/api/v1/conventions/1/orders").then().statusCode(200);
        given().auth().oauth2(admin).when().get("/api/v1/forecasts?debtorId=" + OTHER).then().statusCode(200);
    }

    @Test
    void adherentReadsOnlyItsOwnOrganisation() {
        String adherent = TestKeys.adherent("mairie-lille", OWN);
        given().auth().oauth2(adherent).when().get("/api/v1/titres?debtorId=" + OTHER)
                .then().statusCode(404).contentType("application/problem+json").body("code", is("NOT_FOUND"));
        given().auth().oauth2(adherent).when().get("/api/v1/memberships?organisationId=" + OTHER).then().statusCode(404);
        given().auth().oauth2(adherent).when().get("/api/v1/organisations/" + OTHER).then().statusCode(404);
        given().auth().oauth2(adherent).when().get("/api/v1/titres?debtorId=" + OWN + "&debtorId=" + OTHER).then().statusCode(404);
        services.verify(0, getRequestedFor(anyUrl()));

        given().auth().oauth2(adherent).when().get("/api/v1/titres?debtorId=" + OWN).then().statusCode(200);
        given().auth().oauth2(adherent).when().get("/api/v1/organisations/" + OWN).then().statusCode(200);
        services.verify(getRequestedFor(urlPathEqualTo("/b/api/v1/titres"))
                .withHeader("X-Centrale-User", equalTo("mairie-lille"))
                .withHeader("X-Centrale-Roles", equalTo("adherent"))
                .withHeader("X-Centrale-Organisation", equalTo(OWN)));

        given().auth().oauth2(adherent).contentType("application/json").body("{}")
                .when().post("/api/v1/memberships").then().statusCode(403).contentType("application/problem+json");
        String noOrganisation = TestKeys.token("lost", "adherent");
        given().auth().oauth2(noOrganisation).when().get("/api/v1/titres").then().statusCode(403);
    }

    @Test
    void aWebSocketUpgradeIsCheckedLikeAnyRequest() {
        given().header("Connection", "Upgrade").header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .when().get("/api/v1/titres")
                .then().statusCode(401).contentType("application/problem+json").body("code", is("UNAUTHORIZED"));
        assertThat(services.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbidden() {
        given().auth().oauth2(TestKeys.token("nobody", "guest")).when().get("/api/v1/offers").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void clientsCannotForgeTheIdentityHeaders() {
        given().auth().oauth2(TestKeys.token("rita", "reader"))
                .header("X-Centrale-Roles", "admin").header("X-Centrale-Organisation", OTHER)
                .when().get("/api/v1/offers").then().statusCode(200);
        services.verify(getRequestedFor(urlEqualTo("/c/api/v1/offers"))
                .withHeader("X-Centrale-Roles", equalTo("reader")).withoutHeader("X-Centrale-Organisation"));
    }
}
