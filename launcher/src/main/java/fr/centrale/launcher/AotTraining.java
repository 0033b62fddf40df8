package fr.centrale.launcher;

import fr.centrale.testing.ServiceJvm;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the AOT caches ({@code java -cp launcher.jar fr.centrale.launcher.AotTraining}, which
 * {@code ./run.sh} and the benchmarks call after building): on JDK 25+, when a service was built after its cache
 * ({@link ServiceJvm#AOT_CACHE}) was made, the suite starts once as the run command starts it, on a throw-away
 * database, answers a few reads, and stops; each service writes its cache as it stops and
 * every later start of the same build uses it. On an older JDK it does nothing: the build's AppCDS archives are used.
 * A training that fails only costs start-up time: the services then start without a cache.
 */
final class AotTraining {

    /**
     * A few reads only: the cache holds every class the training loaded and is mapped whole, so a training that
     * also loaded the sample data (the billing run, the PDF printer) made it bigger, and the services' resident
     * memory with it (membership-service: 110 MB instead of 96).
     */
    private static final int READS = 50;

    private AotTraining() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath().normalize();
        if (!ServiceJvm.hasAotCache()) {
            System.out.println("Java " + Runtime.version().feature()
                    + ": the services start with the build's AppCDS archives (an AOT cache needs JDK 25 or later)");
            return;
        }
        List<Service> stale = new ArrayList<>();
        for (Service s : Service.values()) {
            if (s.isBuilt(root) && !ServiceJvm.isAotCacheUpToDate(s.runJar(root))) {
                stale.add(s);
            }
        }
        if (stale.isEmpty()) {
            System.out.println("AOT caches up to date");
            return;
        }
        System.out.println("Training the services' AOT caches (once per build, JDK " + Runtime.version().feature()
                + "): the suite starts on a throw-away database, answers "
                + READS + " reads each, and stops (logs: .run/aot-training/)…");
        long start = System.nanoTime();
        Launcher launcher = new Launcher(root, false, true);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "centrale-stop"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            launcher.start();
            for (Service s : Service.values()) {
                if (s.isBuilt(root)) {
                    Reads.repeat(http, s, launcher.tokens(), READS);
                }
            }
        } catch (LaunchException | IllegalStateException | java.io.IOException e) {
            System.out.println("The training run failed, the services will start without an AOT cache: " + e.getMessage());
        } finally {
            launcher.stop();
        }
        for (Service s : stale) {
            Path cache = s.runJar(root).resolveSibling(ServiceJvm.AOT_CACHE);
            System.out.println(ServiceJvm.isAotCacheUpToDate(s.runJar(root))
                    ? s.module() + ": " + root.relativize(cache) + " (" + size(cache) + " MB)"
                    : s.module() + ": no AOT cache written (see .run/aot-training/" + s.module() + ".log)");
        }
        System.out.printf("Trained in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static long size(Path file) {
        try {
            return Files.size(file) / (1024 * 1024);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
