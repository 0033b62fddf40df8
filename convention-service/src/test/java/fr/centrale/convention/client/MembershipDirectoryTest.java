package fr.centrale.convention.client;

import com.github.tomakehurst.wiremock.http.Fault;
import fr.centrale.common.organisation.Category;
import fr.centrale.common.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.centrale.convention.testing.MembershipServiceStub.MEMBERSHIPS;
import static fr.centrale.convention.testing.MembershipServiceStub.ORGANISATIONS;
import static fr.centrale.convention.testing.MembershipServiceStub.reset;
import static fr.centrale.convention.testing.MembershipServiceStub.server;
import static fr.centrale.convention.testing.MembershipServiceStub.stubMember;
import static fr.centrale.convention.testing.MembershipServiceStub.stubNoMembership;
import static fr.centrale.convention.testing.MembershipServiceStub.stubOrganisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MembershipDirectory} against a WireMock membership-service: mapping, 404, and what happens
 * when the dependency fails (retries, timeout, circuit breaker, 503 problem).
 */
@QuarkusTest
@TestProfile(MembershipDirectoryTest.QuickFaultTolerance.class)
class MembershipDirectoryTest {

    /** Short timeout and retry delays, so that failure cases run in well under a second each. */
    public static class QuickFaultTolerance implements QuarkusTestProfile {

        static final long TIMEOUT_MS = 1000;

        @Override
        public Map<String, String> getConfigOverrides() {
            // Per method: a "<class>" key only overrides annotations placed on the class itself.
            Map<String, String> config = new HashMap<>();
            for (String method : List.of("organisation", "memberships")) {
                String prefix = "quarkus.fault-tolerance.\"" + MembershipCalls.class.getName() + "/" + method + "\".";
                config.put(prefix + "timeout.value", String.valueOf(TIMEOUT_MS));
                config.put(prefix + "retry.delay", "20");
                config.put(prefix + "retry.jitter", "0");
            }
            return config;
        }
    }

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @Inject
    MembershipDirectory directory;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void cleanSlate() {
        reset();
        breakers.resetAll();
    }

