package fr.centrale.billing.testing;

import fr.centrale.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL (embedded unless
 * CENTRALE_DB_URL is set) and one WireMock stand-in for both membership-service and
 * convention-service ({@link SourceServicesStub}). {@code @QuarkusTestResource} on any class of the
 * test sources applies to all the module's Quarkus tests.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SourceServicesStub.class)
public final class TestResources {

    private TestResources() {
    }
}
