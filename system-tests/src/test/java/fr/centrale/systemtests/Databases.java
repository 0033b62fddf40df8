package fr.centrale.systemtests;

import fr.centrale.testing.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server with one database per service: an embedded PostgreSQL 15 on a free port, or the
 * external server named by {@code CENTRALE_DB_URL}, on which the databases get a unique name and are
 * dropped at the end. Also plain JDBC reads for the tests' checks.
 *
 * <p>{@link #startRestartable} gives an embedded server that a test can stop and start again
 * ({@link #stopServer()}, {@link #startServer()}) on the same port and data directory, as a database restart.
 */
final class Databases implements AutoCloseable {

    private PostgresServer server;
    private final String prefix;
    private final Map<String, String> urls = new LinkedHashMap<>();
    /** Port and kept data directory of a restartable embedded server; -1 and null otherwise. */
    private final int port;
    private final Path dataDir;
    /** The settings the embedded server is started with besides PostgresServer's (WAL archiving...). */
    private final Map<String, String> serverConfig;

    private Databases(PostgresServer server, int port, Path dataDir, Map<String, String> serverConfig) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.serverConfig = Map.copyOf(serverConfig);
        this.prefix = server.isEmbedded() ? "" : "st_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    }

    /** Starts the server (or connects to the external one) and creates the databases. */
    static Databases start(String... names) {
        long start = System.nanoTime();
        return create(new Databases(PostgresServer.startDefault(), -1, null, Map.of()), start, names);
    }

    /**
     * An embedded server on a fixed port with a data directory of its own, which {@link #stopServer()} and
     * {@link #startServer()} stop and start again; with {@code CENTRALE_DB_URL} set, the external server, which is
     * not restartable ({@link #isRestartable()}).
     */
    static Databases startRestartable(String... names) {
        return startRestartable(Map.of(), names);
    }

    /**
     * The same, the embedded server started with these settings too ({@code postgresql.conf} names, e.g.
     * {@code archive_mode=on}), each time {@link #startServer()} starts it again.
     */
    static Databases startRestartable(Map<String, String> serverConfig, String... names) {
        String external = System.getenv(PostgresServer.URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return start(names);
        }
        try {
            long start = System.nanoTime();
            Path dir = Files.createTempDirectory("centrale-system-tests-pg-");
            int port = Centrale.freePort();
            return create(new Databases(PostgresServer.start(port, dir, serverConfig), port, dir, serverConfig), start, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A restartable embedded server started on a data directory that already holds a cluster (a restored base
     * backup: not initialised again), with these settings too; the databases must be there already. {@link #close()}
     * deletes the directory. Needs the embedded server ({@code CENTRALE_DB_URL} unset).
     */
    static Databases startOn(Path dataDir, Map<String, String> serverConfig, String... names) {
        if (!Files.isRegularFile(dataDir.resolve("postgresql.conf"))) {
            throw new IllegalArgumentException(dataDir + " holds no PostgreSQL cluster (no postgresql.conf)");
        }
        long start = System.nanoTime();
        int port = Centrale.freePort();
        PostgresServer server = PostgresServer.start(port, dataDir, serverConfig);
        if (!server.isEmbedded()) {
            server.close();
            throw new IllegalStateException("Databases.startOn needs the embedded server; unset " + PostgresServer.URL_VARIABLE);
        }
        return create(new Databases(server, port, dataDir, serverConfig), start, names);
    }

    private static Databases create(Databases dbs, long start, String... names) {
        for (String name : names) {
            dbs.urls.put(name, dbs.server.ensureDatabase(dbs.prefix + name));
        }
        System.out.printf("[system-tests] PostgreSQL (%s) with databases %s in %.1f s%n",
                dbs.server.isEmbedded() ? "embedded" : "external", dbs.urls.keySet(), (System.nanoTime() - start) / 1e9);
        return dbs;
    }

    boolean isRestartable() {
        return dataDir != null;
    }

    /**
     * Stops the embedded server ({@code pg_ctl stop -m fast}: every client is disconnected, open transactions are
     * rolled back, what was committed is on disk).
     */
    void stopServer() {
        requireRestartable();
        server.close();
    }

    /** Starts it again on the same port and data directory: the same databases, the same URLs. */
    void startServer() {
        requireRestartable();
        server = PostgresServer.start(port, dataDir, serverConfig);
    }

    private void requireRestartable() {
        if (!isRestartable()) {
            throw new IllegalStateException("Not a restartable embedded server (see startRestartable)");
        }
    }

    /** The data directory of a restartable embedded server (to copy it while it runs, for a base backup). */
    Path dataDir() {
        requireRestartable();
        return dataDir;
    }

    boolean isEmbedded() {
        return server.isEmbedded();
    }

    /** "15.17". */
    String serverVersion() {
        return column(urls.keySet().iterator().next(), "SHOW server_version").get(0).split(" ")[0];
    }

    String url(String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new IllegalArgumentException("No database " + name + " (created: " + urls.keySet() + ")");
        }
        return url;
    }

    /** The datasource of a service, as Quarkus system properties. */
    Map<String, String> datasource(String name) {
        return Map.of("quarkus.datasource.jdbc.url", url(name),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), server.user(), server.password());
    }

    /** A connection with more JDBC URL parameters ({@code reWriteBatchedInserts=true}). */
    Connection connect(String name, String parameters) throws SQLException {
        String url = url(name);
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + parameters, server.user(), server.password());
    }

    /** The single number a query answers ({@code SELECT count(*) ...}). */
    long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + database, e);
        }
    }

    /** The first column of every row, as strings. */
    List<String> column(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + database, e);
        }
    }

    @Override
    public void close() {
        if (!server.isEmbedded()) {
            urls.keySet().forEach(name -> server.dropDatabase(prefix + name));
        }
        server.close();
        if (dataDir != null) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.out.println("[system-tests] could not delete " + dataDir + ": " + e);
            }
        }
    }
}
