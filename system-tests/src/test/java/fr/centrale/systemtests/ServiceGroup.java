package fr.centrale.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services one test class starts, and their logs ({@code target/system-tests/<test class>/}).
 * Registered as a JUnit extension ({@code @RegisterExtension static final}): when a test or a
 * {@code @BeforeAll} fails, the end of every service's log is printed under the failure. The test class
 * stops them in its {@code @AfterAll} ({@link #stopAll()}); a shutdown hook kills whatever a crashed test
 * JVM would otherwise leave behind.
 */
final class ServiceGroup implements TestWatcher, LifecycleMethodExecutionExceptionHandler {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path logDir;
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    ServiceGroup(Class<?> testClass) {
        this.logDir = Centrale.outputDir().resolve(testClass.getSimpleName());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(p -> p.process().destroyForcibly()),
                "system-tests-kill-" + testClass.getSimpleName()));
    }

    HttpClient http() {
        return http;
    }

    Path logDir() {
        return logDir;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} on a free port, logging to
     * {@code <logName>.log}; does not wait (see {@link #awaitReady}).
     */
    ServiceProcess start(String module, String logName, Map<String, String> properties) {
        return start(module, logName, Centrale.freePort(), properties, List.of());
    }

    /** The same on a given port: a service restarted where its callers already point. */
    ServiceProcess start(String module, String logName, int port, Map<String, String> properties) {
        return start(module, logName, port, properties, List.of());
    }

    /** The same, with JVM options added to the run command's (a benchmark wants more heap). */
    ServiceProcess start(String module, String logName, Map<String, String> properties, List<String> jvmOptions) {
        return start(module, logName, Centrale.freePort(), properties, jvmOptions);
    }

    private ServiceProcess start(String module, String logName, int port, Map<String, String> properties,
                                 List<String> jvmOptions) {
        ServiceProcess p = ServiceProcess.start(module, Centrale.runJar(module), port,
                logDir.resolve(logName + ".log"), properties, jvmOptions);
        started.add(p);
        System.out.println("[system-tests] started " + p + ", log " + Centrale.root().relativize(p.log()));
        return p;
    }

    void awaitReady(ServiceProcess... processes) throws InterruptedException {
        for (ServiceProcess p : processes) {
            p.awaitReady(http, READY_TIMEOUT);
        }
    }

    /** Every service started: SIGTERM to all, then each gets a grace period before SIGKILL. */
    void stopAll() {
        started.forEach(p -> p.process().destroy());
        started.forEach(p -> p.stop(STOP_GRACE));
    }

    /** The end of every log (killed services' included), for a failure message. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess p : started) {
            out.append("\n").append(p).append(p.isAlive() ? "" : " (not running)").append(p.logTail());
        }
        return out.toString();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (!started.isEmpty()) {
            System.err.println("[system-tests] " + context.getDisplayName() + " failed: " + cause + logTails());
        }
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (!started.isEmpty()) {
            System.err.println("[system-tests] set-up of " + context.getDisplayName() + " failed: " + throwable + logTails());
        }
        throw throwable;
    }
}
