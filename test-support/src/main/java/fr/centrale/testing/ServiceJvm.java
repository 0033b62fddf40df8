package fr.centrale.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the run command and the system tests start a packaged service ({@code quarkus-app/quarkus-run.jar}):
 * lean JVM options, so that four services and PostgreSQL fit on a 2-core laptop, and the class-data archive
 * the build leaves next to the jar ({@code app-cds.jsa}, {@code quarkus.package.jar.appcds.enabled}).
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

    private static final String ARCHIVE = "app-cds.jsa";

    /** Environment variable of JVM options added after {@link #OPTIONS}. */
    public static final String EXTRA_OPTIONS = "CENTRALE_JVM_OPTIONS";

    private ServiceJvm() {
    }

    /**
     * {@code java <options> [-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto] -D<properties> -jar quarkus-run.jar},
     * to run in {@link #directory(Path)}: the archive records the class path as the build ran it, relative
     * to that directory, and the JVM ignores an archive whose class path differs. {@code -Xshare:auto}: a
     * stale archive (another JDK) is ignored, not fatal.
     */
    public static List<String> command(Path runJar, Map<String, String> properties) {
        return command(runJar, properties, List.of());
    }

    /** As {@link #command(Path, Map)}, with {@code extraOptions} after the defaults (the last one given wins). */
    public static List<String> command(Path runJar, Map<String, String> properties, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        command.addAll(extraOptions);
        // Extra options, after the defaults so that they win: e.g. -XX:TieredStopAtLevel=4 for full JIT.
        String extra = System.getenv(EXTRA_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (Files.isRegularFile(runJar.resolveSibling(ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + ARCHIVE);
            command.add("-Xshare:auto");
        }
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
