package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import fr.centrale.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Point-in-time recovery of billing's database, locally (deploy/README.md, "Restore a database to a point in time", done
 * by hand on an embedded PostgreSQL 15 instead of CloudNativePG): the packaged billing-service on a server that archives
 * its WAL, with a WireMock standing for membership-service (a feed of RESAH 2024 membership fees) and convention-service.
 *
 * <ol>
 * <li>A run issues titres 1 to 5; titre 1 is paid.</li>
 * <li>A base backup is taken while billing-service runs, with PostgreSQL's low-level API ({@code pg_backup_start},
 *     a copy of the data directory, {@code pg_backup_stop}'s backup_label), as the tools without pg_basebackup do.</li>
 * <li>Work that must survive: a second run issues titres 6 to 8, titre 2 is paid in part. Then the restore point.</li>
 * <li>Work that must not: a third run issues titres 9 and 10, titre 3 is paid, titre 4 cancelled (a mandat 673 of the
 *     current year). The WAL is switched (so the segment is archived), billing-service and the server are stopped and
 *     the server's data directory deleted: the database is lost.</li>
 * <li>A new data directory from the base backup, with {@code recovery.signal} and the recovery settings, replays the
 *     archived WAL up to the restore point and is promoted. A fresh billing-service on it finds the ledger exactly as it
 *     stood at the restore point: the verification holds, with the chains' heads of that moment; titres 1 to 8 with
 *     their payments, nothing of what came after; and the numbering goes on without a gap (the next run issues the
 *     feed's last two items again, as titres 9 and 10, on bordereau 3).</li>
 * </ol>
 *
 * <p>Needs the embedded server (skipped with {@code CENTRALE_DB_URL}) and a POSIX shell with {@code cp} (the archive
 * and restore commands).
 */
class PointInTimeRestoreIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(PointInTimeRestoreIT.class);

    private static final LocalDate AS_OF = LocalDate.of(2024, 1, 2);
    private static final int YEAR = AS_OF.getYear();
    private static final String RESTORE_POINT = "before-the-mistakes";
    private static final Map<String, String> FINANCE = Map.of("X-Centrale-User", "comptable@example.fr", "X-Centrale-Roles", "finance");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What a base backup leaves out (PostgreSQL 15 documentation, "Making a Base Backup Using the Low Level API"):
     * these files, and the contents of these directories (the directories themselves are kept).
     */
    private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
            "backup_label", "tablespace_map", "backup_manifest",
            // zonky's lock of its data directory, not PostgreSQL's
            "epg-lock");
    private static final Set<String> DIRECTORIES_EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private static final MembershipFeedStub FEED = new MembershipFeedStub();
    private static final UUID DEBTOR = UUID.randomUUID();
    /** Ten membership fees, served five, then eight, then ten at a time. */
    private static final List<MembershipFeedStub.Item> ITEMS = IntStream.range(0, 10)
            .mapToObj(i -> new MembershipFeedStub.Item(UUID.randomUUID(), DEBTOR, AS_OF, "600.00")).toList();

    private static Path work;
    private static Path archive;
    private static Databases databases;
    private static Databases restored;
    private static WireMockServer sources;

    @BeforeAll
    static void start() throws IOException {
        String external = System.getenv(PostgresServer.URL_VARIABLE);
        assumeTrue(external == null || external.isBlank(), "a point-in-time restore needs the embedded PostgreSQL's data directory");
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().startsWith("windows"), "archive_command is a POSIX cp");
        Centrale.runJar("billing-service");
        work = Files.createTempDirectory("centrale-pitr-");
        archive = Files.createDirectories(work.resolve("wal-archive"));
        // WAL archiving as the docs' example (25.3.1): never overwrite a segment already archived.
        databases = Databases.startRestartable(Map.of("wal_level", "replica", "archive_mode", "on",
                "archive_command", "test ! -f " + archive + "/%f && cp %p " + archive + "/%f"), "billing");
        sources = FEED.startSources();
        String organisation = """
                {"id": "%s", "name": "Commune de Liévin", "siret": "21625100900013", "category": "COMMUNE",
                 "population": 30000, "address": {"street": "Hôtel de ville", "postalCode": "62800", "city": "Liévin"}}"""
                .formatted(DEBTOR);
        sources.stubFor(get(urlPathEqualTo("/api/v1/organisations/" + DEBTOR)).willReturn(okJson(organisation)));
        sources.stubFor(post(urlPathEqualTo("/api/v1/organisations/lookup")).willReturn(okJson("[" + organisation + "]")));
    }

    @AfterAll
    static void stop() {
        services.stopAll();
        if (sources != null) {
            sources.stop();
        }
        for (Databases d : new Databases[]{databases, restored}) {
            if (d != null) {
                d.close();
            }
        }
        if (work != null) {
            delete(work);
        }
    }

    @Test
    void theRestoredDatabaseIsTheLedgerAtTheRestorePointAndGoesOnFromThere() throws Exception {
        // 1. Titres 1..5, titre 1 paid.
        ServiceProcess billing = startBilling("billing-service", databases);
        JsonApi api = new JsonApi(billing, services.http()).with(FINANCE);
        FEED.serve(ITEMS.subList(0, 5));
        assertIssued(run(api), 5);
        Map<String, JsonNode> titres = titres(api);
        assertThat(titres.keySet()).containsExactlyElementsOf(numbers(1, 5));
        pay(api, titres.get(number(1)), "600.00", "VIR-2024-000001");

        // 2. The base backup, billing-service still running.
        Path base = work.resolve("base-backup");
        String lsn = baseBackup(databases, base);
        System.out.printf("[system-tests] base backup of %s in %s (ends at %s)%n", databases.dataDir(), base, lsn);

        // 3. What must survive: titres 6..8, titre 2 paid in part; then the restore point.
        FEED.serve(ITEMS.subList(0, 8));
        assertIssued(run(api), 3);
        titres = titres(api);
        pay(api, titres.get(number(2)), "250.00", "VIR-2024-000002");
        Map<String, String> atThePoint = state(titres(api));
        JsonNode verifiedAtThePoint = verification(api);
        assertHolds(verifiedAtThePoint);
        List<String> bordereauxAtThePoint = bordereaux(api);
        assertThat(bordereauxAtThePoint).containsExactly("RESAH-2024-B-000001", "RESAH-2024-B-000002");
        List<String> runsAtThePoint = runs(api);
        assertThat(databases.column("billing", "SELECT pg_create_restore_point('" + RESTORE_POINT + "')::text")).hasSize(1);

        // 4. What must not: titres 9 and 10, titre 3 paid, titre 4 cancelled (a mandat 673 of the current year).
        FEED.serve(ITEMS);
        assertIssued(run(api), 2);
        titres = titres(api);
        pay(api, titres.get(number(3)), "600.00", "VIR-2024-000003");
        JsonNode mandate = api.create("/api/v1/titres/" + titres.get(number(4)).path("id").asText() + "/cancellation",
                Map.of("reason", "Adhésion résiliée au 31 décembre 2023"));
        assertThat(mandate.path("kind").asText()).as("the correction of a 2024 titre: %s", mandate).isEqualTo("MANDATE_673");
        JsonNode verifiedAfter = verification(api);
        assertHolds(verifiedAfter);
        assertThat(chains(verifiedAfter)).as("the chains after the mistakes").isNotEqualTo(chains(verifiedAtThePoint));
        String lastSegment = databases.column("billing", "SELECT pg_walfile_name(pg_switch_wal())").get(0);
        awaitArchived(lastSegment);
        billing.stop(Duration.ofSeconds(15));
        assertThat(billing.isAlive()).isFalse();
        Path lost = databases.dataDir();
        databases.close(); // the server stopped and its data directory deleted: only the backup and the archive remain
        databases = null;
        assertThat(lost).doesNotExist();

        // 5. The restore: a new data directory from the base backup, replayed to the restore point and promoted.
        Path target = work.resolve("restored");
        copyTree(base, target, false);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(target.resolve("recovery.signal"), "");
        Files.writeString(target.resolve("postgresql.conf"), """

                # Point-in-time recovery (PointInTimeRestoreIT)
                restore_command = 'cp %s/%%f %%p'
                recovery_target_name = '%s'
                recovery_target_action = 'promote'
                """.formatted(archive, RESTORE_POINT), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        long recoveryStart = System.nanoTime();
        restored = Databases.startOn(target, Map.of(), "billing");
        awaitEndOfRecovery(restored);
        System.out.printf("[system-tests] restored to '%s' and promoted in %.1f s%n", RESTORE_POINT,
                (System.nanoTime() - recoveryStart) / 1e9);
        assertThat(target.resolve("recovery.signal")).as("removed by the promotion").doesNotExist();

        ServiceProcess again = startBilling("billing-service-restored", restored);
        JsonApi api2 = new JsonApi(again, services.http()).with(FINANCE);

        // The ledger verifies, and ends where it ended at the restore point: the same heads, no mandat 673.
        JsonNode verified = verification(api2);
        assertHolds(verified);
        assertThat(chains(verified)).as("each chain's length and head, against those at the restore point")
                .isEqualTo(chains(verifiedAtThePoint));
        assertThat(verified.path("chains").findValuesAsText("kind")).doesNotContain("MANDATE_673");
        // Titres 1..8 as they stood (titre 1 paid, 2 paid in part, 3 and 4 untouched); no 9 nor 10; two runs, two bordereaux.
        Map<String, JsonNode> restoredTitres = titres(api2);
        assertThat(state(restoredTitres)).as("the titres after the restore").isEqualTo(atThePoint);
        assertThat(restoredTitres.keySet()).containsExactlyElementsOf(numbers(1, 8));
        assertThat(List.of(status(restoredTitres, 1), status(restoredTitres, 2), status(restoredTitres, 3), status(restoredTitres, 4)))
                .containsExactly("PAID", "PARTIALLY_PAID", "ISSUED", "ISSUED");
        assertThat(restoredTitres.get(number(4)).path("correctedBy")).as("titre 4's corrections").isEmpty();
        assertThat(bordereaux(api2)).isEqualTo(bordereauxAtThePoint);
        assertThat(runs(api2)).isEqualTo(runsAtThePoint);

        // The numbering goes on without a gap: the last two items, whose titres were lost, are issued again as 9 and 10.
        JsonNode next = run(api2);
        assertIssued(next, 2);
        Map<String, JsonNode> after = titres(api2);
        assertThat(after.keySet()).containsExactlyElementsOf(numbers(1, 10));
        assertThat(List.of(source(after, 9), source(after, 10))).containsExactlyInAnyOrder(
                ITEMS.get(8).sourceId().toString(), ITEMS.get(9).sourceId().toString());
        assertThat(bordereaux(api2)).containsExactly("RESAH-2024-B-000001", "RESAH-2024-B-000002", "RESAH-2024-B-000003");
        pay(api2, after.get(number(3)), "600.00", "VIR-2024-000003");
        JsonNode last = verification(api2);
        assertHolds(last);
        assertThat(last.path("chains").findValuesAsText("kind")).doesNotContain("MANDATE_673");
        Map<String, Long> lengths = new TreeMap<>();
        last.path("chains").forEach(c -> lengths.put(c.path("series").asText(), c.path("length").asLong()));
        assertThat(lengths).as("the chains' lengths: 10 titres, 3 payments, 3 bordereaux (each run's, chained as it ended)")
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("RESAH-2024", 10L, "RESAH-2024-PAYMENT", 3L, "RESAH-2024-BORDEREAU", 3L)));
    }

    // ---------------------------------------------------------------------------------------------
    // The base backup and the restore

    /**
     * A base backup with the low-level API: {@code pg_backup_start} (non-exclusive: the session stays open), a copy
     * of the data directory while the server runs, {@code pg_backup_stop} (which waits until the WAL the backup needs
     * is archived), and its backup_label (and tablespace_map, if any) written into the copy. Answers the LSN where
     * the backup ends.
     */
    private static String baseBackup(Databases server, Path target) throws SQLException, IOException {
        try (Connection c = server.connect("billing"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_backup_start('PointInTimeRestoreIT', true)::text")) {
                rs.next();
            }
            copyTree(server.dataDir(), target, true);
            try (ResultSet rs = s.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(true)")) {
                rs.next();
                Files.writeString(target.resolve("backup_label"), rs.getString("labelfile"), StandardCharsets.UTF_8);
                String map = rs.getString("spcmapfile");
                if (map != null && !map.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), map, StandardCharsets.UTF_8);
                }
                return rs.getString("lsn");
            }
        }
    }

    /**
     * Copies a directory; as a base backup ({@code backup}), leaving out what a base backup leaves out. A file may
     * vanish while it is copied (a temporary file, a dropped relation): the WAL replay recreates what matters.
     */
    private static void copyTree(Path from, Path to, boolean backup) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                if (backup && relative.getFileName() != null && relative.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path copy = Files.createDirectories(to.resolve(relative.toString()));
                if (backup && DIRECTORIES_EMPTIED.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (backup && (FILES_LEFT_OUT.contains(name) || name.startsWith("pgsql_tmp"))) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException vanished) {
                    // removed since it was listed
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void awaitArchived(String segment) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isRegularFile(archive.resolve(segment))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("WAL segment " + segment + " not archived after 30 s: " + list(archive));
            }
            Thread.sleep(100);
        }
    }

    /** The server accepts connections once consistent (hot standby); the recovery ends with the promotion. */
    private static void awaitEndOfRecovery(Databases server) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (Boolean.parseBoolean(server.column("billing", "SELECT pg_is_in_recovery()::text").get(0))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still in recovery after " + RECOVERY_TIMEOUT.toSeconds() + " s (see postgres.log)");
            }
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // billing-service

    private static ServiceProcess startBilling(String logName, Databases on) throws InterruptedException {
        Map<String, String> properties = new LinkedHashMap<>(on.datasource("billing"));
        String stubs = "http://" + ServiceProcess.HOST + ":" + sources.port();
        properties.put("quarkus.rest-client.membership.url", stubs);
        properties.put("quarkus.rest-client.convention.url", stubs);
        properties.put("centrale.billing.cron", "off");
        ServiceProcess billing = services.start("billing-service", logName, properties);
        services.awaitReady(billing);
        return billing;
    }

    private static JsonNode run(JsonApi api) {
        return api.send("POST", "/api/v1/billing-runs", Map.of("asOf", AS_OF), 201, RUN_TIMEOUT);
    }

    private static void assertIssued(JsonNode run, int issued) {
        assertThat(List.of(run.path("status").asText(), run.path("issuedCount").asInt(), run.path("failedCount").asInt()))
                .as("the run: %s", run).containsExactly("COMPLETED", issued, 0);
    }

    private static void pay(JsonApi api, JsonNode titre, String amount, String reference) {
        JsonNode paid = api.create("/api/v1/titres/" + titre.path("id").asText() + "/payments",
                Map.of("amount", new BigDecimal(amount), "paidOn", AS_OF.plusDays(20), "reference", reference));
        assertThat(paid.path("paidAmount").decimalValue()).as("%s after the payment", titre.path("number").asText())
                .isEqualByComparingTo(titre.path("paidAmount").decimalValue().add(new BigDecimal(amount)));
    }

    /** RESAH's 2024 titres (originals) by number, in number order. */
    private static Map<String, JsonNode> titres(JsonApi api) {
        JsonNode page = api.get("/api/v1/titres?issuer=RESAH&year=" + YEAR + "&size=500");
        Map<String, JsonNode> byNumber = new TreeMap<>();
        page.path("items").forEach(t -> byNumber.put(t.path("number").asText(), t));
        assertThat(page.path("total").asInt()).isEqualTo(byNumber.size());
        return byNumber;
    }

    /** What each titre says of itself and of where it stands (status, payments, corrections). */
    private static Map<String, String> state(Map<String, JsonNode> titres) {
        Map<String, String> state = new TreeMap<>();
        titres.forEach((number, t) -> {
            List<String> payments = new ArrayList<>();
            t.path("payments").forEach(p -> payments.add(p.path("amount").decimalValue().setScale(2) + " " + p.path("reference").asText()));
            state.put(number, String.join(" | ", t.path("id").asText(), t.path("status").asText(),
                    t.path("total").decimalValue().setScale(2).toPlainString(),
                    t.path("paidAmount").decimalValue().setScale(2).toPlainString(),
                    t.path("remainingAmount").decimalValue().setScale(2).toPlainString(),
                    t.path("lines").findValuesAsText("sourceId").toString(), payments.toString(),
                    t.path("correctedBy").toString(), t.path("bordereau").path("number").asText()));
        });
        return state;
    }

    private static String status(Map<String, JsonNode> titres, int serial) {
        return titres.get(number(serial)).path("status").asText();
    }

    private static String source(Map<String, JsonNode> titres, int serial) {
        return titres.get(number(serial)).path("lines").get(0).path("sourceId").asText();
    }

    private static List<String> bordereaux(JsonApi api) {
        List<String> numbers = api.get("/api/v1/bordereaux?issuer=RESAH&year=" + YEAR).path("items").findValuesAsText("number");
        return numbers.stream().sorted().toList();
    }

    private static List<String> runs(JsonApi api) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/billing-runs?size=50").path("items").forEach(r -> ids.add(r.path("id").asText() + " " + r.path("status").asText()
                + " " + r.path("issuedCount").asInt()));
        return ids.stream().sorted().toList();
    }

    private static JsonNode verification(JsonApi api) {
        return api.get("/api/v1/ledger/verification");
    }

    private static void assertHolds(JsonNode verification) {
        assertThat(verification.path("holds").asBoolean()).as("the ledger verification: %s", verification).isTrue();
        assertThat(verification.path("breakCount").asLong()).isZero();
        verification.path("checks").forEach(c -> assertThat(c.path("holds").asBoolean()).as("check %s", c).isTrue());
        assertThat(verification.path("chains")).as("the chained series").isNotEmpty();
        verification.path("chains").forEach(c -> assertThat(c.path("holds").asBoolean()).as("series %s", c).isTrue());
    }

    /** Each chained series: its length and its head's hash. */
    private static Map<String, String> chains(JsonNode verification) {
        Map<String, String> chains = new TreeMap<>();
        verification.path("chains").forEach(c -> chains.put(c.path("series").asText(),
                c.path("length").asLong() + " " + c.path("head").asText()));
        return chains;
    }

    private static String number(int serial) {
        return "RESAH-%d-%06d".formatted(YEAR, serial);
    }

    private static List<String> numbers(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(PointInTimeRestoreIT::number).toList();
    }

    // ---------------------------------------------------------------------------------------------

    private static String list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("[system-tests] could not delete " + dir + ": " + e);
        }
    }
}
