package fr.centrale.convention.migration;

import fr.centrale.testing.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A throw-away database of its own on the tests' PostgreSQL, migrated by Flyway to the version a migration test fills it
 * at, then to the latest: what the migration tests share.
 */
final class ScratchDatabase {

    private final PostgresServer server = PostgresServer.startDefault();
    private final String name;
    private final String url;

    /** A new empty database named {@code prefix} and a random suffix. */
    ScratchDatabase(String prefix) {
        name = prefix + UUID.randomUUID().toString().substring(0, 8);
        url = server.ensureDatabase(name);
    }

    /** Migrates to {@code version} (Flyway's target). */
    void migrateTo(String version) {
        flyway().target(version).load().migrate();
    }

    /** Migrates to the latest version. */
    void migrateToLatest() {
        flyway().load().migrate();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, server.user(), server.password()).locations("classpath:db/migration");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    void drop() {
        server.dropDatabase(name);
    }
}
