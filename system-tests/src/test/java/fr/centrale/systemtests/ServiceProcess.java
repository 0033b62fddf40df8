package fr.centrale.systemtests;

import fr.centrale.testing.ServiceJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service running as a child JVM ({@code java -jar quarkus-run.jar}), configured by system
 * properties only, its output going to its own log file. The same idea as the launcher's, on a port of
 * its own.
 */
final class ServiceProcess {

    /**
     * Environment variables the services read (ports, databases, URLs, Q1 run day, cron, profile): a
     * developer's shell must not change what the tests run. System properties would outrank most of them;
     * removing them also covers the ones the tests do not set.
     */
    private static final List<String> SERVICE_ENV_PREFIXES =
            List.of("QUARKUS_", "CENTRALE_", "MEMBERSHIP_", "CONVENTION_", "BILLING_", "GATEWAY_", "SMALLRYE_", "MP_");

    /** An address, not "localhost", which may resolve to ::1 first while the service listens on IPv4. */
    static final String HOST = "127.0.0.1";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar as the run command does ({@link ServiceJvm}), with {@code quarkus.http.port} set to
     * {@code port}, in the jar's own directory, where no {@code .env} or {@code config/} of a developer's is.
     */
    static ServiceProcess start(String name, Path jar, int port, Path log, Map<String, String> properties) {
        return start(name, jar, port, log, properties, List.of());
    }

    /** The same, with JVM options added after the run command's ({@link ServiceJvm}): the last one given wins. */
    static ServiceProcess start(String name, Path jar, int port, Path log, Map<String, String> properties,
                                List<String> jvmOptions) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("quarkus.http.port", String.valueOf(port));
        // Loopback only: nothing outside this machine reaches the services under test.
        all.put("quarkus.http.host", HOST);
        // The packaged application logs JSON (prod profile): here people read the logs.
        all.put("quarkus.log.console.json.enabled", "false");
        all.putAll(properties);
        List<String> command = ServiceJvm.command(jar, all, jvmOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ServiceJvm.directory(jar).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> SERVICE_ENV_PREFIXES.stream().anyMatch(key::startsWith));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200; fails, with the end of the log, when the process
     * dies or the timeout passes first.
     */
    void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit code " + process.exitValue() + ")"
                        + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("[system-tests] %s ready on port %d, %.1f s after its start%n", name, port,
                            (System.nanoTime() - startedNanos) / 1e9);
                    return;
                }
            } catch (IOException notListeningYet) {
                // Connection refused or timed out: still starting.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s" + logTail());
            }
            Thread.sleep(250);
        }
    }

    /** SIGTERM (Quarkus stops gracefully), then SIGKILL when it is still running after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("[system-tests] " + name + " did not stop in " + grace.toSeconds() + " s: killed");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, introduced by a line naming the file. */
    String logTail() {
        return "\n---- last lines of " + log + " ----\n" + tail(40) + "\n---- end of " + log.getFileName() + " ----";
    }

    String tail(int lines) {
        try {
            // Decoded leniently: a log cut in the middle of a character must still be shown.
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(text.split("\\R"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read the log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
