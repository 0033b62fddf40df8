package fr.centrale.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} a fresh database on a real PostgreSQL: embedded by default, or on the
 * server named by {@code CENTRALE_DB_URL}. The database is dropped again when the tests end.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.startDefault();
        database = "centrale_test_" + UUID.randomUUID().toString().substring(0, 8);
        String url = server.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server == null) {
            return;
        }
        if (!server.isEmbedded()) {
            server.dropDatabase(database);
        }
        server.close();
    }
}
