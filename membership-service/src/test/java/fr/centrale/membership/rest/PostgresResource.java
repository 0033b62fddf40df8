package fr.centrale.membership.rest;

import fr.centrale.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against a real PostgreSQL (embedded unless CENTRALE_DB_URL is set). */
@QuarkusTestResource(PostgresTestResource.class)
public class PostgresResource {
}
