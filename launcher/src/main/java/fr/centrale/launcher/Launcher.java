package fr.centrale.launcher;

import fr.centrale.testing.PostgresServer;

import fr.centrale.testing.LocalTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local run ({@code ./run.sh}): PostgreSQL (embedded unless {@code CENTRALE_DB_URL}
 * is set), every service that has been built as a child JVM, sample data, then the URLs. Ctrl-C
 * stops it all.
 * <p>
 * Options: {@code --root <dir>} (the repository; default the working directory) and
 * {@code --no-sample-data}. Environment: {@code CENTRALE_PG_PORT} (embedded PostgreSQL port, 55432),
 * {@code CENTRALE_DB_URL}, {@code CENTRALE_DB_USER}, {@code CENTRALE_DB_PASSWORD} (external server).
 */
public final class Launcher {

    static final String PG_PORT_VARIABLE = "CENTRALE_PG_PORT";
    static final int DEFAULT_PG_PORT = 55432;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** A training run's services assemble their AOT cache as they stop: that takes a while on two cores. */
    private static final Duration TRAINING_STOP_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final boolean sampleData;
    /** A training run ({@link AotTraining}): the services write their AOT cache when they stop. */
    private final boolean aotTraining;
    private final Path logDir;
    /** The local signing key of the gateway's tokens, in .run/keys/ (generated on the first run). */
    private final LocalTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    // Guarded by this: starting something and stopping everything exclude each other, so nothing
    // started while Ctrl-C is being handled is left behind.
    private final List<ServiceProcess> processes = new ArrayList<>();
    private PostgresServer postgres;
    private boolean stopping;

    Launcher(Path root, boolean sampleData) {
        this(root, sampleData, false);
    }

    Launcher(Path root, boolean sampleData, boolean aotTraining) {
        this.root = root;
        this.sampleData = sampleData;
        this.aotTraining = aotTraining;
        this.logDir = root.resolve(".run").resolve(aotTraining ? "aot-training" : "logs");
        this.tokens = LocalTokens.in(root.resolve(".run").resolve("keys"));
    }

    /** The local signing key of this run's tokens. */
    LocalTokens tokens() {
        return tokens;
    }

    private static final String USAGE = """
            Usage: ./run.sh [--root <dir>] [--no-sample-data]
              --root <dir>       the repository (default: the working directory)
              --no-sample-data   start with the reference data only
            Environment: CENTRALE_PG_PORT (embedded PostgreSQL port, default 55432);
              CENTRALE_DB_URL, CENTRALE_DB_USER, CENTRALE_DB_PASSWORD to use an external PostgreSQL.""";

