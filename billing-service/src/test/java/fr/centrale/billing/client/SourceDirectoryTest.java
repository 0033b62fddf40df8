package fr.centrale.billing.client;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItem.Kind;
import fr.centrale.common.billing.BillableItem.SourceType;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.identity.IdentityFilter;
import fr.centrale.common.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static fr.centrale.billing.testing.SourceServicesStub.BODY_CITY;
import static fr.centrale.billing.testing.SourceServicesStub.BODY_POSTAL_CODE;
import static fr.centrale.billing.testing.SourceServicesStub.BODY_SIRET;
import static fr.centrale.billing.testing.SourceServicesStub.BODY_STREET;
import static fr.centrale.billing.testing.SourceServicesStub.CONVENTIONS;
import static fr.centrale.billing.testing.SourceServicesStub.CONVENTION_ITEMS;
import static fr.centrale.billing.testing.SourceServicesStub.MEMBERSHIPS;
import static fr.centrale.billing.testing.SourceServicesStub.MEMBERSHIP_ITEMS;
import static fr.centrale.billing.testing.SourceServicesStub.ORGANISATIONS;
import static fr.centrale.billing.testing.SourceServicesStub.PURCHASING_BODIES;
import static fr.centrale.billing.testing.SourceServicesStub.reset;
import static fr.centrale.billing.testing.SourceServicesStub.server;
import static fr.centrale.billing.testing.SourceServicesStub.stubConventionFeed;
import static fr.centrale.billing.testing.SourceServicesStub.stubConventionFeedDown;
import static fr.centrale.billing.testing.SourceServicesStub.stubMembershipFeed;
import static fr.centrale.billing.testing.SourceServicesStub.stubMembershipFeedDown;
import static fr.centrale.billing.testing.SourceServicesStub.stubOrganisation;
import static fr.centrale.billing.testing.SourceServicesStub.stubPurchasingBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link SourceDirectory} against the WireMock membership-service and convention-service: mapping,
 * 404, paging of the feeds and lists, and what happens when a dependency fails (retries, timeout,
 * circuit breaker, 503 problem).
 */
@QuarkusTest
@TestProfile(SourceDirectoryTest.QuickFaultTolerance.class)
class SourceDirectoryTest {

    /** Short timeout and retry delays, so that failure cases run in well under a second each. */
    public static class QuickFaultTolerance implements QuarkusTestProfile {

        static final long TIMEOUT_MS = 1000;

        @Override
        public Map<String, String> getConfigOverrides() {
            // Per method: a "<class>" key only overrides annotations placed on the class itself.
            Map<String, String> config = new HashMap<>();
            for (String method : SourceCalls.METHODS) {
                String prefix = "quarkus.fault-tolerance.\"" + SourceCalls.class.getName() + "/" + method + "\".";
                config.put(prefix + "timeout.value", String.valueOf(TIMEOUT_MS));
                config.put(prefix + "retry.delay", "20");
                config.put(prefix + "retry.jitter", "0");
            }
            return config;
        }
    }

    private static final LocalDate THROUGH = LocalDate.of(2025, 1, 2);

    @Inject
    SourceDirectory directory;

    @Inject
    SourceCalls calls;

    @Inject
    CircuitBreakerMaintenance breakers;

    /** Whether the clients were used once: the very first calls of a run pay for class loading and connections. */
    private static volatile boolean warm;

    @BeforeEach
    void cleanSlate() {
        if (!warm) {
            warmUpClients();
            warm = true;
        }
        reset();
        breakers.resetAll();
    }

    /**
     * The first call of a test run may take longer than the short timeouts of the test profile, and be
     * retried or fail: call every client until it answers, so that no test proper counts those attempts.
     */
    private void warmUpClients() {
        reset();
        UUID id = UUID.randomUUID();
        stubOrganisation(id, "Commune de Lens", "21620498000016", "17 bis place Jean Jaurès", "62300", "Lens", null, null);
        List<Runnable> calls = List.of(
                () -> directory.debtor(id),
                () -> directory.membershipItems(THROUGH, null, 500),
                () -> directory.conventionItems(THROUGH, null, 500));
        for (Runnable call : calls) {
            for (int attempt = 1; ; attempt++) {
                try {
                    call.run();
                    break;
                } catch (ProblemException e) {
                    breakers.resetAll();
                    if (attempt == 10) {
                        throw e;
                    }
                }
            }
        }
    }

