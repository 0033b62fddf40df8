package fr.centrale.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Where the repository, the services' packaged jars and the system tests' logs are; free ports. */
final class Centrale {

    /** Set by failsafe to {@code ${project.basedir}/..}. */
    static final String ROOT_PROPERTY = "centrale.root";
    /** Set by failsafe to {@code ${project.build.directory}/system-tests}. */
    static final String OUTPUT_PROPERTY = "centrale.system-tests.dir";

    private static final Set<Integer> PORTS_GIVEN = new HashSet<>();
    private static final Set<Path> JARS_SHOWN = ConcurrentHashMap.newKeySet();

    private Centrale() {
    }

    static Path root() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        // Run from an IDE without the failsafe configuration: the working directory is the module's.
        Path cwd = Path.of("").toAbsolutePath();
        return cwd.getFileName() != null && cwd.getFileName().toString().equals("system-tests") ? cwd.getParent() : cwd;
    }

    /** The directory of the system tests' logs, created if needed. */
    static Path outputDir() {
        String dir = System.getProperty(OUTPUT_PROPERTY);
        Path path = dir == null || dir.isBlank() ? root().resolve("system-tests/target/system-tests") : Path.of(dir);
        try {
            return Files.createDirectories(path.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + path, e);
        }
    }

    /**
     * {@code <root>/<module>/target/quarkus-app/quarkus-run.jar}, which the reactor has built before this
     * module; fails with what to do when it has not (this module run alone on a clean tree).
     */
    static Path runJar(String module) {
        Path jar = root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("""
                    %s is not built: %s does not exist.
                    The system tests start the packaged services. Build them first from the repository root:
                        ./mvnw -B install -DskipTests      (then ./mvnw -B verify -pl system-tests)
                    or run the whole build, which builds every service before this module:
                        ./mvnw -B verify""".formatted(module, jar));
        }
        if (!JARS_SHOWN.add(jar)) {
            return jar;
        }
        try {
            Instant built = Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS);
            System.out.println("[system-tests] " + module + ": " + root().relativize(jar) + " (built " + built + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** A port nothing listens on now, and not given before in this JVM (services bind them a bit later). */
    static synchronized int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (PORTS_GIVEN.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
        }
        throw new IllegalStateException("No free port after 50 attempts");
    }
}