    @Test
    void mapsAKnownOrganisation() {
        UUID id = UUID.randomUUID();
        stubOrganisation(id, "Commune de Béthune", "COMMUNE", 25_000, 450, "62");

        assertThat(directory.organisation(id)).contains(
                new OrganisationSummary(id, "Commune de Béthune", "21620041600011", Category.COMMUNE, 25_000, 450, "62"));
        // As itself, read-only: membership-service answers it also when it requires the forwarded identity.
        server().verify(1, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id))
                .withHeader("X-Centrale-User", equalTo("convention-service"))
                .withHeader("X-Centrale-Roles", equalTo("reader")));
    }

    @Test
    void anUnknownOrganisationIsEmptyNotRetriedAndDoesNotOpenTheBreaker() {
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < 6; i++) { // more than the breaker's window of 4
            assertThat(directory.organisation(unknown)).isEmpty();
        }
        server().verify(6, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + unknown)));
        assertThat(breakers.currentState(MembershipCalls.ORGANISATION_BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);

        UUID known = UUID.randomUUID();
        stubOrganisation(known, "Département du Nord", "DEPARTEMENT", 2_600_000, null, "59");
        assertThat(directory.organisation(known)).get().extracting(OrganisationSummary::name).isEqualTo("Département du Nord");
    }

    @ParameterizedTest(name = "{0}: member {1}, holds a membership {2}")
    @CsvSource({
            "MEMBER, true, true",
            "THIRD_PARTY_BENEFICIARY, false, true",
            "NONE, false, false"})
    void tellsMembersFromThirdPartyBeneficiaries(String kind, boolean member, boolean holds) {
        UUID organisation = UUID.randomUUID();
        if (kind.equals("NONE")) {
            stubNoMembership(organisation, "CAIH");
        } else {
            stubMember(organisation, "CAIH", kind, "2024-01-01");
        }

        assertThat(directory.isMemberOn(organisation, "CAIH", DAY)).isEqualTo(member);
        assertThat(directory.holdsMembershipOn(organisation, "CAIH", DAY)).isEqualTo(holds);
        server().verify(2, getRequestedFor(urlPathEqualTo(MEMBERSHIPS))
                .withHeader("X-Centrale-User", equalTo("convention-service"))
                .withHeader("X-Centrale-Roles", equalTo("reader"))
                .withQueryParam("organisationId", equalTo(organisation.toString()))
                .withQueryParam("purchasingBody", equalTo("CAIH"))
                .withQueryParam("activeOn", equalTo("2025-06-30")));
    }

    @Test
    void membershipsOfAnotherBodyDoNotCount() {
        UUID organisation = UUID.randomUUID();
        stubMember(organisation, "RESAH", "MEMBER", "2024-01-01");

        assertThat(directory.isMemberOn(organisation, "RESAH", DAY)).isTrue();
        assertThat(directory.isMemberOn(organisation, "UGAP", DAY)).isFalse(); // the stub's default: no membership
    }

    @Test
    void aServerErrorIsRetriedThenAnswersServiceUnavailable() {
        UUID id = UUID.randomUUID();
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(aResponse().withStatus(500)));

        assertUnavailable(() -> directory.organisation(id), "HTTP 500");
        server().verify(3, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id))); // 1 call + 2 retries
    }

    @Test
    void aBrokenConnectionOnTheMembershipListAnswersServiceUnavailable() {
        UUID organisation = UUID.randomUUID();
        server().stubFor(get(urlPathEqualTo(MEMBERSHIPS)).withQueryParam("organisationId", equalTo(organisation.toString()))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertUnavailable(() -> directory.isMemberOn(organisation, "RESAH", DAY), "");
        server().verify(3, getRequestedFor(urlPathEqualTo(MEMBERSHIPS))
                .withQueryParam("organisationId", equalTo(organisation.toString())));
    }

    @Test
    void aSlowAnswerTimesOutWithinBoundedTime() {
        UUID id = UUID.randomUUID();
        // Longer than the client's read timeout (3 s), so only the fault-tolerance timeout can make it quick.
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}").withFixedDelay(5_000)));

        warmUp(); // the first call of a test run also pays for class loading and connection set-up

        long start = System.nanoTime();
        assertUnavailable(() -> directory.organisation(id), "no answer in time");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // 3 attempts of 1 s and 2 delays of 20 ms, with room for a slow, busy CI machine.
        assertThat(elapsed).isLessThan(Duration.ofMillis(4_500));
        server().verify(3, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id)));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterCallsFailFast() {
        UUID id = UUID.randomUUID();
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(aResponse().withStatus(503)));

        // First call: 3 failed attempts. Second: its first attempt is the 4th failure out of 4, which
        // opens the breaker; the retry then meets the open breaker and gives up at once.
        assertUnavailable(() -> directory.organisation(id), "HTTP 503");
        assertUnavailable(() -> directory.organisation(id), "suspended");
        server().verify(4, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id)));
        assertThat(breakers.currentState(MembershipCalls.ORGANISATION_BREAKER)).isEqualTo(CircuitBreakerState.OPEN);

        // Open: membership-service is not even called, even for an organisation that would be fine.
        UUID known = UUID.randomUUID();
        stubOrganisation(known, "Région Hauts-de-France", "REGION", 6_000_000, null, "59");
        long start = System.nanoTime();
        assertUnavailable(() -> directory.organisation(known), "suspended");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        server().verify(0, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + known)));
        server().verify(4, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id)));

        // The memberships breaker is a separate one and still closed.
        UUID member = UUID.randomUUID();
        stubMember(member, "RESAH", "MEMBER", "2024-01-01");
        assertThat(directory.isMemberOn(member, "RESAH", DAY)).isTrue();

        breakers.resetAll();
        assertThat(directory.organisation(known)).isPresent();
    }

    private void warmUp() {
        UUID id = UUID.randomUUID();
        stubOrganisation(id, "Commune de Lens", "COMMUNE", 32_000, null, "62");
        assertThat(directory.organisation(id)).isPresent();
        breakers.resetAll(); // the success must not weigh in the breaker's window of the test proper
    }

    private static void assertUnavailable(Runnable call, String detailContains) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(p.title()).isEqualTo("Service unavailable");
            assertThat(p.getMessage()).startsWith("membership-service is unavailable: ").contains(detailContains);
        });
    }
}
