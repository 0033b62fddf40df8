package fr.centrale.launcher;

import fr.centrale.testing.LocalTokens;
import fr.centrale.testing.PostgresServer;
import fr.centrale.testing.ServiceJvm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up time and memory of each packaged service, started exactly as the run command starts it
 * (same JVM options, same class-data archive when the build made one), against a real PostgreSQL:
 * {@code bench/startup.sh [runs]}.
 * <p>
 * For each service, in the order of the run command: {@code runs} starts, each timed from the process
 * start to the first 200 of {@code /q/health/ready} (polled every 10 ms), with the resident set size
 * (VmRSS of {@code /proc/<pid>/status}) once ready and after 2 000 requests to one of its reads; then it
 * is started once more and left running for the services that call it. The first start of a service
 * also runs its Flyway migrations on an empty database; the median is over all starts.
 */
final class StartupBenchmark {

    private static final int REQUESTS = 2_000;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // PostgreSQL's own log: not here
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of("").toAbsolutePath();
        Path logDir = Files.createDirectories(root.resolve(".run/bench-startup"));
        LocalTokens tokens = LocalTokens.in(logDir.resolve("keys"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        List<ServiceProcess> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(p -> p.process().destroyForcibly())));

        System.out.printf("JVM options: %s %s; the gateway also %s%n", String.join(" ", ServiceJvm.OPTIONS), classData(root),
                String.join(" ", ServiceProcess.jvmOptions(Service.GATEWAY)));
        System.out.printf("%d cores, %s%n%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.println("| Service | Starts | Ready, first (s) | Ready, median (s) | Ready, max (s) | RSS ready (MB) | RSS after " + REQUESTS + " requests (MB) |");
        System.out.println("|---|---|---|---|---|---|---|");
        try (PostgresServer pg = PostgresServer.start(-1, null)) {
            for (Service service : Service.values()) {
                String database = service.database() == null ? null : pg.ensureDatabase(service.database());
                Map<String, String> properties = new java.util.LinkedHashMap<>(
                        Launcher.systemProperties(service, database, pg, tokens));
                properties.put("centrale.billing.cron", "off");
                List<Double> seconds = new ArrayList<>();
                long rssReady = 0;
                long rssLoaded = 0;
                for (int run = 0; run < runs; run++) {
                    long start = System.nanoTime();
                    ServiceProcess p = ServiceProcess.start(service, root, logDir, properties);
                    p.awaitReady(http, Duration.ofSeconds(120), Duration.ofMillis(10));
                    seconds.add((System.nanoTime() - start) / 1e9);
                    rssReady = Math.max(rssReady, rssKb(p));
                    Reads.repeat(http, service, tokens, REQUESTS);
                    rssLoaded = Math.max(rssLoaded, rssKb(p));
                    p.requestStop();
                    p.awaitStopped(System.nanoTime() + Duration.ofSeconds(20).toNanos());
                }
                List<Double> sorted = new ArrayList<>(seconds);
                Collections.sort(sorted);
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %d | %d |%n", service.module(), runs,
                        seconds.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                        rssReady / 1024, rssLoaded / 1024);
                ServiceProcess dependency = ServiceProcess.start(service, root, logDir, properties);
                running.add(dependency);
                dependency.awaitReady(http, Duration.ofSeconds(120));
            }
        } finally {
            for (ServiceProcess p : running) {
                p.requestStop();
            }
            for (ServiceProcess p : running) {
                p.awaitStopped(System.nanoTime() + Duration.ofSeconds(20).toNanos());
            }
        }
        System.out.println("\nRSS: the largest over the starts. Logs: " + root.relativize(logDir));
    }

    /** Which class data the services start with (ServiceJvm.command decides the same way). */
    private static String classData(Path root) {
        Path jar = Service.MEMBERSHIP.runJar(root);
        if (ServiceJvm.hasAotCache() && ServiceJvm.isAotCacheUpToDate(jar)) {
            return "-XX:AOTCache=" + ServiceJvm.AOT_CACHE + " (the AOT cache of a training run, JDK 25+)";
        }
        return Files.isRegularFile(jar.resolveSibling("app-cds.jsa"))
                ? "-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto (the build's AppCDS archive)" : "(no class-data archive)";
    }

    private static long rssKb(ServiceProcess p) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.process().pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS for " + p.service().module());
    }
}