    // ---- debtors and issuers ----

    @Test
    void mapsADebtorWithItsAddressAndChorusReferences() {
        UUID id = UUID.randomUUID();
        stubOrganisation(id, "Commune de Béthune", "21620119000017", "Place du Nouveau Monde", "62400", "Béthune",
                "1300012345", "DSI-FINANCES");

        assertThat(directory.debtor(id)).contains(new DebtorSnapshot(id, "Commune de Béthune", "21620119000017",
                "Place du Nouveau Monde", "62400", "Béthune", "1300012345", "DSI-FINANCES", "COMMUNE"));
    }

    @Test
    void aDebtorWithoutChorusReferencesHasNone() {
        UUID id = UUID.randomUUID();
        stubOrganisation(id, "Commune de Lens", "21620498000016", "17 bis place Jean Jaurès", "62300", "Lens", null, null);

        assertThat(directory.debtor(id)).contains(new DebtorSnapshot(id, "Commune de Lens", "21620498000016",
                "17 bis place Jean Jaurès", "62300", "Lens", null, null, "COMMUNE"));
    }

    @Test
    void restubbingAnOrganisationReplacesIt() {
        UUID id = UUID.randomUUID();
        stubOrganisation(id, "Ancien nom", "21620119000017", "1 rue A", "62400", "Béthune", null, null);
        stubOrganisation(id, "Nouveau nom", "21620119000017", "1 rue A", "62400", "Béthune", null, null);

        assertThat(directory.debtor(id)).get().extracting(DebtorSnapshot::name).isEqualTo("Nouveau nom");
        assertThat(server().getStubMappings()).filteredOn(m -> m.getRequest().getUrlPath() != null
                && m.getRequest().getUrlPath().equals(ORGANISATIONS + "/" + id)).hasSize(1);
    }

    @Test
    void mapsAnIssuer() {
        stubPurchasingBody("RESAH", "Réseau des acheteurs hospitaliers", 30, "Tribunal administratif de Paris");
        stubPurchasingBody("CAIH", "Centrale d'achat de l'informatique hospitalière", 45, null);

        assertThat(directory.issuer("RESAH")).contains(new IssuerSnapshot("RESAH", "Réseau des acheteurs hospitaliers",
                BODY_SIRET, BODY_STREET, BODY_POSTAL_CODE, BODY_CITY, 30, "Tribunal administratif de Paris"));
        assertThat(directory.issuer("CAIH")).get().satisfies(i -> {
            assertThat(i.paymentTermDays()).isEqualTo(45);
            assertThat(i.court()).isNull();
        });
    }