    public static void main(String[] args) {
        Path root = Path.of("");
        boolean sampleData = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") && i + 1 < args.length) {
                root = Path.of(args[++i]);
            } else if (args[i].equals("--no-sample-data")) {
                sampleData = false;
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            } else {
                System.err.println("Unknown option or missing value: " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
        }
        Launcher launcher = new Launcher(root.toAbsolutePath().normalize(), sampleData);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "centrale-stop"));
        try {
            launcher.start();
            launcher.awaitUnexpectedExit();
        } catch (LaunchException e) {
            if (!launcher.isStopping()) {
                System.err.println();
                System.err.println(e.getMessage());
                System.exit(1); // the shutdown hook stops what was started
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!launcher.isStopping()) {
                e.printStackTrace();
                System.exit(1);
            }
        }
    }

    /** Starts everything and prints the URLs; throws LaunchException on the first failure. */
    void start() throws InterruptedException {
        List<Service> services = builtServices();
        boolean embedded = isBlank(System.getenv(PostgresServer.URL_VARIABLE));
        int pgPort = embedded ? pgPort() : -1;
        requireFreePorts(services, pgPort);
        createLogDir();

        System.out.println(embedded ? "Starting PostgreSQL (embedded, port " + pgPort + ")…"
                : "Using PostgreSQL at " + forDisplay(System.getenv(PostgresServer.URL_VARIABLE)) + "…");
        if (embedded) {
            routePostgresLogTo(logDir.resolve("postgres.log"));
        }
        PostgresServer pg = startPostgres(pgPort);
        Map<Service, String> databaseUrls = new LinkedHashMap<>();
        for (Service s : services) {
            if (s.database() != null) {
                databaseUrls.put(s, pg.ensureDatabase(s.database()));
            }
        }

        for (Service s : services) {
            System.out.println("Starting " + s.module() + " on port " + s.port() + " (log: " + root.relativize(logDir)
                    .resolve(s.module() + ".log") + ")…");
            startService(s, systemProperties(s, databaseUrls.get(s), pg, tokens));
        }
        // They start in parallel; each gets its own timeout from the moment we begin waiting for it.
        for (ServiceProcess p : snapshot()) {
            p.awaitReady(http, READY_TIMEOUT);
            System.out.println(p.service().module() + " is ready");
        }

        if (sampleData) {
            SampleData.load(EnumSet.copyOf(services), http, System.out);
        }
        if (!aotTraining) {
            printUrls(services, pg, databaseUrls);
        }
    }

    private List<Service> builtServices() {
        List<Service> built = new ArrayList<>();
        for (Service s : Service.values()) {
            if (s.isBuilt(root)) {
                built.add(s);
            } else {
                System.out.println(s.module() + " is not built (no " + root.relativize(s.runJar(root)) + "): not started");
            }
        }
        if (built.isEmpty()) {
            throw new LaunchException("No service is built under " + root
                    + ": run ./mvnw -DskipTests install there first (or pass --root <repository>)");
        }
        return built;
    }

    private static int pgPort() {
        String value = System.getenv(PG_PORT_VARIABLE);
        if (isBlank(value)) {
            return DEFAULT_PG_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException(PG_PORT_VARIABLE + " must be a port number, not " + value);
        }
    }

    /**
     * Fails early and clearly when a port is taken (an earlier run still going?): otherwise a
     * service would die on bind, or worse, another process would answer its health check.
     */
    private static void requireFreePorts(List<Service> services, int pgPort) {
        List<String> taken = new ArrayList<>();
        for (Service s : services) {
            if (!isFree(s.port())) {
                taken.add(s.port() + " (" + s.module() + ")");
            }
        }
        if (pgPort > 0 && !isFree(pgPort)) {
            taken.add(pgPort + " (PostgreSQL; set " + PG_PORT_VARIABLE + " to use another one)");
        }
        if (!taken.isEmpty()) {
            throw new LaunchException("Port(s) already in use: " + String.join(", ", taken)
                    + ". Is another run still going?");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void createLogDir() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new LaunchException("Could not create " + logDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedded PostgreSQL logs through SLF4J (slf4j-simple here): its server output goes to a
     * file rather than into the URLs block. Must run before the first logger is created.
     */
    private static void routePostgresLogTo(Path file) {
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }

    private PostgresServer startPostgres(int port) {
        PostgresServer pg;
        try {
            // A throw-away data directory (null): every run starts from the migrations and the sample data.
            pg = PostgresServer.start(port, null);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LaunchException("PostgreSQL did not start: " + e.getMessage()
                    + (port > 0 ? " (see " + logDir.resolve("postgres.log") + ")" : ""), e);
        }
        synchronized (this) {
            if (stopping) {
                pg.close();
                throw new LaunchException("Stopped while starting");
            }
            postgres = pg;
        }
        return pg;
    }

    /** How the run command configures {@code service}: its port, its database, the services it calls, the token key. */
    static Map<String, String> systemProperties(Service service, String databaseUrl, PostgresServer pg, LocalTokens tokens) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(service.port()));
        if (databaseUrl != null) {
            // Harmless for a service without a datasource yet: Quarkus only warns about unknown keys.
            properties.put("quarkus.datasource.jdbc.url", databaseUrl);
            properties.put("quarkus.datasource.username", pg.user());
            properties.put("quarkus.datasource.password", pg.password());
        }
        if (service == Service.CONVENTION) {
            // convention-service reads organisations and memberships from membership-service; said explicitly
            // rather than left to the default of MEMBERSHIP_URL, so that it follows Service.MEMBERSHIP's port.
            properties.put("quarkus.rest-client.membership.url", Service.MEMBERSHIP.url("").toString());
        }
        if (service == Service.GATEWAY) {
            // The gateway routes to the services of this run and checks tokens against the local key.
            properties.put("centrale.gateway.membership-url", Service.MEMBERSHIP.url("").toString());
            properties.put("centrale.gateway.convention-url", Service.CONVENTION.url("").toString());
            properties.put("centrale.gateway.billing-url", Service.BILLING.url("").toString());
            properties.put("mp.jwt.verify.publickey.location", tokens.publicKey().toString());
        }
        if (service == Service.BILLING) {
            // billing-service reads the billable items of both; the daily run stays on its cron (06:30).
            properties.put("quarkus.rest-client.membership.url", Service.MEMBERSHIP.url("").toString());
            properties.put("quarkus.rest-client.convention.url", Service.CONVENTION.url("").toString());
        }
        // The services' prod profile logs JSON (for Kubernetes); here people read the logs. A system property
        // outranks application.properties, its %prod entry included. The gateway logs text already (it has no
        // JSON logging: the key would only be warned about as unknown).
        if (service != Service.GATEWAY) {
            properties.put("quarkus.log.console.json.enabled", "false");
        }
        return properties;
    }

    private void startService(Service service, Map<String, String> properties) {
        synchronized (this) {
            if (stopping) {
                throw new LaunchException("Stopped while starting");
            }
            processes.add(ServiceProcess.start(service, root, logDir, properties, aotTraining));
        }
    }

    private synchronized List<ServiceProcess> snapshot() {
        return List.copyOf(processes);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void printUrls(List<Service> services, PostgresServer pg, Map<Service, String> databaseUrls) {
        StringBuilder out = new StringBuilder("\n");
        appendUrls(out, "Swagger UI", services, "/q/swagger-ui");
        appendUrls(out, "OpenAPI", services, "/q/openapi");
        appendUrls(out, "Health", services, "/q/health");
        String label = "PostgreSQL";
        for (Map.Entry<Service, String> db : databaseUrls.entrySet()) {
            String url = forDisplay(db.getValue());
            out.append(String.format("%-11s %s%n", label, url.contains("user=") ? url : url + "  (user " + pg.user() + ")"));
            label = "";
        }
        out.append(String.format("%-11s %s%n", "Logs", root.relativize(logDir) + "/"));
        if (services.contains(Service.GATEWAY)) {
            out.append("\nTokens for the gateway (Swagger UI: Authorize, then paste one; valid one day):\n");
            String adherentOf = departementId();
            for (String role : new String[]{"admin", "finance", "reader", "adherent"}) {
                if (role.equals("adherent") && adherentOf == null) {
                    continue;
                }
                out.append(String.format("%-11s %s%n", role, tokens.token(role, role.equals("adherent") ? adherentOf : null)));
            }
            if (adherentOf != null) {
                out.append(String.format("%-11s %s%n", "", "(adherent of the Département du Pas-de-Calais, " + adherentOf + ")"));
            }
        }
        out.append("\nPress Ctrl-C to stop.");
        System.out.println(out);
    }

    /** The sample Département's id, for the adherent token; null when membership-service does not know it. */
    private String departementId() {
        try {
            var answer = new Api(Service.MEMBERSHIP, http).get("/api/v1/organisations?q=Pas-de-Calais&category=DEPARTEMENT&size=1");
            String id = answer.path("items").path(0).path("id").asText(null);
            return id == null || id.isBlank() ? null : id;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void appendUrls(StringBuilder out, String label, List<Service> services, String path) {
        for (Service s : services) {
            out.append(String.format("%-11s %-40s %s%n", label, s.url(path), s.module()));
            label = "";
        }
    }

    /**
     * Blocks while everything runs. A service that stops by itself ends the run: half a system
     * would only confuse. (On Ctrl-C the children may get the signal first; the grace period lets
     * the shutdown hook mark the stop before that is taken for a crash.)
     */
    void awaitUnexpectedExit() throws InterruptedException {
        List<ServiceProcess> running = snapshot();
        CompletableFuture<?>[] exits = running.stream().map(p -> p.process().onExit()).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).join();
        TimeUnit.SECONDS.sleep(1);
        if (isStopping()) {
            return;
        }
        for (ServiceProcess p : running) {
            if (!p.process().isAlive()) {
                throw p.failure(p.service().module() + " stopped (exit code " + p.process().exitValue() + ")");
            }
        }
    }

    /** The shutdown hook: stops the services (SIGTERM, then SIGKILL after 10 s, 240 s for a training run) and PostgreSQL. */
    void stop() {
        List<ServiceProcess> toStop;
        PostgresServer pg;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(processes);
            pg = postgres;
        }
        if (toStop.isEmpty() && pg == null) {
            return;
        }
        System.out.println(aotTraining ? "Stopping (each service writes its AOT cache)…" : "\nStopping…");
        toStop.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + (aotTraining ? TRAINING_STOP_TIMEOUT : STOP_TIMEOUT).toNanos();
        for (ServiceProcess p : toStop) {
            try {
                p.awaitStopped(deadline);
            } catch (InterruptedException e) {
                p.process().destroyForcibly();
            }
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (RuntimeException e) {
                // Already stopped: a Ctrl-C in the terminal signals the whole process group, PostgreSQL too.
                System.out.println("PostgreSQL: " + e.getMessage());
            }
        }
        System.out.println("Stopped.");
    }

    /** A JDBC URL without a password its query string might carry. */
    private static String forDisplay(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
