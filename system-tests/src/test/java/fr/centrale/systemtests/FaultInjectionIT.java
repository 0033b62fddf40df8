package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults injected into the running suite (the three packaged services, one PostgreSQL server).
 *
 * <ol>
 * <li>A source service stops while a billing run pages its feed: membership-service, then convention-service,
 *     each once with SIGKILL and once with a graceful stop (SIGTERM). The run ends, in bounded time, PARTIAL or
 *     FAILED with a message naming the source (never a 500); what it issued is whole and numbered without gap;
 *     billing-service stays ready (its readiness checks its own database only). Restarted on the same port, the
 *     source is read again and the next run COMPLETES: one titre per billable item, RESAH-2024 numbered 1..n.</li>
 * <li>PostgreSQL stops (fast shutdown) for about five seconds under HTTP load (organisations created in
 *     membership-service, payments recorded in billing-service, reads on all three), then starts again on the
 *     same port and data directory. Every request is answered in bounded time; during the outage with 503
 *     problem+json ({@code DATABASE_UNAVAILABLE}, {@code Retry-After}), never a 500 nor anything of the inside;
 *     readiness goes DOWN and comes back; every answer 2xx was stored; afterwards writes and a billing run
 *     succeed again.</li>
 * </ol>
 *
 * The billable items are inserted by SQL into the sources' databases (1 050 a scenario, 3 feed pages of 500),
 * all of them RESAH 2024: a membership fee (bulletin of 11/12/2023, worked example 1) or a RESAH 2020-027
 * convention starting on 01/01/2024, both billed by the run as of 02/01/2024. Killing and restarting a billing
 * run itself is BillingCrashIT's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(FaultInjectionIT.class);

    private static final String AS_OF = "2024-01-02";
    private static final int DEBTORS = 8;
    /**
     * Sources a scenario adds: many pages of the feed, so that the source is stopped while the run still
     * pages it (billing-service reads a page or two ahead and issues 500 items per transaction).
     */
    private static final int BATCH = 12_000;
    /** Titres of the batch issued before the source is stopped: the first batch has committed. */
    private static final int STOP_AFTER = 1;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    /** billing-service's circuit breakers stay open 5 s after the failures (SourceCalls). */
    private static final Duration BREAKER_DELAY = Duration.ofSeconds(6);

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** Bound on any answer under load: the pool's 5 s acquisition timeout, plus the machine's slowness. */
    private static final Duration MAX_ANSWER = Duration.ofSeconds(12);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
    /** What must never be in an error answer: exception names, SQL, driver and pool words, stack frames, addresses. */
    private static final Pattern INSIDE = Pattern.compile(
            "exception|sql|jdbc|postgres|hibernate|agroal|arjuna|narayana|netty|vertx|\\tat |\\.java:|org\\.|io\\."
                    + "|\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|localhost",
            Pattern.CASE_INSENSITIVE);

    private static Databases databases;
    private static ServiceProcess membership;
    private static ServiceProcess convention;
    private static ServiceProcess billing;
    private static Map<String, String> membershipProperties;
    private static Map<String, String> conventionProperties;
    private static final List<String> debtors = new ArrayList<>();
    /** Every membership and convention inserted: each implies exactly one RESAH 2024 billable item. */
    private static final Set<String> sources = new HashSet<>();
    private static final AtomicInteger sirets = new AtomicInteger();
    private static final AtomicInteger restarts = new AtomicInteger();
    private static final List<String> summary = new CopyOnWriteArrayList<>();

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @BeforeAll
    static void startTheSuite() throws InterruptedException {
        List.of("membership-service", "convention-service", "billing-service").forEach(Centrale::runJar);
        databases = Databases.startRestartable("membership", "convention", "billing");

        membershipProperties = new LinkedHashMap<>(databases.datasource("membership"));
        membershipProperties.put("centrale.q1-run-day", "01-02");
        membership = services.start("membership-service", "membership-service", membershipProperties);
        conventionProperties = new LinkedHashMap<>(databases.datasource("convention"));
        conventionProperties.put("quarkus.rest-client.membership.url", membership.baseUrl());
        conventionProperties.put("centrale.q1-run-day", "01-02");
        convention = services.start("convention-service", "convention-service", conventionProperties);
        Map<String, String> bs = new LinkedHashMap<>(databases.datasource("billing"));
        bs.put("quarkus.rest-client.membership.url", membership.baseUrl());
        bs.put("quarkus.rest-client.convention.url", convention.baseUrl());
        bs.put("centrale.billing.cron", "off");
        bs.put("centrale.q1-run-day", "01-02");
        billing = services.start("billing-service", "billing-service", bs);
        services.awaitReady(membership, convention, billing);

        JsonApi api = new JsonApi(membership, http);
        for (int i = 0; i < DEBTORS; i++) {
            debtors.add(api.create("/api/v1/organisations", organisation("Département de test n° " + (i + 1))).path("id").asText());
        }
    }

    @AfterAll
    static void stopEverything() {
        services.stopAll();
        if (databases != null) {
            databases.close();
        }
        System.out.println("[system-tests] FaultInjectionIT summary:");
        summary.forEach(line -> System.out.println("[system-tests]   " + line));
    }

    // ---- 1. a source stops during a run ---------------------------------------------------------

    @Test
    @Order(1)
    void membershipServiceKilledWhileBillingPagesItsFeed() throws Exception {
        sourceStopsDuringARun(Source.MEMBERSHIP, true);
    }

    @Test
    @Order(2)
    void membershipServiceStoppedGracefullyWhileBillingPagesItsFeed() throws Exception {
        sourceStopsDuringARun(Source.MEMBERSHIP, false);
    }

    @Test
    @Order(3)
    void conventionServiceKilledWhileBillingPagesItsFeed() throws Exception {
        sourceStopsDuringARun(Source.CONVENTION, true);
    }

    @Test
    @Order(4)
    void conventionServiceStoppedGracefullyWhileBillingPagesItsFeed() throws Exception {
        sourceStopsDuringARun(Source.CONVENTION, false);
    }

    private enum Source {
        MEMBERSHIP("membership-service"), CONVENTION("convention-service");

        final String service;

        Source(String service) {
            this.service = service;
        }
    }

    private static void sourceStopsDuringARun(Source source, boolean kill) throws Exception {
        String how = kill ? "SIGKILL" : "graceful stop";
        List<String> batch = source == Source.MEMBERSHIP ? insertMemberships(BATCH) : insertConventions(BATCH);
        long before = titres();
        assertThat(before).as("titres before the scenario").isEqualTo(sources.size() - BATCH);

        long runStart = System.nanoTime();
        CompletableFuture<Answer> run = CompletableFuture.supplyAsync(
                () -> send(billing, "POST", "/api/v1/billing-runs", "{\"asOf\": \"" + AS_OF + "\"}", RUN_TIMEOUT));
        long atStop = awaitTitres(before + STOP_AFTER, run);

        ServiceProcess stopped = source == Source.MEMBERSHIP ? membership : convention;
        Process process = stopped.process();
        long stopStart = System.nanoTime();
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s ended after the %s", stopped, how).isTrue();
        double stopSeconds = seconds(System.nanoTime() - stopStart);
        if (kill) {
            assertThat(process.exitValue()).as("exit code of a JVM killed by SIGKILL").isEqualTo(137);
        }

        // billing-service does not depend on its sources to be ready: its readiness is its own database.
        Answer ready = send(billing, "GET", "/q/health/ready", null, Duration.ofSeconds(10));
        assertThat(ready.status()).as("billing-service readiness with %s down: %s", source.service, ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"").doesNotContain(source.service);

        Answer answer = run.get(RUN_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        long runEnd = System.nanoTime();
        assertNoLeak(answer, "the run while " + source.service + " was stopped");
        String outcome;
        if (answer.status() == 201) {
            JsonNode r = answer.json();
            outcome = r.path("status").asText();
            assertThat(outcome).as("the run's outcome with %s stopped midway: %s", source.service, r).isIn("PARTIAL", "FAILED");
            assertThat(r.path("message").asText()).as("the run's message names the source: %s", r).contains(source.service);
            assertThat(INSIDE.matcher(r.path("message").asText()).find()).as("the run's message tells of the inside: %s", r).isFalse();
            JsonNode stored = new JsonApi(billing, http).get("/api/v1/billing-runs/" + r.path("id").asText());
            assertThat(stored.path("status").asText()).as("the run as stored").isEqualTo(outcome);
            assertThat(stored.path("finishedAt").isMissingNode() || stored.path("finishedAt").isNull()).isFalse();
        } else {
            assertThat(answer.status()).as("the run's answer: %s", answer).isEqualTo(503);
            assertThat(answer.json().path("detail").asText()).contains(source.service);
            outcome = "503 " + answer.json().path("code").asText();
        }
        assertThat(databases.count("billing", "SELECT count(*) FROM billing_run WHERE status = 'RUNNING'"))
                .as("runs still RUNNING").isZero();
        long partial = titres();
        assertThat(partial).as("titres after the stopped run: some of the batch, not all of it")
                .isBetween(before + STOP_AFTER, before + BATCH - 1);
        assertLedgerConsistent(partial);

        // The source again, where billing-service calls it; the next run completes.
        ServiceProcess restarted = services.start(source.service, source.service + "-restarted-" + restarts.incrementAndGet(),
                stopped.port(), source == Source.MEMBERSHIP ? membershipProperties : conventionProperties);
        services.awaitReady(restarted);
        if (source == Source.MEMBERSHIP) {
            membership = restarted;
        } else {
            convention = restarted;
        }
        long sinceFailure = System.nanoTime() - runEnd;
        if (sinceFailure < BREAKER_DELAY.toNanos()) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(BREAKER_DELAY.toNanos() - sinceFailure));
        }
        long rerunStart = System.nanoTime();
        Answer rerun = send(billing, "POST", "/api/v1/billing-runs", "{\"asOf\": \"" + AS_OF + "\"}", RUN_TIMEOUT);
        assertThat(rerun.status()).as("the run after the restart: %s", rerun).isEqualTo(201);
        JsonNode r = rerun.json();
        assertThat(List.of(r.path("status").asText(), r.path("issuedCount").asLong(), r.path("alreadyIssuedCount").asLong(),
                r.path("failedCount").asInt()))
                .as("the run after %s was restarted: %s", source.service, r)
                .containsExactly("COMPLETED", sources.size() - partial, partial, 0);
        assertLedgerConsistent(sources.size());
        assertThat(issuedSources()).as("the sources of the titres").containsExactlyInAnyOrderElementsOf(sources);
        assertThat(batch).hasSize(BATCH);
        assertNoUnexpectedErrorLogged();

        summary.add(String.format(Locale.ROOT,
                "%s %s after %d titres of the batch (stop took %.1f s): run answered %d %s in %.1f s with %d of %d issued;"
                        + " restarted, the next run COMPLETED with the other %d in %.1f s; ledger 1..%d",
                source.service, how, atStop - before, stopSeconds, answer.status(), outcome, seconds(runEnd - runStart),
                partial - before, BATCH, sources.size() - partial, seconds(System.nanoTime() - rerunStart), sources.size()));
    }

    /** Polls the titre count until it reaches {@code n}; fails if the run ends first or takes too long. */
    private static long awaitTitres(long n, CompletableFuture<Answer> run) throws InterruptedException {
        long deadline = System.nanoTime() + WINDOW_TIMEOUT.toNanos();
        while (true) {
            long count = titres();
            if (count >= n) {
                return count;
            }
            if (run.isDone()) {
                fail("The billing run ended (" + run.join() + ") with " + count + " titres, before the stop at " + n);
            }
            if (System.nanoTime() > deadline) {
                fail("Only " + count + " titres after " + WINDOW_TIMEOUT.toSeconds() + " s, waiting for " + n);
            }
            Thread.sleep(20);
        }
    }

    // ---- 2. the database stops during HTTP load -------------------------------------------------

    /** One request of the load and its answer. */
    private record Call(String kind, long start, long end, Answer answer, String created) {

        boolean ok() {
            return answer.status() >= 200 && answer.status() < 300;
        }

        double seconds() {
            return (end - start) / 1e9;
        }
    }

    /** One readiness probe, sent at {@code at}. */
    private record Probe(String service, long at, long end, int status) {
    }

    @Test
    @Order(5)
    void theDatabaseStopsDuringHttpLoad() throws Exception {
        assumeTrue(databases.isRestartable(), "an external PostgreSQL (CENTRALE_DB_URL) cannot be stopped by the test");
        if (titres() == 0) {
            // Run alone (-Dit.test=FaultInjectionIT#theDatabaseStopsDuringHttpLoad): titres to pay.
            insertMemberships(200);
            new JsonApi(billing, http).send("POST", "/api/v1/billing-runs", "{\"asOf\": \"" + AS_OF + "\"}", 201, RUN_TIMEOUT);
        }
        long organisationsBefore = databases.count("membership", "SELECT count(*) FROM organisation");
        List<String> titres = databases.column("billing", "SELECT id FROM titre ORDER BY serial LIMIT 2000");
        AtomicInteger nextTitre = new AtomicInteger();
        AtomicInteger nextReference = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();

        List<Runnable> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(loop(stop, calls, () -> {
                String name = "Commune de charge n° " + UUID.randomUUID();
                Answer a = send(membership, "POST", "/api/v1/organisations", JsonApi.toJson(organisation(name)), REQUEST_TIMEOUT);
                return new Object[] {"create organisation", a, a.status() == 201 ? a.json().path("id").asText() : null};
            }));
        }
        workers.add(loop(stop, calls, () -> {
            String titre = titres.get(nextTitre.getAndIncrement() % titres.size());
            String reference = "FAULT-" + nextReference.incrementAndGet();
            Answer a = send(billing, "POST", "/api/v1/titres/" + titre + "/payments",
                    "{\"amount\": 1.00, \"paidOn\": \"2024-02-01\", \"reference\": \"" + reference + "\"}", REQUEST_TIMEOUT);
            return new Object[] {"record payment", a, a.status() == 201 ? titre + " " + reference : null};
        }));
        AtomicInteger reads = new AtomicInteger();
        workers.add(loop(stop, calls, () -> {
            int n = reads.getAndIncrement();
            return switch (n % 3) {
                case 0 -> new Object[] {"read organisation",
                        send(membership, "GET", "/api/v1/organisations/" + debtors.get(n % DEBTORS), null, REQUEST_TIMEOUT), null};
                case 1 -> new Object[] {"list conventions",
                        send(convention, "GET", "/api/v1/conventions?size=5", null, REQUEST_TIMEOUT), null};
                default -> new Object[] {"list titres", send(billing, "GET", "/api/v1/titres?size=5", null, REQUEST_TIMEOUT), null};
            };
        }));
        for (ServiceProcess s : List.of(membership, convention, billing)) {
            workers.add(() -> {
                while (!stop.get()) {
                    long at = System.nanoTime();
                    Answer a = send(s, "GET", "/q/health/ready", null, Duration.ofSeconds(10));
                    probes.add(new Probe(s.name(), at, System.nanoTime(), a.status()));
                    sleep(200);
                }
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        long loadStart = System.nanoTime();
        workers.forEach(pool::submit);
        Thread.sleep(2000);
        long dbStopping = System.nanoTime();
        databases.stopServer();
        long dbStopped = System.nanoTime();
        System.out.printf("[system-tests] PostgreSQL stopped (%.1f s)%n", seconds(dbStopped - dbStopping));
        Thread.sleep(OUTAGE.toMillis());
        long dbStarting = System.nanoTime();
        databases.startServer();
        long dbStarted = System.nanoTime();
        System.out.printf("[system-tests] PostgreSQL started again (%.1f s)%n", seconds(dbStarted - dbStarting));
        long allReady = awaitAllReady(probes, dbStarted);
        Thread.sleep(2000);
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)).as("the load's threads ended").isTrue();
        long loadEnd = System.nanoTime();

        List<Call> all = new ArrayList<>(calls);
        // Every request answered, in bounded time, never a 500, never anything of the inside.
        for (Call c : all) {
            assertThat(c.answer().error()).as("%s: no answer (%s)", c.kind(), c.answer()).isNull();
            assertNoLeak(c.answer(), c.kind());
        }
        double slowest = all.stream().mapToDouble(Call::seconds).max().orElse(0);
        assertThat(slowest).as("the slowest answer (s)").isLessThan(MAX_ANSWER.toSeconds());
        // Requests sent and answered while the server was down: refused with 503 DATABASE_UNAVAILABLE, Retry-After.
        List<Call> duringOutage = all.stream().filter(c -> c.start() > dbStopped && c.end() < dbStarting).toList();
        assertThat(duringOutage).as("requests answered during the outage").hasSizeGreaterThanOrEqualTo(5);
        for (Call c : duringOutage) {
            assertThat(c.answer().status()).as("%s during the outage: %s", c.kind(), c.answer()).isEqualTo(503);
            assertThat(c.answer().json().path("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(c.answer().retryAfter()).as("Retry-After of %s", c.answer()).isNotBlank();
        }
        // Readiness: DOWN during the outage, UP again after.
        for (ServiceProcess s : List.of(membership, convention, billing)) {
            List<Probe> own = probes.stream().filter(p -> p.service().equals(s.name())).toList();
            String timeline = own.stream()
                    .map(p -> String.format(Locale.ROOT, "%+.1f s: %d in %.2f s", seconds(p.at() - dbStopped), p.status(),
                            seconds(p.end() - p.at())))
                    .collect(Collectors.joining(", ", "(seconds from the stop; outage until " 
                            + String.format(Locale.ROOT, "%+.1f s) ", seconds(dbStarting - dbStopped)), ""));
            // A probe sent during the outage may wait for a connection (Agroal tries again once after a second)
            // and see the server back: those answered before the restart are the ones that must be DOWN.
            assertThat(own.stream().filter(p -> p.at() > dbStopped && p.end() < dbStarting).map(Probe::status).toList())
                    .as("%s readiness during the outage %s", s.name(), timeline).isNotEmpty().containsOnly(503);
            assertThat(own.stream().filter(p -> p.end() < dbStopping).map(Probe::status).toList())
                    .as("%s readiness before the outage %s", s.name(), timeline).isNotEmpty().containsOnly(200);
            assertThat(own.get(own.size() - 1).status()).as("%s readiness at the end %s", s.name(), timeline).isEqualTo(200);
        }

        // Every 2xx was stored.
        List<String> createdIds = all.stream().filter(c -> c.kind().equals("create organisation") && c.ok()).map(Call::created).toList();
        Set<String> stored = new HashSet<>(databases.column("membership", "SELECT id FROM organisation"));
        assertThat(stored).as("organisations answered 201 are stored").containsAll(createdIds);
        JsonApi ms = new JsonApi(membership, http);
        for (String id : createdIds.subList(Math.max(0, createdIds.size() - 20), createdIds.size())) {
            ms.get("/api/v1/organisations/" + id);
        }
        long refusedCreations = all.stream().filter(c -> c.kind().equals("create organisation") && !c.ok()).count();
        long organisationsAfter = databases.count("membership", "SELECT count(*) FROM organisation");
        // A creation whose commit was under way when the server stopped may be stored though answered 503.
        assertThat(organisationsAfter - organisationsBefore).as("organisations added")
                .isBetween((long) createdIds.size(), createdIds.size() + refusedCreations);
        List<String> payments = all.stream().filter(c -> c.kind().equals("record payment") && c.ok()).map(Call::created).toList();
        Set<String> references = new HashSet<>(databases.column("billing", "SELECT reference FROM payment"));
        JsonApi bs = new JsonApi(billing, http);
        for (String p : payments) {
            String[] titreAndReference = p.split(" ");
            assertThat(references).as("payments answered 201 are stored").contains(titreAndReference[1]);
        }
        for (String p : payments.subList(Math.max(0, payments.size() - 10), payments.size())) {
            String[] titreAndReference = p.split(" ");
            JsonNode titre = bs.get("/api/v1/titres/" + titreAndReference[0]);
            List<String> refs = new ArrayList<>();
            titre.path("payments").forEach(x -> refs.add(x.path("reference").asText()));
            assertThat(refs).as("payments of titre %s", titreAndReference[0]).contains(titreAndReference[1]);
        }

        // After the recovery: writes succeed again (the last second of the load, and now), and a billing run completes.
        List<Call> afterRecovery = all.stream().filter(c -> c.start() > allReady + 1_000_000_000L).toList();
        assertThat(afterRecovery).as("requests sent a second after every service was ready again").isNotEmpty()
                .allSatisfy(c -> assertThat(c.ok()).as("%s after the recovery: %s", c.kind(), c.answer()).isTrue());
        for (int i = 0; i < 5; i++) {
            ms.create("/api/v1/organisations", organisation("Après la panne n° " + i));
        }
        insertMemberships(20);
        JsonNode run = new JsonApi(billing, http).send("POST", "/api/v1/billing-runs", "{\"asOf\": \"" + AS_OF + "\"}", 201, RUN_TIMEOUT);
        assertThat(List.of(run.path("status").asText(), run.path("issuedCount").asInt(), run.path("failedCount").asInt()))
                .as("the billing run after the recovery: %s", run).containsExactly("COMPLETED", 20, 0);
        assertLedgerConsistent(sources.size());
        assertNoUnexpectedErrorLogged();

        Map<Integer, Long> byStatus = all.stream().collect(Collectors.groupingBy(c -> c.answer().status(), java.util.TreeMap::new,
                Collectors.counting()));
        long ok = all.stream().filter(Call::ok).count();
        double slowestDown = probes.stream().filter(p -> p.status() == 503).mapToDouble(p -> seconds(p.end() - p.at())).max().orElse(0);
        long downProbes = probes.stream().filter(p -> p.status() == 503).count();
        summary.add(String.format(Locale.ROOT,
                "PostgreSQL stopped %.1f s (stop %.1f s, start %.1f s), every service ready again %.1f s after the start;"
                        + " load of %.1f s: %d requests, %d 2xx, %d 503 (%d sent and answered during the outage), statuses %s,"
                        + " slowest answer %.2f s; %d organisations and %d payments answered 201, all stored"
                        + " (%d creations refused, %d organisations added); readiness: %d probes DOWN (503, the slowest in %.2f s)",
                seconds(dbStarting - dbStopped), seconds(dbStopped - dbStopping), seconds(dbStarted - dbStarting),
                seconds(allReady - dbStarted), seconds(loadEnd - loadStart), all.size(), ok,
                byStatus.getOrDefault(503, 0L), duringOutage.size(), byStatus, slowest, createdIds.size(), payments.size(),
                refusedCreations, organisationsAfter - organisationsBefore, downProbes, slowestDown));
    }

    /** A worker: the request again and again until {@code stop}, a short pause after a refusal. */
    private static Runnable loop(AtomicBoolean stop, ConcurrentLinkedQueue<Call> calls, Supplier<Object[]> request) {
        return () -> {
            while (!stop.get()) {
                long start = System.nanoTime();
                Object[] r = request.get();
                long end = System.nanoTime();
                Answer a = (Answer) r[1];
                calls.add(new Call((String) r[0], start, end, a, (String) r[2]));
                sleep(a.status() >= 200 && a.status() < 300 ? 10 : 100);
            }
        };
    }

    /** Waits until the last probe of every service after {@code since} is 200; the time it was. */
    private static long awaitAllReady(ConcurrentLinkedQueue<Probe> probes, long since) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Probe> last = new LinkedHashMap<>();
            for (Probe p : probes) {
                if (p.at() > since) {
                    last.put(p.service(), p);
                }
            }
            if (last.size() == 3 && last.values().stream().allMatch(p -> p.status() == 200)) {
                return last.values().stream().mapToLong(Probe::end).max().orElseThrow();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not every service was ready " + RECOVERY_TIMEOUT.toSeconds() + " s after PostgreSQL started again"
                + services.logTails());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** An HTTP answer, or the failure to get one ({@code error}, status -1). */
    private record Answer(int status, String contentType, String retryAfter, String body, String error) {

        JsonNode json() {
            try {
                return JsonApi.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return error != null ? "no answer: " + error
                    : status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    private static Answer send(ServiceProcess service, String method, String path, String json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), r.body(), null);
        } catch (IOException e) {
            return new Answer(-1, "", null, "", method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", null, "", "interrupted");
        }
    }

    /** Not a 500 (nor any 5xx but 503), and an error is problem+json that says nothing of the inside. */
    private static void assertNoLeak(Answer a, String what) {
        assertThat(a.error()).as("%s: no answer", what).isNull();
        assertThat(a.status()).as("%s: %s", what, a).isNotEqualTo(500).isNotIn(501, 502, 504);
        if (a.status() >= 400) {
            assertThat(a.contentType()).as("%s: %s", what, a).startsWith("application/problem+json");
            assertThat(a.json().path("code").asText()).as("%s: %s", what, a).isNotBlank();
            assertThat(INSIDE.matcher(a.body()).find()).as("%s tells something of the inside: %s", what, a).isFalse();
        }
    }

    /** ProblemMappers logs "Unexpected error" for each 500 it answers: none in any service's log. */
    private static void assertNoUnexpectedErrorLogged() throws IOException {
        try (var logs = Files.list(services.logDir())) {
            for (var log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                assertThat(text).as("%s", log.getFileName()).doesNotContain("Unexpected error");
            }
        }
    }

    private static long titres() {
        return databases.count("billing", "SELECT count(*) FROM titre");
    }

    private static List<String> issuedSources() {
        return databases.column("billing", "SELECT source_id FROM issued_item");
    }

    /**
     * {@code n} titres, all RESAH 2024 and numbered exactly 1..n (the series' last number n), each with one line
     * and one claimed item, one per source.
     */
    private static void assertLedgerConsistent(long n) {
        assertThat(Map.of(
                "titre", titres(),
                "titre RESAH 2024", databases.count("billing", "SELECT count(*) FROM titre WHERE issuer = 'RESAH' AND fiscal_year = 2024"),
                "distinct serial", databases.count("billing", "SELECT count(DISTINCT serial) FROM titre"),
                "min serial", databases.count("billing", "SELECT coalesce(min(serial), 1) FROM titre"),
                "max serial", databases.count("billing", "SELECT coalesce(max(serial), 0) FROM titre"),
                "last number", databases.count("billing", "SELECT coalesce(max(last_number), 0) FROM number_series WHERE series = ''"),
                "titre_line", databases.count("billing", "SELECT count(*) FROM titre_line"),
                "issued_item", databases.count("billing", "SELECT count(*) FROM issued_item"),
                "distinct source", databases.count("billing", "SELECT count(DISTINCT source_id) FROM issued_item")))
                .as("the billing ledger")
                .containsExactlyInAnyOrderEntriesOf(Map.of("titre", n, "titre RESAH 2024", n, "distinct serial", n, "min serial", 1L,
                        "max serial", n, "last number", n, "titre_line", n, "issued_item", n, "distinct source", n));
    }

    /** RESAH memberships of the debtors, bulletin received 11/12/2023: the 2024 fee, 600 €, at the Q1 run 2024. */
    private static List<String> insertMemberships(int n) {
        // ends_on set: the "one open membership per organisation and body" index does not apply.
        return insert("membership", """
                INSERT INTO membership (id, organisation_id, purchasing_body_id, kind, bulletin_received_on, starts_on, ends_on)
                SELECT gen_random_uuid(), (?::uuid[])[1 + g % ?], '7c0f1d2e-0001-4000-8000-000000000001', 'MEMBER',
                       DATE '2023-12-11', DATE '2023-12-11', DATE '2025-12-31'
                  FROM generate_series(1, ?) g
                RETURNING id""", n);
    }

    /** Signed RESAH 2020-027 « Sécurité » conventions from 01/01/2024: one titre of 658,33 € each (docs/rules.md). */
    private static List<String> insertConventions(int n) {
        return insert("convention", """
                WITH c AS (
                    INSERT INTO convention (id, offer_id, signatory_id, signatory_name, mode, status, ends_on, signed_on,
                                            annual_amount, negotiated, tier, grid_row, current_annual_amount, current_tier)
                    SELECT gen_random_uuid(), o.id, (?::uuid[])[1 + g % ?], 'Département de test', 'OWN_ACCOUNT', 'ACTIVE',
                           DATE '2024-08-27', DATE '2023-12-20', 1000.00, false, 'DEPARTEMENT', 'CD (Département)', 1000.00, 'DEPARTEMENT'
                      FROM offer o, generate_series(1, ?) g
                     WHERE o.code = 'RESAH-2020-027-LOT1-SECURITE' AND NOT o.superseded
                    RETURNING id, signatory_id, signatory_name)
                INSERT INTO beneficiary (id, convention_id, rank, organisation_id, organisation_name, category, starts_on, consumed_amount)
                SELECT gen_random_uuid(), c.id, 0, c.signatory_id, c.signatory_name, 'DEPARTEMENT', DATE '2024-01-01', 0 FROM c
                RETURNING convention_id""", n);
    }

    private static List<String> insert(String database, String sql, int n) {
        try (Connection c = databases.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            Array ids = c.createArrayOf("uuid", debtors.stream().map(UUID::fromString).toArray());
            s.setArray(1, ids);
            s.setInt(2, debtors.size());
            s.setInt(3, n);
            List<String> inserted = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
            assertThat(inserted).as("sources inserted into %s", database).hasSize(n);
            sources.addAll(inserted);
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not insert into " + database, e);
        }
    }

    /** A département of the Pas-de-Calais with a valid, new SIRET. */
    private static Map<String, Object> organisation(String name) {
        return Map.of("name", name, "siret", siret(sirets.incrementAndGet()), "category", "DEPARTEMENT", "headcount", 100,
                "address", Map.of("street", "Rue Ferdinand Buisson", "postalCode", "62000", "city", "Arras"));
    }

    /** The n-th SIRET of the test: a SIREN and a SIRET that pass the Luhn check. */
    static String siret(int n) {
        String siren = withLuhnDigit(String.format(Locale.ROOT, "7%07d", n));
        return withLuhnDigit(siren + "0001");
    }

    private static String withLuhnDigit(String digits) {
        for (int d = 0; d <= 9; d++) {
            if (luhn(digits + d)) {
                return digits + d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + digits);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
