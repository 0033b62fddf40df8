package fr.centrale.launcher;

import fr.centrale.testing.ServiceJvm;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output going to its own log file. */
final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Service service;
    private final Process process;
    private final Path log;

    private ServiceProcess(Service service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} as {@link ServiceJvm} says, with the given
     * system properties.
     */
    static ServiceProcess start(Service service, Path root, Path logDir, Map<String, String> properties) {
        return start(service, root, logDir, properties, false);
    }

    /** As {@link #start(Service, Path, Path, Map)}; {@code aotTraining}: a training run that writes the AOT cache on stop. */
    static ServiceProcess start(Service service, Path root, Path logDir, Map<String, String> properties,
                                boolean aotTraining) {
        Path log = logDir.resolve(service.module() + ".log");
        Path jar = service.runJar(root);
        List<String> options = jvmOptions(service);
        List<String> command = aotTraining ? ServiceJvm.trainingCommand(jar, properties, options)
                : ServiceJvm.command(jar, properties, options);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(ServiceJvm.directory(jar).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(service, process, log);
        } catch (IOException e) {
            throw new LaunchException("Could not start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The options {@code service} gets beyond {@link ServiceJvm#OPTIONS}: the gateway, which every request crosses,
     * runs with the optimising JIT compiler ({@link ServiceJvm#FULL_JIT}); the services with C1 only.
     */
    static List<String> jvmOptions(Service service) {
        return service == Service.GATEWAY ? ServiceJvm.FULL_JIT : List.of();
    }

    Service service() {
        return service;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200. Fails, with the end of the log, when the
     * process dies or the timeout passes first.
     */
    void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        awaitReady(http, timeout, POLL_INTERVAL);
    }

    /** As {@link #awaitReady(HttpClient, Duration)}, polling every {@code interval}. */
    void awaitReady(HttpClient http, Duration timeout, Duration interval) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(service.url("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure(service.module() + " stopped while starting (exit code " + process.exitValue() + ")");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Connection refused or timed out: it is still starting.
            }
            if (System.nanoTime() > deadline) {
                throw failure(service.module() + " was not ready after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** A failure message followed by the last lines of the log, which usually say why. */
    LaunchException failure(String message) {
        return new LaunchException(message + "; last lines of " + log + ":\n" + tail(30));
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully). */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the process to end until the deadline (System.nanoTime()), then kills it. */
    void awaitStopped(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (!process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
            System.out.println(service.module() + " did not stop in time: killed");
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    String tail(int lines) {
        try {
            // Decoding leniently: a log cut in the middle of a character must still be shown.
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(text.split("\\R"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read the log: " + e.getMessage() + ")";
        }
    }
}
