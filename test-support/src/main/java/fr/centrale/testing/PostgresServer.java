package fr.centrale.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for tests and for the one-command run: an external server when
 * {@code CENTRALE_DB_URL} is set (e.g. {@code jdbc:postgresql://localhost:5432/postgres}, with
 * {@code CENTRALE_DB_USER} and {@code CENTRALE_DB_PASSWORD}), otherwise an embedded PostgreSQL 15
 * started from the zonky binaries shipped on Maven Central, so a machine with only a JDK works.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String URL_VARIABLE = "CENTRALE_DB_URL";
    public static final String USER_VARIABLE = "CENTRALE_DB_USER";
    public static final String PASSWORD_VARIABLE = "CENTRALE_DB_PASSWORD";

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The external server if configured, else a fresh embedded one on a free port. */
    public static PostgresServer startDefault() {
        return start(-1, null);
    }

    /**
     * @param port    embedded port, or -1 for any free port
     * @param dataDir embedded data directory kept between runs, or null for a throw-away one
     */
    public static PostgresServer start(int port, Path dataDir) {
        return start(port, dataDir, Map.of());
    }

    /**
     * The same, the embedded server started with more settings ({@code postgresql.conf} names and values, e.g.
     * {@code archive_mode=on}), which outrank its configuration files; an external server is used as it is.
     * A data directory that already holds a {@code postgresql.conf} (a restored base backup) is started as it is,
     * not initialised.
     */
    public static PostgresServer start(int port, Path dataDir, Map<String, String> serverConfig) {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return new PostgresServer(null, external.trim(),
                    Objects.requireNonNullElse(System.getenv(USER_VARIABLE), "postgres"),
                    Objects.requireNonNullElse(System.getenv(PASSWORD_VARIABLE), ""));
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "Europe/Paris")
                    .setServerConfig("max_connections", "200");
            serverConfig.forEach((name, value) -> builder.setServerConfig(name, shellWord(name, value)));
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:/%+=@-]+");

    /**
     * The embedded server's settings reach it as {@code -c name=value} in the options pg_ctl hands to a shell: a value
     * with spaces or shell characters ({@code cp %p /archive/%f}) is single-quoted so that it stays one word.
     */
    private static String shellWord(String name, String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("A server setting cannot contain a single quote: " + name + "=" + value);
        }
        return "'" + value + "'";
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates the database when it does not exist yet and returns its JDBC URL. */
    public String ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unsafe database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + adminUrl, e);
        }
        return urlOf(name);
    }

    /** Drops the database (used for throw-away test databases on an external server). */
    public void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name, e);
        }
    }

    /** The JDBC URL of another database on the same server. */
    public String urlOf(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
