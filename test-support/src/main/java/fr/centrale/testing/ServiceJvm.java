package fr.centrale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the run command and the system tests start a packaged service ({@code quarkus-app/quarkus-run.jar}):
 * lean JVM options, so that four services and PostgreSQL fit on a 2-core laptop, and the class data prepared
 * beside the jar: on JDK 25+ the AOT cache of a training run ({@value #AOT_CACHE}), else the AppCDS archive the
 * build makes ({@code app-cds.jsa}, {@code quarkus.package.jar.appcds.enabled}).
 * Measured by {@code bench/startup.sh} (README, "Benchmarks").
 */
public final class ServiceJvm {

    /**
     * Serial GC (one small heap, no GC threads), C1 only (starts faster, enough for these loads), a heap
     * that grows from 16 MB and gives memory back, small stacks and code cache, and one Netty arena
     * instead of two per core (about 25 MB of resident memory less).
     */
    public static final List<String> OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xms16m", "-Xmx256m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-Xss512k", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxDirectMemorySize=32m",
            "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1");

    /**
     * Options added for a service whose steady state matters more than its first seconds: the optimising JIT
     * compiler (C2) on top of C1, and the code cache it needs. The run command gives them to the gateway, the one
     * process every request crosses, as the Kubernetes manifests do (their JVMs keep the default JIT): once
     * warmed up it spends about half the CPU per forwarded request that C1's code does (docs/benchmarks.md, "HTTP").
     */
    public static final List<String> FULL_JIT = List.of("-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=64m");

    /** The AppCDS archive the build makes with the build's JDK ({@code quarkus.package.jar.appcds.enabled}). */
    private static final String ARCHIVE = "app-cds.jsa";

    /**
     * The AOT cache of a JDK 25+ (JEP 483, 514, 515: classes loaded and linked ahead of time, method profiles),
     * written next to the jar by a training run ({@link #trainingCommand}), used by every later start of the same
     * build: it takes about a third off the start-up time where the AppCDS archive of JDK 17 took a quarter.
     */
    public static final String AOT_CACHE = "app.aot";

    /** Environment variable of JVM options added after {@link #OPTIONS}. */
    public static final String EXTRA_OPTIONS = "CENTRALE_JVM_OPTIONS";

    private ServiceJvm() {
    }

    /** Whether the JVM the services run on (this one's {@code java.home}) has the AOT cache: JDK 25 or later. */
    public static boolean hasAotCache() {
        return Runtime.version().feature() >= 25;
    }

    /**
     * {@code java <options> <class-data> -D<properties> -jar quarkus-run.jar}, to run in {@link #directory(Path)}.
     * Class data: on JDK 25+, the AOT cache when a training run made one for this build; otherwise the build's
     * AppCDS archive ({@code -Xshare:auto}: an archive of another JDK is ignored, not fatal). Both record the
     * class path as it was, relative to that directory, and the JVM ignores them when it differs.
     */
    public static List<String> command(Path runJar, Map<String, String> properties) {
        return command(runJar, properties, List.of());
    }

    /** As {@link #command(Path, Map)}, with {@code extraOptions} after the defaults (the last one given wins). */
    public static List<String> command(Path runJar, Map<String, String> properties, List<String> extraOptions) {
        List<String> classData = new ArrayList<>();
        if (hasAotCache() && isAotCacheUpToDate(runJar)) {
            classData.add("-XX:AOTCache=" + AOT_CACHE);
        } else if (Files.isRegularFile(runJar.resolveSibling(ARCHIVE))) {
            classData.add("-XX:SharedArchiveFile=" + ARCHIVE);
            classData.add("-Xshare:auto");
        }
        return command(runJar, properties, extraOptions, classData);
    }

    /**
     * A training run (JDK 25+): the service runs as {@link #command(Path, Map)} runs it, and writes its AOT cache
     * ({@value #AOT_CACHE}) when it stops, from what it loaded and ran meanwhile. Stopping takes longer (the cache
     * is assembled then, by a second JVM).
     */
    public static List<String> trainingCommand(Path runJar, Map<String, String> properties) {
        return trainingCommand(runJar, properties, List.of());
    }

    /** As {@link #trainingCommand(Path, Map)}, with {@code extraOptions} as the runs it trains for have them. */
    public static List<String> trainingCommand(Path runJar, Map<String, String> properties, List<String> extraOptions) {
        if (!hasAotCache()) {
            throw new IllegalStateException("An AOT cache needs JDK 25 or later, not " + Runtime.version());
        }
        // Without the method profiles a training records by default (JEP 515): with C1 only, nothing reads them,
        // and they made the cache, mapped whole, 5 MB bigger (resident memory included).
        return command(runJar, properties, extraOptions, List.of("-XX:AOTCacheOutput=" + AOT_CACHE,
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining"));
    }

    /**
     * Whether {@code runJar}'s AOT cache exists and is newer than every file of the application beside it: a
     * rebuilt application needs a new training run (the JVM would ignore the old cache).
     */
    public static boolean isAotCacheUpToDate(Path runJar) {
        Path application = directory(runJar);
        Path cache = application.resolve(AOT_CACHE);
        if (!Files.isRegularFile(cache)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(application)) {
            FileTime made = Files.getLastModifiedTime(cache);
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(cache) && !f.getFileName().toString().equals(ARCHIVE))
                    .noneMatch(f -> lastModified(f).compareTo(made) > 0);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(Path runJar, Map<String, String> properties, List<String> extraOptions,
                                        List<String> classData) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        command.addAll(extraOptions);
        // Extra options, after the defaults so that they win: e.g. -XX:TieredStopAtLevel=4 for full JIT.
        String extra = System.getenv(EXTRA_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(classData);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(runJar.getFileName().toString());
        return command;
    }

    /** The working directory of {@link #command}: the jar's own ({@code quarkus-app}). */
    public static Path directory(Path runJar) {
        return runJar.toAbsolutePath().getParent();
    }
}
