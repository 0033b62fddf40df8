package fr.centrale.launcher;

import java.net.URI;
import java.nio.file.Path;

/** The Quarkus services of the one-command run, in start order. */
enum Service {

    MEMBERSHIP("membership-service", 8081, "membership"),
    CONVENTION("convention-service", 8082, "convention"),
    BILLING("billing-service", 8083, "billing"),
    GATEWAY("gateway", 8080, null);

    private final String module;
    private final int port;
    private final String database;

    Service(String module, int port, String database) {
        this.module = module;
        this.port = port;
        this.database = database;
    }

    /** The Maven module directory, also the service's name in logs and messages. */
    String module() {
        return module;
    }

    int port() {
        return port;
    }

    /** Its own PostgreSQL database, or null when it has none. */
    String database() {
        return database;
    }

    /** What {@code ./mvnw install} builds; a service without it is not started. */
    Path runJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    boolean isBuilt(Path root) {
        return runJar(root).toFile().isFile();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