    @Test
    void unknownDebtorsAndIssuersAreEmptyNotRetriedAndDoNotOpenTheBreakers() {
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < 6; i++) { // more than the breakers' window of 4
            assertThat(directory.debtor(unknown)).isEmpty();
            assertThat(directory.issuer("UGAP")).isEmpty();
        }
        server().verify(6, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + unknown)));
        server().verify(6, getRequestedFor(urlPathEqualTo(PURCHASING_BODIES + "/UGAP")));
        assertThat(breakers.currentState(SourceCalls.ORGANISATION_BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(breakers.currentState(SourceCalls.PURCHASING_BODY_BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);

        UUID known = UUID.randomUUID();
        stubOrganisation(known, "Département du Nord", "22590001600019", "51 rue Gustave Delory", "59000", "Lille", null, null);
        assertThat(directory.debtor(known)).get().extracting(DebtorSnapshot::name).isEqualTo("Département du Nord");
    }

    // ---- the feeds ----

    @Test
    void theDefaultFeedsAreEmpty() {
        assertThat(directory.membershipItems(THROUGH, null, 500)).isEqualTo(new BillableItemPage(List.of(), null));
        assertThat(directory.conventionItems(THROUGH, null, 500)).isEqualTo(new BillableItemPage(List.of(), null));
    }

    @Test
    void theMembershipFeedIsReadPageAfterPageWithTheCursor() {
        readsTheFeedPageAfterPage(SourceType.MEMBERSHIP, SourceServicesStub::stubMembershipFeed,
                directory::membershipItems, MEMBERSHIP_ITEMS);
    }

    @Test
    void theConventionFeedIsReadPageAfterPageWithTheCursor() {
        readsTheFeedPageAfterPage(SourceType.CONVENTION, SourceServicesStub::stubConventionFeed,
                directory::conventionItems, CONVENTION_ITEMS);
    }

    private interface FeedReader {
        BillableItemPage read(LocalDate through, UUID after, int size);
    }

    private void readsTheFeedPageAfterPage(SourceType type, Consumer<List<BillableItem>> stub, FeedReader feed,
                                           String path) {
        // Five sources of two items due by THROUGH, and one item of each falling due later.
        List<BillableItem> due = new ArrayList<>();
        List<BillableItem> later = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            UUID source = UUID.randomUUID();
            UUID debtor = UUID.randomUUID();
            due.add(item(type, source, 1, debtor, THROUGH.minusYears(1)));
            due.add(item(type, source, 2, debtor, THROUGH));
            later.add(item(type, source, 3, debtor, THROUGH.plusDays(1)));
        }
        List<BillableItem> all = new ArrayList<>(later);
        all.addAll(due);
        stub.accept(List.of(item(type, UUID.randomUUID(), 1, UUID.randomUUID(), THROUGH))); // replaced just below
        stub.accept(all);

        List<BillableItem> seen = new ArrayList<>();
        List<UUID> cursors = new ArrayList<>();
        UUID after = null;
        int pages = 0;
        do {
            BillableItemPage page = feed.read(THROUGH, after, 2);
            pages++;
            seen.addAll(page.items());
            after = page.nextCursor();
            if (after != null) {
                cursors.add(after);
                assertThat(page.items()).last().extracting(BillableItem::sourceId).isEqualTo(after);
            }
            assertThat(pages).as("pages read").isLessThan(10);
        } while (after != null);

        assertThat(pages).isEqualTo(3); // 2 + 2 + 1 sources
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(due);
        assertThat(seen).allSatisfy(i -> assertThat(i.sourceType()).isEqualTo(type));
        server().verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("after", absent())
                .withQueryParam("through", equalTo("2025-01-02")).withQueryParam("size", equalTo("2")));
        for (UUID cursor : cursors) {
            server().verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("after", equalTo(cursor.toString())));
        }

        // A later day brings the later items, all in one page.
        BillableItemPage everything = feed.read(THROUGH.plusYears(1), null, 1000);
        assertThat(everything.nextCursor()).isNull();
        assertThat(everything.items()).containsExactlyInAnyOrderElementsOf(all);
    }

    // ---- the items of one debtor ----

    @Test
    void theItemsOfADebtorComeFromItsMembershipsAndTheConventionsListingIt() {
        UUID debtor = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID resah = UUID.randomUUID();
        UUID caih = UUID.randomUUID();
        UUID fibre = UUID.randomUUID();
        UUID othersMembership = UUID.randomUUID();
        stubMembershipFeed(List.of(
                item(SourceType.MEMBERSHIP, resah, 1, debtor, LocalDate.of(2024, 1, 2)),
                item(SourceType.MEMBERSHIP, resah, 2, debtor, LocalDate.of(2025, 1, 2)),
                item(SourceType.MEMBERSHIP, resah, 3, debtor, LocalDate.of(2026, 1, 2)), // after THROUGH
                item(SourceType.MEMBERSHIP, caih, 1, debtor, LocalDate.of(2024, 6, 1)),
                item(SourceType.MEMBERSHIP, fibre, 1, debtor, LocalDate.of(2023, 3, 1)),
                item(SourceType.MEMBERSHIP, othersMembership, 1, other, LocalDate.of(2024, 1, 2))));
        UUID signed = UUID.randomUUID();
        UUID benefiting = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID othersConvention = UUID.randomUUID();
        stubConventionFeed(List.of(
                // Signed by the debtor, with a share for another beneficiary.
                item(SourceType.CONVENTION, signed, 1, debtor, LocalDate.of(2024, 2, 1)),
                item(SourceType.CONVENTION, signed, 2, other, LocalDate.of(2024, 2, 1)),
                item(SourceType.CONVENTION, signed, 3, debtor, LocalDate.of(2025, 2, 1)), // after THROUGH
                // Signed by another, the debtor being a beneficiary.
                item(SourceType.CONVENTION, benefiting, 1, other, LocalDate.of(2024, 3, 1)),
                item(SourceType.CONVENTION, benefiting, 2, debtor, LocalDate.of(2024, 3, 1)),
                item(SourceType.CONVENTION, third, 1, debtor, LocalDate.of(2024, 9, 1)),
                item(SourceType.CONVENTION, othersConvention, 1, other, LocalDate.of(2024, 3, 1))));

        // Lists of 2 a page: 3 memberships and 3 conventions take 2 pages each.
        SourceDirectory smallPages = new SourceDirectory(calls, 2);
        List<BillableItem> items = smallPages.itemsOfDebtor(debtor, THROUGH);

        assertThat(items).extracting(BillableItem::sourceId, BillableItem::sequence).containsExactly(
                tuple(fibre, 1),
                tuple(resah, 1),
                tuple(signed, 1),
                tuple(benefiting, 2),
                tuple(caih, 1),
                tuple(third, 1),
                tuple(resah, 2));
        assertThat(items).allSatisfy(i -> assertThat(i.debtorId()).isEqualTo(debtor));
        for (String list : List.of(MEMBERSHIPS, CONVENTIONS)) {
            for (String page : List.of("0", "1")) {
                server().verify(1, getRequestedFor(urlPathEqualTo(list))
                        .withQueryParam("organisationId", equalTo(debtor.toString()))
                        .withQueryParam("page", equalTo(page)).withQueryParam("size", equalTo("2")));
            }
        }
        server().verify(1, getRequestedFor(urlPathEqualTo(MEMBERSHIPS + "/" + resah + "/billing-schedule"))
                .withQueryParam("through", equalTo("2025-01-02")));
        server().verify(0, getRequestedFor(urlPathEqualTo(MEMBERSHIPS + "/" + othersMembership + "/billing-schedule")));
        server().verify(0, getRequestedFor(urlPathEqualTo(CONVENTIONS + "/" + othersConvention + "/billing-schedule")));

        // With the real page size, one page of each list is enough.
        assertThat(directory.itemsOfDebtor(debtor, THROUGH)).isEqualTo(items);
        server().verify(1, getRequestedFor(urlPathEqualTo(MEMBERSHIPS)).withQueryParam("size", equalTo("500")));
        server().verify(1, getRequestedFor(urlPathEqualTo(CONVENTIONS)).withQueryParam("size", equalTo("500")));
    }

    @Test
    void anOrganisationWithoutMembershipOrConventionHasNoItems() {
        assertThat(directory.itemsOfDebtor(UUID.randomUUID(), THROUGH)).isEmpty();
    }

    @Test
    void theItemsOfADebtorAreUnavailableWhenConventionServiceIs() {
        UUID debtor = UUID.randomUUID();
        stubMembershipFeed(List.of(item(SourceType.MEMBERSHIP, UUID.randomUUID(), 1, debtor, THROUGH)));
        server().stubFor(get(urlPathEqualTo(CONVENTIONS)).willReturn(aResponse().withStatus(502)));

        assertUnavailable(() -> directory.itemsOfDebtor(debtor, THROUGH), "convention-service", "HTTP 502");
        server().verify(3, getRequestedFor(urlPathEqualTo(CONVENTIONS)));
    }

    @Test
    void aScheduleMissingForAListedSourceIsUnavailableNotNone() {
        UUID debtor = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        stubMembershipFeed(List.of(item(SourceType.MEMBERSHIP, membership, 1, debtor, THROUGH)));
        server().stubFor(get(urlPathMatching(MEMBERSHIPS + "/.*/billing-schedule"))
                .willReturn(aResponse().withStatus(404)));

        assertUnavailable(() -> directory.itemsOfDebtor(debtor, THROUGH), "membership-service", "HTTP 404");
        server().verify(1, getRequestedFor(urlPathEqualTo(MEMBERSHIPS + "/" + membership + "/billing-schedule")));
    }

    // ---- identity ----

    @Test
    void everyCallNamesBillingServiceAsAReader() {
        UUID debtor = UUID.randomUUID();
        stubOrganisation(debtor, "Commune de Lens", "21620498000016", "17 bis place Jean Jaurès", "62300", "Lens", null, null);
        stubPurchasingBody("RESAH", "Réseau des acheteurs hospitaliers", 30, null);
        stubMembershipFeed(List.of(item(SourceType.MEMBERSHIP, UUID.randomUUID(), 1, debtor, THROUGH)));
        stubConventionFeed(List.of(item(SourceType.CONVENTION, UUID.randomUUID(), 1, debtor, THROUGH)));

        assertThat(directory.debtor(debtor)).isPresent();
        assertThat(directory.issuer("RESAH")).isPresent();
        assertThat(directory.membershipItems(THROUGH, null, 500).items()).hasSize(1);
        assertThat(directory.conventionItems(THROUGH, null, 500).items()).hasSize(1);
        assertThat(directory.itemsOfDebtor(debtor, THROUGH)).hasSize(2);

        List<LoggedRequest> received = server().findAll(anyRequestedFor(anyUrl()));
        assertThat(received).extracting(r -> r.getUrl().replaceAll("[?].*", "").replaceAll("[0-9a-f-]{36}", "{id}"))
                .containsExactlyInAnyOrder(ORGANISATIONS + "/{id}", PURCHASING_BODIES + "/RESAH", MEMBERSHIP_ITEMS,
                        CONVENTION_ITEMS, MEMBERSHIPS, CONVENTIONS, MEMBERSHIPS + "/{id}/billing-schedule",
                        CONVENTIONS + "/{id}/billing-schedule");
        assertThat(received).allSatisfy(r -> {
            assertThat(r.getHeader(IdentityFilter.USER)).isEqualTo("billing-service");
            assertThat(r.getHeader(IdentityFilter.ROLES)).isEqualTo("reader");
        });
    }

    // ---- failures ----

    @Test
    void aServerErrorIsRetriedThenAnswersServiceUnavailable() {
        UUID id = UUID.randomUUID();
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(aResponse().withStatus(500)));

        assertUnavailable(() -> directory.debtor(id), "membership-service", "HTTP 500");
        server().verify(3, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id))); // 1 call + 2 retries
    }

    @Test
    void feedsDownAreRetriedThenAnswerServiceUnavailable() {
        stubMembershipFeedDown();
        stubConventionFeedDown();

        assertUnavailable(() -> directory.membershipItems(THROUGH, null, 500), "membership-service", "HTTP 500");
        assertUnavailable(() -> directory.conventionItems(THROUGH, null, 500), "convention-service", "HTTP 500");
        server().verify(3, getRequestedFor(urlPathEqualTo(MEMBERSHIP_ITEMS)));
        server().verify(3, getRequestedFor(urlPathEqualTo(CONVENTION_ITEMS)));

        // Back up: the feed stub replaces the failure.
        BillableItem item = item(SourceType.CONVENTION, UUID.randomUUID(), 1, UUID.randomUUID(), THROUGH);
        stubConventionFeed(List.of(item));
        breakers.resetAll();
        assertThat(directory.conventionItems(THROUGH, null, 500).items()).containsExactly(item);
    }

    @Test
    void aBrokenConnectionAnswersServiceUnavailable() {
        server().stubFor(get(urlPathEqualTo(CONVENTION_ITEMS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertUnavailable(() -> directory.conventionItems(THROUGH, null, 500), "convention-service", "");
        server().verify(3, getRequestedFor(urlPathEqualTo(CONVENTION_ITEMS)));
    }

    @Test
    void aSlowAnswerTimesOutWithinBoundedTime() {
        UUID id = UUID.randomUUID();
        // Shorter than the client's read timeout (10 s): only the fault-tolerance timeout can make it quick.
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}").withFixedDelay(5_000)));

        long start = System.nanoTime();
        assertUnavailable(() -> directory.debtor(id), "membership-service", "no answer in time");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // 3 attempts of 300 ms and 2 delays of 20 ms, with room for a slow CI machine.
        assertThat(elapsed).isLessThan(Duration.ofMillis(4_500));
        server().verify(3, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id)));
    }

    @Test
    void aSlowFeedTimesOutWithinBoundedTime() {
        server().stubFor(get(urlPathEqualTo(MEMBERSHIP_ITEMS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\": [], \"nextCursor\": null}")
                .withFixedDelay(5_000)));

        long start = System.nanoTime();
        assertUnavailable(() -> directory.membershipItems(THROUGH, null, 500), "membership-service", "no answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_500));
        server().verify(3, getRequestedFor(urlPathEqualTo(MEMBERSHIP_ITEMS)));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterCallsFailFast() {
        UUID id = UUID.randomUUID();
        server().stubFor(get(urlPathEqualTo(ORGANISATIONS + "/" + id)).willReturn(aResponse().withStatus(503)));

        // First call: 3 failed attempts. Second: its first attempt is the 4th failure out of 4, which
        // opens the breaker; the retry then meets the open breaker and gives up at once.
        assertUnavailable(() -> directory.debtor(id), "membership-service", "HTTP 503");
        assertUnavailable(() -> directory.debtor(id), "membership-service", "suspended");
        server().verify(4, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id)));
        assertThat(breakers.currentState(SourceCalls.ORGANISATION_BREAKER)).isEqualTo(CircuitBreakerState.OPEN);

        // Open: membership-service is not even called, even for an organisation that would be fine.
        UUID known = UUID.randomUUID();
        stubOrganisation(known, "Région Hauts-de-France", "20005376700014", "151 avenue du Président Hoover",
                "59555", "Lille cedex", null, null);
        long start = System.nanoTime();
        assertUnavailable(() -> directory.debtor(known), "membership-service", "suspended");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        server().verify(0, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + known)));
        server().verify(4, getRequestedFor(urlPathEqualTo(ORGANISATIONS + "/" + id)));

        // The other breakers are separate ones and still closed.
        stubPurchasingBody("RESAH", "Réseau des acheteurs hospitaliers", 30, null);
        assertThat(directory.issuer("RESAH")).isPresent();
        assertThat(directory.membershipItems(THROUGH, null, 500).items()).isEmpty();
        assertThat(breakers.currentState(SourceCalls.PURCHASING_BODY_BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(breakers.currentState(SourceCalls.MEMBERSHIP_ITEMS_BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);

        breakers.resetAll();
        assertThat(directory.debtor(known)).isPresent();
    }

    @Test
    void anOpenFeedBreakerFailsFast() {
        stubConventionFeedDown();
        assertUnavailable(() -> directory.conventionItems(THROUGH, null, 500), "convention-service", "HTTP 500");
        assertUnavailable(() -> directory.conventionItems(THROUGH, null, 500), "convention-service", "suspended");
        assertThat(breakers.currentState(SourceCalls.CONVENTION_ITEMS_BREAKER)).isEqualTo(CircuitBreakerState.OPEN);

        stubConventionFeed(List.of());
        assertUnavailable(() -> directory.conventionItems(THROUGH, null, 500), "convention-service", "suspended");
        server().verify(4, getRequestedFor(urlPathEqualTo(CONVENTION_ITEMS)));
    }

    // ---- helpers ----

    private static BillableItem item(SourceType type, UUID source, int sequence, UUID debtor, LocalDate issueOn) {
        LocalDate start = issueOn.withDayOfYear(1);
        return new BillableItem(type, source, sequence,
                type == SourceType.MEMBERSHIP ? Kind.MEMBERSHIP_FEE : Kind.ANNUAL_CONTRIBUTION,
                "RESAH", debtor, "Titre " + sequence + " de " + source, start, start.plusYears(1).minusDays(1), issueOn,
                null, new BigDecimal("600.00"), new BigDecimal("600.00"), 30, "Autres organismes (600 €)");
    }

    private static void assertUnavailable(Runnable call, String service, String detailContains) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(p.title()).isEqualTo("Service unavailable");
            assertThat(p.getMessage()).startsWith(service + " is unavailable: ").contains(detailContains);
        });
    }
}
