package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * billing-service's exactly-once issuance under a crash and under concurrency: the real packaged
 * billing-service and its PostgreSQL database, with a WireMock server standing in for membership-service
 * (a feed of 3 000 membership fees, the debtors, the RESAH issuer) and convention-service (an empty feed).
 *
 * <ol>
 * <li>A run is killed with SIGKILL after a few hundred titres; restarted, the service reports the run
 *     INTERRUPTED, and the next run issues exactly the rest: 3 000 titres numbered 1..3000, no gap, no
 *     duplicate, one line each.</li>
 * <li>500 new items, two runs at once: each item issued once, numbers 1..3500.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingCrashIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(BillingCrashIT.class);

    private static final int FIRST_BATCH = 3000;
    private static final int SECOND_BATCH = 500;
    /** Titres committed before the kill: enough to be midway, few enough to be well before the end. */
    private static final int KILL_AT = 300;
    private static final LocalDate AS_OF = LocalDate.of(2024, 1, 2);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration KILL_WINDOW_TIMEOUT = Duration.ofMinutes(2);

    private static final MembershipFeedStub FEED = new MembershipFeedStub();
    private static final List<UUID> DEBTORS = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
    private static final List<MembershipFeedStub.Item> FIRST_ITEMS = items(FIRST_BATCH);

    private static Databases databases;
    private static WireMockServer sources;
    /** The billing-service after the restart, once the first test has issued the first batch. */
    private static ServiceProcess restartedBilling;

    @BeforeAll
    static void startBillingAgainstStubbedSources() throws InterruptedException {
        Centrale.runJar("billing-service");
        databases = Databases.start("billing");

        sources = FEED.startSources();
        List<String> organisations = new ArrayList<>();
        for (int i = 0; i < DEBTORS.size(); i++) {
            String organisation = """
                    {"id": "%s", "name": "Commune de test n° %d", "siret": "2162510090001%d", "category": "COMMUNE",
                     "population": 30000,
                     "address": {"street": "Hôtel de ville", "postalCode": "62800", "city": "Liévin"}}"""
                    .formatted(DEBTORS.get(i), i + 1, i);
            organisations.add(organisation);
            sources.stubFor(get(urlPathEqualTo("/api/v1/organisations/" + DEBTORS.get(i))).willReturn(okJson(organisation)));
        }
        // The lookup billing runs read a page's debtors with (it answers every debtor; the run keeps those it asked for).
        sources.stubFor(post(urlPathEqualTo("/api/v1/organisations/lookup"))
                .willReturn(okJson("[" + String.join(",", organisations) + "]")));
        FEED.serve(FIRST_ITEMS);
        System.out.println("[system-tests] WireMock (membership- and convention-service) on port " + sources.port());
    }

    @AfterAll
    static void stopEverything() {
        services.stopAll();
        if (sources != null) {
            sources.stop();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    @Order(1)
    void aRunKilledMidwayIsInterruptedAndTheNextRunIssuesExactlyTheRest() throws Exception {
        ServiceProcess first = startBilling("billing-service");
        JsonApi api = new JsonApi(first, services.http());

        CompletableFuture<JsonNode> killedRun = CompletableFuture.supplyAsync(() -> run(api));
        long before = awaitTitres(KILL_AT, killedRun);
        assertThat(before).as("titres when the kill was decided: the run must still be midway").isLessThan(FIRST_BATCH);
        List<String> running = databases.column("billing", "SELECT id FROM billing_run WHERE status = 'RUNNING'");
        assertThat(running).as("the run in progress").hasSize(1);

        long pid = first.process().pid();
        first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop
        assertThat(first.process().waitFor(15, TimeUnit.SECONDS)).as("billing-service (pid %d) ended", pid).isTrue();
        assertThat(first.process().exitValue()).as("exit code of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d alive", pid).isFalse();
        assertThat(outcome(killedRun)).as("the killed run's HTTP call").startsWith("failed");

        awaitNoConnectionLeft();
        long titres = databases.count("billing", "SELECT count(*) FROM titre");
        System.out.printf("[system-tests] billing-service killed with %d titres issued (decided at %d)%n", titres, before);
        assertThat(titres).isBetween((long) KILL_AT, (long) FIRST_BATCH - 1);
        // What the crash left is whole: every committed titre has its line and its claim; numbers have no gap.
        assertLedgerConsistent(titres);

        ServiceProcess restarted = startBilling("billing-service-restarted");
        JsonApi api2 = new JsonApi(restarted, services.http());
        JsonNode killed = findRun(api2, running.get(0));
        assertThat(killed.path("status").asText()).as("the killed run after the restart: %s", killed).isEqualTo("INTERRUPTED");
        assertThat(killed.path("finishedAt").isNull() || killed.path("finishedAt").isMissingNode()).isFalse();

        JsonNode resumed = run(api2);
        assertThat(List.of(resumed.path("status").asText(), resumed.path("issuedCount").asInt(),
                resumed.path("alreadyIssuedCount").asInt(), resumed.path("failedCount").asInt()))
                .as("the run after the restart: %s", resumed)
                .containsExactly("COMPLETED", (int) (FIRST_BATCH - titres), (int) titres, 0);
        assertThat(resumed.path("issuedCount").asInt() + titres).isEqualTo(FIRST_BATCH);

        assertLedgerConsistent(FIRST_BATCH);
        assertThat(issuedSources()).containsExactlyInAnyOrderElementsOf(sourceIds(FIRST_ITEMS));
        assertThat(api2.get("/api/v1/titres?issuer=RESAH&year=2024&size=1").path("total").asInt()).isEqualTo(FIRST_BATCH);
        assertNoUnmatchedRequests();
        restartedBilling = restarted;
    }

    @Test
    @Order(2)
    void twoRunsAtOnceIssueEachNewItemOnceWithoutGaps() throws Exception {
        assumeTrue(restartedBilling != null, "needs the 3 000 titres of the previous test");
        List<MembershipFeedStub.Item> all = new ArrayList<>(FIRST_ITEMS);
        all.addAll(items(SECOND_BATCH));
        FEED.serve(all);

        JsonApi api = new JsonApi(restartedBilling, services.http());
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<JsonNode>> runs = List.of(
                CompletableFuture.supplyAsync(() -> runWhenBothReady(api, together)),
                CompletableFuture.supplyAsync(() -> runWhenBothReady(api, together)));
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<JsonNode> r : runs) {
            answers.add(r.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        JsonNode a = answers.get(0);
        JsonNode b = answers.get(1);
        System.out.printf("[system-tests] concurrent runs issued %d and %d%n", a.path("issuedCount").asInt(), b.path("issuedCount").asInt());
        for (JsonNode r : answers) {
            assertThat(List.of(r.path("status").asText(), r.path("issuedCount").asInt() + r.path("alreadyIssuedCount").asInt(),
                    r.path("failedCount").asInt()))
                    .as("concurrent run %s", r)
                    .containsExactly("COMPLETED", FIRST_BATCH + SECOND_BATCH, 0);
        }
        assertThat(a.path("issuedCount").asInt() + b.path("issuedCount").asInt()).as("new titres of both runs").isEqualTo(SECOND_BATCH);
        // They did run at the same time (otherwise this test proves nothing about concurrency).
        assertThat(instant(a, "startedAt")).as("run A started before run B finished").isBefore(instant(b, "finishedAt"));
        assertThat(instant(b, "startedAt")).as("run B started before run A finished").isBefore(instant(a, "finishedAt"));

        assertLedgerConsistent(FIRST_BATCH + SECOND_BATCH);
        assertThat(issuedSources()).containsExactlyInAnyOrderElementsOf(sourceIds(all));
        assertNoUnmatchedRequests();
    }

    // ---------------------------------------------------------------------------------------------

    private static ServiceProcess startBilling(String logName) throws InterruptedException {
        Map<String, String> properties = new LinkedHashMap<>(databases.datasource("billing"));
        String stubs = "http://" + ServiceProcess.HOST + ":" + sources.port();
        properties.put("quarkus.rest-client.membership.url", stubs);
        properties.put("quarkus.rest-client.convention.url", stubs);
        properties.put("centrale.billing.cron", "off");
        // Small batches (100 titres a transaction, instead of 500), so that the kill falls between many commits.
        properties.put("centrale.billing.batch-size", "100");
        ServiceProcess billing = services.start("billing-service", logName, properties);
        services.awaitReady(billing);
        return billing;
    }

    private static JsonNode run(JsonApi api) {
        return api.send("POST", "/api/v1/billing-runs", Map.of("asOf", AS_OF), 201, RUN_TIMEOUT);
    }

    private static JsonNode runWhenBothReady(JsonApi api, CyclicBarrier together) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The two runs could not start together", e);
        }
        return run(api);
    }

    /** Polls the titre count until it reaches {@code n}; fails if the run ends first or takes too long. */
    private static long awaitTitres(long n, CompletableFuture<JsonNode> run) throws InterruptedException {
        long deadline = System.nanoTime() + KILL_WINDOW_TIMEOUT.toNanos();
        while (true) {
            long count = databases.count("billing", "SELECT count(*) FROM titre");
            if (count >= n) {
                return count;
            }
            if (run.isDone()) {
                fail("The billing run ended (" + outcome(run) + ") with " + count + " titres, before the kill at " + n);
            }
            if (System.nanoTime() > deadline) {
                fail("Only " + count + " titres after " + KILL_WINDOW_TIMEOUT.toSeconds() + " s, waiting for " + n);
            }
            Thread.sleep(20);
        }
    }

    private static String outcome(CompletableFuture<JsonNode> run) {
        try {
            return "answered " + run.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return "failed: " + e.getCause().getMessage().lines().findFirst().orElse("");
        } catch (TimeoutException e) {
            return "still waiting for an answer after 30 s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The killed service's connections may take a moment to be noticed by PostgreSQL: until they are gone,
     * a transaction it had sent could still commit or roll back.
     */
    private static void awaitNoConnectionLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String sql = """
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()""";
        long left;
        while ((left = databases.count("billing", sql)) > 0) {
            if (System.nanoTime() > deadline) {
                fail(left + " connection(s) of the killed billing-service still open after 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * {@code n} titres, all RESAH 2024, numbered exactly 1..n; each with exactly one line, and one claimed
     * item pointing at it whose key is its line's source.
     */
    private static void assertLedgerConsistent(long n) {
        assertThat(Map.of(
                "titre", databases.count("billing", "SELECT count(*) FROM titre"),
                "titre_line", databases.count("billing", "SELECT count(*) FROM titre_line"),
                "issued_item", databases.count("billing", "SELECT count(*) FROM issued_item"),
                "titre RESAH 2024", databases.count("billing", "SELECT count(*) FROM titre WHERE issuer = 'RESAH' AND fiscal_year = 2024"),
                "titre without exactly one line", databases.count("billing", """
                        SELECT count(*) FROM titre t WHERE (SELECT count(*) FROM titre_line l WHERE l.titre_id = t.id) <> 1"""),
                "issued_item matching its titre's line", databases.count("billing", """
                        SELECT count(*) FROM issued_item i JOIN titre_line l ON l.titre_id = i.titre_id
                          AND l.source_type = i.source_type AND l.source_id = i.source_id AND l.sequence = i.sequence""")))
                .as("rows in the billing database")
                .containsExactlyInAnyOrderEntriesOf(Map.of("titre", n, "titre_line", n, "issued_item", n, "titre RESAH 2024", n,
                        "titre without exactly one line", 0L, "issued_item matching its titre's line", n));
        List<Integer> serials = databases.column("billing",
                        "SELECT serial FROM titre WHERE issuer = 'RESAH' AND fiscal_year = 2024 ORDER BY serial")
                .stream().map(Integer::valueOf).toList();
        List<Integer> expected = IntStream.rangeClosed(1, (int) n).boxed().toList();
        if (!serials.equals(expected)) {
            Set<Integer> seen = new HashSet<>();
            List<Integer> duplicates = serials.stream().filter(s -> !seen.add(s)).limit(20).toList();
            List<Integer> missing = expected.stream().filter(s -> !seen.contains(s)).limit(20).toList();
            fail("RESAH 2024 serials are not exactly 1.." + n + ": " + serials.size() + " serials, duplicates " + duplicates
                    + ", missing " + missing + " (first 20 of each)");
        }
        assertThat(databases.count("billing",
                "SELECT last_number FROM number_series WHERE issuer = 'RESAH' AND fiscal_year = 2024 AND series = ''"))
                .as("the series' last number").isEqualTo(n);
        // docs/rules.md, R-6: every titre is on exactly one bordereau, its run's; the bordereaux are numbered 1..k without
        // gap (a killed run's bordereau holds what it committed, none is empty), each counting the titres that name it.
        long bordereaux = databases.count("billing", "SELECT count(*) FROM bordereau WHERE issuer = 'RESAH' AND fiscal_year = 2024");
        assertThat(Map.of(
                "titre without bordereau", databases.count("billing", "SELECT count(*) FROM titre WHERE bordereau_id IS NULL"),
                "titre on another run's bordereau", databases.count("billing", """
                        SELECT count(*) FROM titre t JOIN bordereau b ON b.id = t.bordereau_id WHERE b.run_id <> t.run_id"""),
                "bordereau whose count is not its titres'", databases.count("billing", """
                        SELECT count(*) FROM bordereau b
                         WHERE b.titre_count <> (SELECT count(*) FROM titre t WHERE t.bordereau_id = b.id)
                            OR b.total_ttc <> (SELECT coalesce(sum(t.total), 0) FROM titre t WHERE t.bordereau_id = b.id)"""),
                "empty bordereau", databases.count("billing", "SELECT count(*) FROM bordereau WHERE titre_count = 0"),
                "bordereau serials out of 1..k", databases.count("billing", """
                        SELECT count(*) FROM bordereau WHERE issuer = 'RESAH' AND fiscal_year = 2024
                           AND (serial < 1 OR serial > (SELECT count(*) FROM bordereau WHERE issuer = 'RESAH' AND fiscal_year = 2024))""")))
                .as("bordereaux in the billing database")
                .containsExactlyInAnyOrderEntriesOf(Map.of("titre without bordereau", 0L, "titre on another run's bordereau", 0L,
                        "bordereau whose count is not its titres'", 0L, "empty bordereau", 0L, "bordereau serials out of 1..k", 0L));
        if (n > 0) {
            assertThat(bordereaux).as("RESAH 2024 bordereaux").isPositive();
            assertThat(databases.count("billing",
                    "SELECT last_number FROM number_series WHERE issuer = 'RESAH' AND fiscal_year = 2024 AND series = 'B'"))
                    .as("the bordereaux' series' last number").isEqualTo(bordereaux);
        }
    }

    private static List<String> issuedSources() {
        return databases.column("billing", "SELECT source_id FROM issued_item");
    }

    private static List<String> sourceIds(List<MembershipFeedStub.Item> items) {
        return items.stream().map(i -> i.sourceId().toString()).toList();
    }

    private static JsonNode findRun(JsonApi api, String id) {
        JsonNode page = api.get("/api/v1/billing-runs?size=50");
        for (JsonNode run : page.path("items")) {
            if (run.path("id").asText().equals(id)) {
                return run;
            }
        }
        throw new AssertionError("Run " + id + " is not in GET /api/v1/billing-runs: " + page);
    }

    private static void assertNoUnmatchedRequests() {
        List<LoggedRequest> unmatched = sources.findAllUnmatchedRequests();
        assertThat(unmatched).as("requests the stubs did not expect").extracting(LoggedRequest::getUrl).isEmpty();
    }

    private static Instant instant(JsonNode run, String field) {
        return Instant.parse(run.path(field).asText());
    }

    /** One RESAH 2024 membership fee per new membership, spread over the debtors. */
    private static List<MembershipFeedStub.Item> items(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new MembershipFeedStub.Item(UUID.randomUUID(), DEBTORS.get(i % DEBTORS.size()), AS_OF, "600.00"))
                .toList();
    }
}
